// Produces an export in memory and hands it to the gate (gate.ts), which checks every byte of it
// for sensitive terms (by spelling and by sound) and for names nobody listed, and only then writes
// it — through a temp file beside the target and a rename, so a failed or interrupted export never
// leaves half a file, and no plaintext of it ever lies inside the library.
import { articleOutline, isEmptyDraft } from '../../../shared/article';
import { judgeConsent, localDay, paragraphsOnWithdrawn, segmentNumbersText, withWithdrawalsApplied, WITHDRAWN_MARK, type PublishedFile } from '../../../shared/consent';
import { ExportRequest, type ExportFormat } from '../../../shared/contract';
import type { z } from 'zod';
import type { GlossaryTerm, Interview } from '../../../shared/interview';
import { glossaryInUse } from '../../../shared/glossary';
import { redactionTerms } from '../../../shared/redaction';
import { isNorthKoreanPlaceName, type UnlistedName } from '../../../shared/redaction/unlisted-names';
import type { Settings } from '../../../shared/settings';
import { DeskError } from '../desk-error';
import { buildArticleDocx } from './docx-article';
import { buildEaf } from './elan-export';
import { buildOhmsXml } from './ohms-export';
import { buildBilingualDocx, buildOralHistoryDocx } from './docx-transcripts';
import { buildNarratorReviewDocx } from './docx-narrator-review';
import type { DocxParts } from './docx-styles';
import { docxReadableText, docxReadings, leakGuard, shownText, textReadings, type TextKind } from './leak-check';
import { inspectPublishable, interviewFields, writeOutgoing, type GatePass } from './gate';
import { publishableCopy } from './publishable';
import { buildArticleMarkdown, srtOf, subtitleCues, vttOf } from './text-exports';
import { readingWarnings, type CueWarning } from '../../../shared/subtitle-cues';
import { oralHistoryText, typesetSegments } from './transcript-layout';

/** A rendered file; a Word file comes with the text of every part it holds, for the checks. */
/** A rendered file; subtitles carry their reading-speed warnings, found on the very cues written. */
export type RenderedExport = { bytes: Uint8Array; isDocx: false; cueWarnings?: CueWarning[] } | { bytes: Uint8Array; isDocx: true; parts: DocxParts };

export const fileExtensions: Record<ExportFormat, string> = {
  'docx-article': 'docx',
  'docx-bilingual': 'docx',
  'docx-transcript': 'docx',
  'docx-review': 'docx',
  srt: 'srt',
  vtt: 'vtt',
  txt: 'txt',
  md: 'md',
  eaf: 'eaf',
  ohms: 'xml',
};

const textKinds: Record<ExportFormat, TextKind> = {
  'docx-article': 'plain',
  'docx-bilingual': 'plain',
  'docx-transcript': 'plain',
  'docx-review': 'plain',
  srt: 'subtitles',
  vtt: 'subtitles',
  txt: 'plain',
  md: 'markdown',
  eaf: 'xml',
  ohms: 'xml',
};

/** A request as callers write it: options left out take their defaults. */
export type ExportRequestInput = z.input<typeof ExportRequest>;

export async function renderExport(interview: Interview, settings: Settings, input: ExportRequestInput, libraryGlossary: readonly GlossaryTerm[] = []): Promise<RenderedExport> {
  const request = ExportRequest.parse(input);
  const glossary = glossaryInUse(libraryGlossary, interview.glossary);
  const terms = redactionTerms(interview);
  // Redacted first, then typeset: the leak check sees what the reader will.
  const publishable = typesetSegments(publishableCopy(interview, terms), settings.typography);
  const author = settings.documentAuthor;
  const text = (content: string): RenderedExport => ({ bytes: Buffer.from(content, 'utf8'), isDocx: false });
  switch (request.format) {
    case 'docx-article':
      return {
        ...(await buildArticleDocx(articleOutline(publishable, settings.series, terms, undefined, settings.typography, glossary), {
          author,
          includeOpenQueries: request.includeOpenQueries,
          includeNotes: request.includeNotes,
          slug: articleSlug(publishable),
          draftMark: request.draftMark,
        })),
        isDocx: true,
      };
    case 'docx-bilingual':
      return {
        ...(await buildBilingualDocx(publishable, author, { status: request.includeStatus, notes: request.includeNotes, queries: request.includeOpenQueries }, { draftMark: request.draftMark })),
        isDocx: true,
      };
    case 'docx-transcript':
      return { ...(await buildOralHistoryDocx(publishable, request.language, author, { draftMark: request.draftMark })), isDocx: true };
    case 'docx-review':
      return { ...(await buildNarratorReviewDocx(publishable, author)), isDocx: true };
    case 'srt':
    case 'vtt': {
      const cues = subtitleCues(publishable, request.language, settings.subtitles);
      return { bytes: Buffer.from(request.format === 'srt' ? srtOf(cues) : vttOf(publishable, cues), 'utf8'), isDocx: false, cueWarnings: readingWarnings(cues) };
    }
    case 'txt':
      return text(oralHistoryText(publishable, request.language));
    case 'eaf':
      return text(buildEaf(publishable));
    case 'ohms':
      return text(buildOhmsXml(publishable, settings.series.name));
    case 'md':
      return text(buildArticleMarkdown(articleOutline(publishable, settings.series, terms, undefined, settings.typography, glossary), { includeNotes: request.includeNotes }));
  }
}

