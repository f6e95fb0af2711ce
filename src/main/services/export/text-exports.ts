// Plain-text exports: subtitles (SRT, WebVTT), the transcript as text, and the article as Markdown.
import type { ArticleOutline, OutlineParagraph } from '../../../shared/article';
import type { Interview } from '../../../shared/interview';
import { formatCueTime } from '../../../shared/timecode';
import { noteAnchors, stretchesCutAt } from '../../../shared/inline-emphasis';
import { escapeMarkdown, escapeSrt, escapeVtt } from './rendered-text';
import { segmentText, speakerNames } from './transcript-layout';
import { ENGLISH_LIMITS, segmentCues, withDialogueCues, type ShownCue } from '../../../shared/subtitle-cues';

type Language = 'source' | 'target';
export type SubtitleOptions = { koreanLineChars: number };

/** What a translation's subtitles show where a segment is not translated yet: the answer does not silently vanish. */
export const UNTRANSLATED_CUE = '[untranslated]';

/**
 * Every segment's cues, with who speaks: long segments become several cues that fit, and a quick
 * exchange between two speakers one dialogue cue (the only cues with "- ").
 */
export function subtitleCues(interview: Interview, language: Language, options: SubtitleOptions): ShownCue[] {
  const code = language === 'source' ? interview.languages.source : interview.languages.target;
  const lineChars = code.toLowerCase().startsWith('ko') ? options.koreanLineChars : ENGLISH_LIMITS.maxLineChars;
  const cues = interview.segments
    .filter((segment) => segment.source.trim() || (language === 'target' && segment.translation.trim()))
    .flatMap((segment) => {
      const text = language === 'target' && !segment.translation.trim() ? UNTRANSLATED_CUE : segmentText(segment, language);
      return segmentCues({ start: segment.start, end: segment.end, text }, lineChars).map((cue) => ({ ...cue, speakerId: segment.speakerId }));
    });
  return withDialogueCues(cues, lineChars);
}

export function buildSrt(interview: Interview, language: Language, options: SubtitleOptions = { koreanLineChars: 20 }): string {
  return srtOf(subtitleCues(interview, language, options));
}

/** SRT of cues made already (an export makes them once, for the file and for its warnings). */
export function srtOf(cues: readonly ShownCue[]): string {
  const blocks = cues.map((cue, index) => [String(index + 1), `${formatCueTime(cue.start, ',')} --> ${formatCueTime(cue.end, ',')}`, ...cue.lines.map(escapeSrt)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/** WebVTT with voice tags, so players and importers know who speaks (each line of a dialogue cue its own). */
export function buildVtt(interview: Interview, language: Language, options: SubtitleOptions = { koreanLineChars: 20 }): string {
  return vttOf(interview, subtitleCues(interview, language, options));
}

/** WebVTT of cues made already; the interview names the speakers. */
export function vttOf(interview: Interview, cues: readonly ShownCue[]): string {
  const nameOf = speakerNames(interview);
  const blocks = cues.map((cue) => {
    const dialogue = new Set(cue.lineSpeakers).size > 1;
    const text = dialogue ? cue.lines.map((line, index) => `<v ${escapeVtt(nameOf(cue.lineSpeakers[index] ?? null))}>${escapeVtt(line)}</v>`).join('\n') : `<v ${escapeVtt(nameOf(cue.speakerId))}>${cue.lines.map(escapeVtt).join('\n')}`;
    return `${formatCueTime(cue.start, '.')} --> ${formatCueTime(cue.end, '.')}\n${text}`;
  });
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
      // *italic* and **bold** stay emphasis (the rest escaped); each footnote after the word it explains.
      const anchors = noteAnchors(paragraph.text, options.includeNotes ? paragraph.notes : []);
      const { stretches, cuts } = stretchesCutAt(paragraph.text, anchors.map((anchor) => anchor.at));
      const marksAt = (index: number) =>
        anchors
          .filter((_, anchorIndex) => cuts[anchorIndex] === index)
          .map((anchor) => {
            footnotes.push(anchor.note);
            return `[^${footnotes.length}]`;
          })
          .join('');
      const body = stretches.map((stretch, index) => `${marksAt(index)}${stretch.emphasis === 'italic' ? `*${md(stretch.text)}*` : stretch.emphasis === 'bold' ? `**${md(stretch.text)}**` : md(stretch.text)}`).join('');
      lines.push(asRole(paragraph.role, `${body}${marksAt(stretches.length)}`));
    }
  });
  if (outline.closing) lines.push(md(outline.closing));
  lines.push(...footnotes.map((note, index) => `[^${index + 1}]: ${md(note)}`));
  return `${lines.join('\n\n')}\n`;
}
