// Plain-text exports: subtitles (SRT, WebVTT), the transcript as text, and the article as Markdown.
import type { ArticleOutline, OutlineParagraph } from '../../../shared/article';
import type { Interview } from '../../../shared/interview';
import { formatCueTime } from '../../../shared/timecode';
import { escapeMarkdown, escapeSrt, escapeVtt } from './rendered-text';
import { segmentText, speakerNames } from './transcript-layout';
import { ENGLISH_LIMITS, readingWarnings, segmentCues, type Cue, type CueWarning } from '../../../shared/subtitle-cues';

type Language = 'source' | 'target';
export type SubtitleOptions = { koreanLineChars: number };

/** Every segment's cues, with who speaks: long segments become several cues that fit. */
export function subtitleCues(interview: Interview, language: Language, options: SubtitleOptions): (Cue & { speakerId: string | null })[] {
  const code = language === 'source' ? interview.languages.source : interview.languages.target;
  const lineChars = code.toLowerCase().startsWith('ko') ? options.koreanLineChars : ENGLISH_LIMITS.maxLineChars;
  return interview.segments
    .filter((segment) => (language === 'source' ? segment.source : segment.translation).trim())
    .flatMap((segment) => segmentCues({ start: segment.start, end: segment.end, text: segmentText(segment, language) }, lineChars).map((cue) => ({ ...cue, speakerId: segment.speakerId })));
}

/** The reading-speed problems of these subtitles, for the list shown before export. */
export function subtitleWarnings(interview: Interview, language: Language, options: SubtitleOptions): CueWarning[] {
  return readingWarnings(subtitleCues(interview, language, options));
}

/** Subtitle Edit's convention: a "- " where a new speaker starts, never "Name:" before every cue. */
function withSpeakerDashes(cues: (Cue & { speakerId: string | null })[]): string[][] {
  return cues.map((cue, index) => (index > 0 && cue.speakerId !== cues[index - 1]!.speakerId ? [`- ${cue.lines[0] ?? ''}`, ...cue.lines.slice(1)] : cue.lines));
}

export function buildSrt(interview: Interview, language: Language, options: SubtitleOptions = { koreanLineChars: 20 }): string {
  const cues = subtitleCues(interview, language, options);
  const texts = withSpeakerDashes(cues);
  const blocks = cues.map((cue, index) =>
    [String(index + 1), `${formatCueTime(cue.start, ',')} --> ${formatCueTime(cue.end, ',')}`, ...texts[index]!.map(escapeSrt)].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

/** WebVTT with voice tags, so players and importers know who speaks. */
export function buildVtt(interview: Interview, language: Language, options: SubtitleOptions = { koreanLineChars: 20 }): string {
  const nameOf = speakerNames(interview);
  const cues = subtitleCues(interview, language, options);
  const blocks = cues.map(
    (cue) => `${formatCueTime(cue.start, '.')} --> ${formatCueTime(cue.end, '.')}\n<v ${escapeVtt(nameOf(cue.speakerId))}>${cue.lines.map(escapeVtt).join('\n')}`,
  );
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

export function buildArticleMarkdown(outline: ArticleOutline, options: { includeNotes: boolean } = { includeNotes: false }): string {
  const md = escapeMarkdown;
  const footnotes: string[] = [];
  const lines = [`# ${md(outline.headline)}`];
  if (outline.dek) lines.push(`*${md(outline.dek)}*`);
  lines.push(...[outline.dateLine, outline.imageCredit].filter(Boolean).map(md));
  lines.push(...[outline.boilerplate, outline.howToSubmit].filter(Boolean).map((text) => `> ${md(text)}`));
  lines.push(`**${md(outline.questionLine)}**`, `*${md(outline.bio)}*`, `*${md(outline.followUp)}*`);
  const asRole = (role: OutlineParagraph['role'], text: string) =>
    role === 'subhead' ? `## ${text}` : role === 'pullQuote' ? `> ${text}` : role === 'editorsNote' ? `*${text}*` : text;
  outline.sections.forEach((section, index) => {
    if (index > 0) lines.push('* * *');
    for (const paragraph of section) {
      const marks = (options.includeNotes ? paragraph.notes : []).map((note) => {
        footnotes.push(note);
        return `[^${footnotes.length}]`;
      });
      lines.push(asRole(paragraph.role, `${md(paragraph.text)}${marks.join('')}`));
    }
  });
  if (outline.closing) lines.push(md(outline.closing));
  lines.push(...footnotes.map((note, index) => `[^${index + 1}]: ${md(note)}`));
  return `${lines.join('\n\n')}\n`;
}