/** The footer's slug: the (already redacted) title, short. */
function articleSlug(interview: Interview): string {
  return interview.title.trim().slice(0, 60) || 'Untitled';
}

/** What the export may contain without asking: the glossary, allowed names, the newsroom's own text. */
export function knownNames(interview: Interview, settings: Settings, glossary: readonly GlossaryTerm[]): string[] {
  return [
    // Place names stay questions (isNorthKoreanPlaceName): the glossary only says how to spell them.
    ...[...glossary, ...interview.glossary].filter((term) => !isNorthKoreanPlaceName(term.korean)).flatMap((term) => [term.korean, term.english]),
    ...interview.allowedNames,
    interview.narrator.pseudonym,
    ...interview.redactions.flatMap((redaction) => [redaction.replacementEn, redaction.replacementKo]),
    settings.series.name,
    settings.series.boilerplate,
    settings.series.howToSubmit,
    settings.documentAuthor,
  ].filter(Boolean);
}

/** A cue that reads too fast, or stays too short or too long on screen: for the editor to look at, not a refusal. */
export type SubtitleWarning = { start: number; kind: 'fast' | 'short' | 'long'; problem: string };
export type PreparedExport = { rendered: RenderedExport; pass: GatePass; unlisted: UnlistedName[]; warnings: SubtitleWarning[]; consentWarnings: string[] };

/** Formats a reader can be handed, as what of the narrator's consent they need; the review copy, for the narrator alone, needs none. */
export function publishedFile(request: Pick<ExportRequest, 'format' | 'language'>): PublishedFile | null {
  const side = request.language === 'target' ? 'target' : 'source';
  switch (request.format) {
    case 'docx-article':
    case 'md':
      return 'article';
    case 'docx-bilingual':
      return 'bilingual';
    case 'docx-transcript':
    case 'txt':
      return `transcript-${side}`;
    case 'srt':
    case 'vtt':
      return `subtitles-${side}`;
    case 'eaf':
      return 'eaf';
    case 'ohms':
      return 'ohms';
    case 'docx-review':
      return null;
  }
}

/** Formats that can carry the draft mark, and so be made as an internal draft. */
const draftable = new Set<ExportFormat>(['docx-article', 'docx-bilingual', 'docx-transcript']);

/**
 * The interview as this export may show it, or a refusal naming the narrator's condition: their
 * consent judged for the file on `now`'s day, withdrawn passages marked, and an article refused
 * while a paragraph is built on one (in a draft, such a paragraph says it was withdrawn).
 */
export function consentedInterview(interview: Interview, request: ExportRequest, now: Date): { interview: Interview; warnings: string[] } {
  const file = publishedFile(request);
  const draft = request.draftMark && draftable.has(request.format);
  const verdict = file ? judgeConsent(interview.consent, file, localDay(now), { draft }) : { refusal: null, warnings: [] };
  if (verdict.refusal) throw new DeskError('consent', `Nothing was written. ${verdict.refusal}`);
  const withdrawnParagraphs = file === 'article' ? paragraphsOnWithdrawn(interview) : [];
  if (withdrawnParagraphs.length > 0 && !draft) {
    const many = withdrawnParagraphs.length > 1;
    throw new DeskError(
      'consent',
      `Nothing was written: paragraph${many ? 's' : ''} ${withdrawnParagraphs.join(', ')} of the article ${many ? 'are' : 'is'} built on passages the narrator withdrew. Remove ${many ? 'them' : 'it'} in Edit & Export, or export an internal draft.`,
    );
  }
  const marked = withWithdrawalsApplied(interview);
  if (withdrawnParagraphs.length === 0) return { interview: marked, warnings: verdict.warnings };
  const blocks = marked.article.blocks.map((block, index) => (block.kind === 'paragraph' && withdrawnParagraphs.includes(index + 1) ? { ...block, text: WITHDRAWN_MARK, basedOn: '' } : block));
  const note = `Paragraph${withdrawnParagraphs.length > 1 ? 's' : ''} ${segmentNumbersText(withdrawnParagraphs.map((number) => number - 1))} of this draft say${withdrawnParagraphs.length > 1 ? '' : 's'} only that the narrator withdrew them.`;
  return { interview: { ...marked, article: { ...marked.article, blocks } }, warnings: [...verdict.warnings, note] };
}

