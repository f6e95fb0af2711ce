// Plain-text exports: subtitles (SRT, WebVTT), the transcript as text, and the article as Markdown.
import type { ArticleOutline } from '../../../shared/article';
import type { Interview } from '../../../shared/interview';
import { formatCueTime } from '../../../shared/timecode';
import { escapeMarkdown, escapeSrt, escapeVtt } from './rendered-text';
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
        escapeSrt(`${nameOf(segment.speakerId)}: ${textOf(segment, language)}`),
      ].join('\n'),
    );
  return `${cues.join('\n\n')}\n`;
}

/** WebVTT with voice tags, so players and importers know who speaks. */
export function buildVtt(interview: Interview, language: Language): string {
  const nameOf = speakerNames(interview);
  const escape = escapeVtt;
  const cues = interview.segments
    .filter((segment) => textOf(segment, language))
    .map(
      (segment) =>
        `${formatCueTime(segment.start, '.')} --> ${formatCueTime(segment.end, '.')}\n<v ${escape(nameOf(segment.speakerId))}>${escape(textOf(segment, language))}`,
    );
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

export function buildArticleMarkdown(outline: ArticleOutline): string {
  const md = escapeMarkdown;
  const footnotes: string[] = [];
  const lines = [`# ${md(outline.headline)}`];
  if (outline.dek) lines.push(`*${md(outline.dek)}*`);
  lines.push(...[outline.dateLine, outline.imageCredit].filter(Boolean).map(md));
  lines.push(...[outline.boilerplate, outline.howToSubmit].filter(Boolean).map((text) => `> ${md(text)}`));
  lines.push(`## ${md(outline.questionLine)}`, md(outline.bio), md(outline.followUp));
  outline.sections.forEach((section, index) => {
    if (index > 0) lines.push('* * *');
    for (const paragraph of section) {
      const marks = paragraph.notes.map((note) => {
        footnotes.push(note);
        return `[^${footnotes.length}]`;
      });
      lines.push(`${md(paragraph.text)}${marks.join('')}`);
    }
  });
  if (outline.closing) lines.push(md(outline.closing));
  lines.push(...footnotes.map((note, index) => `[^${index + 1}]: ${md(note)}`));
  return `${lines.join('\n\n')}\n`;
}
