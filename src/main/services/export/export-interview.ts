// Produces an export in memory, checks every byte of it for sensitive terms, and only then writes
// it — through a temp file and a rename, so a failed export never leaves half a file.
import { articleOutline } from '../../../shared/article';
import type { ExportFormat, ExportRequest } from '../../../shared/contract';
import type { Interview } from '../../../shared/interview';
import { redactionTerms } from '../../../shared/redaction';
import type { Settings } from '../../../shared/settings';
import { DeskError } from '../desk-error';
import { writeFileDurably } from '../storage/durable-file';
import { buildArticleDocx } from './docx-article';
import { buildBilingualDocx, buildOralHistoryDocx } from './docx-transcripts';
import { describeLeaks, findLeaksInDocx, findLeaksInText } from './leak-check';
import { publishableCopy } from './publishable';
import { buildArticleMarkdown, buildSrt, buildVtt } from './text-exports';
import { oralHistoryText } from './transcript-layout';

export type RenderedExport = { bytes: Uint8Array; isDocx: boolean };

export const fileExtensions: Record<ExportFormat, string> = {
  'docx-article': 'docx',
  'docx-bilingual': 'docx',
  'docx-transcript': 'docx',
  srt: 'srt',
  vtt: 'vtt',
  txt: 'txt',
  md: 'md',
};

export async function renderExport(interview: Interview, settings: Settings, request: ExportRequest): Promise<RenderedExport> {
  const terms = redactionTerms(interview);
  const publishable = publishableCopy(interview, terms);
  const author = settings.documentAuthor;
  const text = (content: string): RenderedExport => ({ bytes: Buffer.from(content, 'utf8'), isDocx: false });
  switch (request.format) {
    case 'docx-article':
      return { bytes: await buildArticleDocx(articleOutline(publishable, settings.series, terms), { author, includeOpenQueries: request.includeOpenQueries }), isDocx: true };
    case 'docx-bilingual':
      return { bytes: await buildBilingualDocx(publishable, author), isDocx: true };
    case 'docx-transcript':
      return { bytes: await buildOralHistoryDocx(publishable, request.language, author), isDocx: true };
    case 'srt':
      return text(buildSrt(publishable, request.language));
    case 'vtt':
      return text(buildVtt(publishable, request.language));
    case 'txt':
      return text(oralHistoryText(publishable, request.language));
    case 'md':
      return text(buildArticleMarkdown(articleOutline(publishable, settings.series, terms)));
  }
}

/** Renders, refuses any file that still holds a listed term, then writes it atomically. */
export async function exportInterview(interview: Interview, settings: Settings, request: ExportRequest, targetPath: string): Promise<void> {
  const rendered = await renderExport(interview, settings, request);
  const terms = redactionTerms(interview);
  const findings = rendered.isDocx
    ? await findLeaksInDocx(rendered.bytes, terms)
    : findLeaksInText(Buffer.from(rendered.bytes).toString('utf8'), terms);
  if (findings.length > 0) throw new DeskError('leak', describeLeaks(findings));
  await writeFileDurably(targetPath, rendered.bytes);
}
