// How a transcript reads in oral-history form (OHMS-style): a labelled turn per speaker, a
// timestamp at every change of speaker and at least every 60 seconds within a turn (where a new
// paragraph starts), and nothing dropped: a segment not yet translated stays, as a tag with its
// times, so two questions around it never merge into one turn.
import { isMostlyKorean } from '../../../shared/redaction';
import type { Interview } from '../../../shared/interview';
import { formatTimecode } from '../../../shared/timecode';
import { typesetEnglish, type TypographyStyle } from '../../../shared/typography';

export const TIMESTAMP_EVERY_SECONDS = 60;

/** One segment's text in a turn, with its times (OHMS places its sync points by them). */
export type TurnPiece = { text: string; timestamp: number | null; start: number; end: number };
export type Turn = { speaker: string; speakerId: string | null; start: number; pieces: TurnPiece[] };

const languageNames: Record<string, string> = { ko: 'Korean', en: 'English' };
export const languageName = (code: string) => languageNames[code.toLowerCase().slice(0, 2)] ?? code;

export function speakerNames(interview: Interview): (speakerId: string | null) => string {
  const names = new Map(interview.speakers.map((speaker) => [speaker.id, speaker.name]));
  return (speakerId) => (speakerId ? names.get(speakerId) : undefined) ?? 'Unknown speaker';
}

/** The text of a segment in one language; an untranslated segment becomes a tag with its times. */
export function segmentText(segment: Interview['segments'][number], language: 'source' | 'target'): string {
  const raw = (language === 'source' ? segment.source : segment.translation).trim();
  if (!raw && language === 'target' && segment.source.trim()) return `[untranslated ${formatTimecode(segment.start)}–${formatTimecode(segment.end)}]`;
  return raw;
}

/**
 * The copy every export is made from, with English segment text typeset in the house style
 * (the article typesets its own outline). Korean text is left as it is.
 */
export function typesetSegments(interview: Interview, style: TypographyStyle): Interview {
  const english = (code: string) => code.toLowerCase().startsWith('en');
  const sourceIsEnglish = english(interview.languages.source);
  const targetIsEnglish = english(interview.languages.target);
  return {
    ...interview,
    segments: interview.segments.map((segment) => ({
      ...segment,
      source: sourceIsEnglish ? typesetEnglish(segment.source, style) : segment.source,
      translation: targetIsEnglish ? typesetEnglish(segment.translation, style) : segment.translation,
      // Translator notes and queries are English prose in every column they reach.
      notes: isMostlyKorean(segment.notes) ? segment.notes : typesetEnglish(segment.notes, style),
      queries: segment.queries.map((query) => (isMostlyKorean(query.text) ? query : { ...query, text: typesetEnglish(query.text, style) })),
    })),
  };
}

export function oralHistoryTurns(interview: Interview, language: 'source' | 'target'): Turn[] {
  const nameOf = speakerNames(interview);
  const turns: Turn[] = [];
  let lastStamp = -Infinity;
  let lastSpeaker: string | null | undefined;
  for (const segment of interview.segments) {
    const text = segmentText(segment, language);
    if (!text) continue;
    if (segment.speakerId !== lastSpeaker || turns.length === 0) {
      turns.push({ speaker: nameOf(segment.speakerId), speakerId: segment.speakerId, start: segment.start, pieces: [{ text, timestamp: null, start: segment.start, end: segment.end }] });
      lastStamp = segment.start;
      lastSpeaker = segment.speakerId;
      continue;
    }
    const due = segment.start - lastStamp >= TIMESTAMP_EVERY_SECONDS;
    if (due) lastStamp = segment.start;
    turns.at(-1)!.pieces.push({ text, timestamp: due ? segment.start : null, start: segment.start, end: segment.end });
  }
  return turns;
}

/** A turn's paragraphs: a new one starts at every timestamp inside the turn. */
export function turnParagraphs(turn: Turn): TurnPiece[][] {
  const paragraphs: TurnPiece[][] = [];
  for (const piece of turn.pieces) {
    if (paragraphs.length === 0 || piece.timestamp !== null) paragraphs.push([piece]);
    else paragraphs.at(-1)!.push(piece);
  }
  return paragraphs;
}

export function oralHistoryText(interview: Interview, language: 'source' | 'target'): string {
  const heading = transcriptHeading(interview, language);
  const body = oralHistoryTurns(interview, language).map((turn) =>
    turnParagraphs(turn)
      .map((paragraph, index) => {
        const stamp = index === 0 ? turn.start : paragraph[0]!.timestamp!;
        const text = paragraph.map((piece) => piece.text).join(' ');
        return index === 0 ? `[${formatTimecode(stamp)}] ${turn.speaker}: ${text}` : `[${formatTimecode(stamp)}] ${text}`;
      })
      .join('\n\n'),
  );
  return `${heading.title}\n${heading.lines.join('\n')}\n\n${body.join('\n\n')}\n`;
}

/** The lines above any transcript: title, and facts that identify nobody. */
export function transcriptHeading(interview: Interview, language: 'source' | 'target' = 'source'): { title: string; lines: string[]; details: string } {
  const source = languageName(interview.languages.source);
  const target = languageName(interview.languages.target);
  const duration = interview.recording?.durationSeconds;
  const lines = [
    language === 'target' ? `${target} translation of a ${source} interview` : `${source} interview (original language)`,
    interview.narrator.pseudonym.trim() && `Narrator: ${interview.narrator.pseudonym.trim()}`,
    interview.interviewer.trim() && `Interviewer: ${interview.interviewer.trim()}`,
    language === 'target' && interview.translator.trim() ? `Translator: ${interview.translator.trim()}` : '',
    interview.session.date && `Interview date: ${interview.session.date}`,
    duration ? `Duration: ${formatTimecode(duration)}` : '',
  ].filter((line): line is string => Boolean(line));
  return { title: interview.title.trim() || 'Untitled interview', lines, details: lines.join(' · ') };
}
