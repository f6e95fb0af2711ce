// Plain-text exports: subtitles (SRT, WebVTT), the transcript as text, and the article as Markdown.
import type { ArticleOutline } from '../../../shared/article';
import type { Interview } from '../../../shared/interview';
import { formatCueTime } from '../../../shared/timecode';
import { speakerNames } from './transcript-layout';

type Language = 'source' | 'target';
const textOf = (segment: Interview['segments'][number], language: Language) => (language === 'source' ? segment.source : segment.translation).trim();

export function buildSrt(interview: Interview, language: Language): string {
  const nameOf = speakerNames(interview);
  const cues = interview.segments
    .filter((segment) => textOf(segment, language))
    .map((segment, index) =>
      [
        String(index + 1),
        `${formatCueTime(segment.start, ',')} --> ${formatCueTime(segment.end, ',')}`,
        `${nameOf(segment.speakerId)}: ${textOf(segment, language)}`,
      ].join('\n'),
    );
  return `${cues.join('\n\n')}\n`;
}

/** WebVTT with voice tags, so players and importers know who speaks. */
export function buildVtt(interview: Interview, language: Language): string {
  const nameOf = speakerNames(interview);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const cues = interview.segments
    .filter((segment) => textOf(segment, language))
    .map(
      (segment) =>
        `${formatCueTime(segment.start, '.')} --> ${formatCueTime(segment.end, '.')}\n<v ${escape(nameOf(segment.speakerId))}>${escape(textOf(segment, language))}`,
    );
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

export function buildArticleMarkdown(outline: ArticleOutline): string {
  const footnotes: string[] = [];
  const lines = [`# ${outline.headline}`];
  if (outline.dek) lines.push(`*${outline.dek}*`);
  lines.push(...[outline.dateLine, outline.imageCredit].filter(Boolean));
  lines.push(...[outline.boilerplate, outline.howToSubmit].filter(Boolean).map((text) => `> ${text}`));
  lines.push(`## ${outline.questionLine}`, outline.bio, outline.followUp);
  outline.sections.forEach((section, index) => {
    if (index > 0) lines.push('* * *');
    for (const paragraph of section) {
      const marks = paragraph.notes.map((note) => {
        footnotes.push(note);
        return `[^${footnotes.length}]`;
      });
      lines.push(`${paragraph.text}${marks.join('')}`);
    }
  });
  if (outline.closing) lines.push(outline.closing);
  lines.push(...footnotes.map((note, index) => `[^${index + 1}]: ${note}`));
  return `${lines.join('\n\n')}\n`;
}