/** Why a publishable file of this interview may not be made now, or null. */
export function publishableRefusal(interview: Interview): string | null {
  if (interview.mergeConflicts.length > 0) {
    const count = interview.mergeConflicts.length;
    return `Nothing was written: ${count} hand-off conflict${count === 1 ? '' : 's'} still wait${count === 1 ? 's' : ''} for a choice (Translate view). Resolve them, then export.`;
  }
  if (interview.redactionsWithheld) {
    return 'Nothing was written: this interview came in a package without its redaction list, so names its sender protects may still be in it. Ask the sender for a new package (it carries the list), or add every sensitive name in Edit & Export › Redaction and mark the list complete there.';
  }
  return null;
}

/** Renders the file and passes it through the gate; refuses it if a listed term survived anywhere. */
export async function prepareExport(stored: Interview, settings: Settings, input: ExportRequestInput, glossary: readonly GlossaryTerm[], now: Date = new Date()): Promise<PreparedExport> {
  const request = ExportRequest.parse(input);
  const refusal = publishableRefusal(stored);
  if (refusal) throw new DeskError('refused', refusal);
  const { interview, warnings: consentWarnings } = consentedInterview(stored, request, now);
  const isArticle = request.format === 'docx-article' || request.format === 'md';
  if (isArticle && !request.allowIncomplete && isEmptyDraft(articleOutline(interview, settings.series))) {
    throw new DeskError('incomplete', 'The article has no body yet: add the narrator’s answers in Edit & Export first, or export it anyway as an empty draft.');
  }
  const rendered = await renderExport(interview, settings, request, glossary);
  const terms = redactionTerms(interview);
  const kind = textKinds[request.format];
  // A Word file is checked part by part, on the very text that was zipped into it.
  const parts = rendered.isDocx ? rendered.parts : null;
  const written = parts ? '' : Buffer.from(rendered.bytes).toString('utf8');
  // The file as a reader meets it, for the names review; the leak check reads it too.
  const shown = parts ? docxReadableText(parts) : shownText(written, kind);
  const pass = inspectPublishable(
    parts ? docxReadings(parts) : textReadings(written, kind, shown),
    leakGuard(terms, interview.allowedNames),
    { text: shown, known: knownNames(interview, settings, glossary) },
    () => interviewFields(typesetSegments(publishableCopy(interview, terms), settings.typography)),
  );
  const warnings =
    !rendered.isDocx && rendered.cueWarnings
      ? rendered.cueWarnings.map((warning): SubtitleWarning =>
          'charsPerSecond' in warning
            ? { start: warning.start, kind: 'fast', problem: `${warning.charsPerSecond} characters per second (more than 17)` }
            : 'tooShort' in warning
              ? { start: warning.start, kind: 'short', problem: `on screen only ${warning.tooShort} s` }
              : { start: warning.start, kind: 'long', problem: `on screen ${warning.tooLong} s` },
        )
      : [];
  return { rendered, pass, unlisted: pass.unlisted, warnings, consentWarnings };
}

export type ExportPlaces = { glossary: readonly GlossaryTerm[]; now?: Date };

/** Renders, refuses a file with a listed term or (unless allowed) an unreviewed name, then writes it. */
export async function exportInterview(interview: Interview, settings: Settings, input: ExportRequestInput, targetPath: string, places: ExportPlaces): Promise<void> {
  const request = ExportRequest.parse(input);
  await writePreparedExport(await prepareExport(interview, settings, request, places.glossary, places.now), request, targetPath);
}

/** Writes a file `prepareExport` rendered and checked (the command line reports on it first), refusing unreviewed names unless allowed. */
export async function writePreparedExport(prepared: PreparedExport, request: Pick<ExportRequest, 'allowUnlisted'>, targetPath: string): Promise<void> {
  await writeOutgoing(targetPath, prepared.rendered.bytes, prepared.pass, { allowUnlisted: request.allowUnlisted });
}
