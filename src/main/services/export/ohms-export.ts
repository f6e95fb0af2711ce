// OHMS (the Oral History Metadata Synchronizer of the Louie B. Nunn Center), as its import reads
// an interview: one XML record (schema version 6.0) with the transcript as plain lines, its sync
// points, and an index. The sync string marks where each minute of the recording falls in the
// text: "1:|13(3)|19(14)|…" — one-minute intervals; minute 1 falls on line 13 at word 3, minute 2
// on line 19 at word 14. Lines are counted from 0, as the Nunn Center's viewer counts them (it
// splits the transcript at each newline and puts minute n's anchor on line number n's entry). The
// original-language transcript is the record's transcript; the translation, where there is one,
// its alternate-language transcript with sync points of its own. The index has a point at every
// real question (not "Yes." or "I see."), its fields in the transcript's language and each *_alt
// field in the translation's, as the viewer shows them in its two modes.
import { XMLBuilder } from 'fast-xml-parser';
import { narratorSpeakerId } from '../../../shared/article-editing';
import { indexCandidates, isIndexPoint, isRealQuestion } from '../../../shared/index-points';
import type { Interview } from '../../../shared/interview';
import { formatTimecode } from '../../../shared/timecode';
import { languageName, oralHistoryTurns, turnParagraphs, type Turn } from './transcript-layout';

export const OHMS_NAMESPACE = 'https://www.weareavp.com/nunncenter/ohms';
export const OHMS_SCHEMA_VERSION = '6.0';
const SYNC_MINUTES = 1;

/** Where a segment's words sit in the transcript's lines: lines from 0 (as the viewer counts), words from 1. */
type PlacedPiece = { line: number; firstWord: number; words: number; start: number; end: number };

export type OhmsTranscript = { text: string; sync: string };

/** The transcript as OHMS lines — a paragraph a line, a blank line between — and its sync points. */
export function ohmsTranscript(turns: Turn[], durationSeconds: number): OhmsTranscript {
  const lines: string[] = [];
  const placed: PlacedPiece[] = [];
  for (const turn of turns) {
    turnParagraphs(turn).forEach((paragraph, index) => {
      if (lines.length > 0) lines.push('');
      let words = 0;
      const label = index === 0 ? `${turn.speaker.toUpperCase()}:` : '';
      if (label) words += wordCount(label);
      for (const piece of paragraph) {
        placed.push({ line: lines.length, firstWord: words + 1, words: wordCount(piece.text), start: piece.start, end: piece.end });
        words += wordCount(piece.text);
      }
      lines.push([label, ...paragraph.map((piece) => piece.text)].filter(Boolean).join(' '));
    });
  }
  const stamps: string[] = [];
  const lastSecond = Math.max(durationSeconds, placed.at(-1)?.end ?? 0);
  for (let minute = 1; minute * 60 * SYNC_MINUTES <= lastSecond && placed.length > 0; minute += 1) {
    const point = wordAt(placed, minute * 60 * SYNC_MINUTES);
    stamps.push(`${point.line}(${point.word})`);
  }
  return { text: lines.join('\n'), sync: stamps.length > 0 ? `${SYNC_MINUTES}:|${stamps.join('|')}` : '' };
}

/** The word being spoken at `second`: inside a segment by its share of the time, else the next one's first word. */
function wordAt(placed: PlacedPiece[], second: number): { line: number; word: number } {
  const next = placed.findIndex((piece) => piece.start > second);
  const current = next === -1 ? placed.at(-1)! : next === 0 ? placed[0]! : placed[next - 1]!;
  if (second >= current.end || current.words === 0) {
    const after = next === -1 ? current : placed[next]!;
    return after === current ? { line: current.line, word: current.firstWord + Math.max(0, current.words - 1) } : { line: after.line, word: after.firstWord };
  }
  const share = Math.max(0, (second - current.start) / Math.max(0.001, current.end - current.start));
  return { line: current.line, word: current.firstWord + Math.min(current.words - 1, Math.floor(share * current.words)) };
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const firstWords = (text: string, count: number) => {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
};

/**
 * An index point at every real question: the question as its title, the start of the answer as
 * its partial transcript, in the transcript's language; the same in the translation as *_alt.
 */
function indexPoints(interview: Interview, translated: boolean) {
  const narrator = narratorSpeakerId(interview);
  const turns = oralHistoryTurns(interview, 'source');
  const translatedTurns = new Map(translated ? oralHistoryTurns(interview, 'target').map((turn) => [turn.start, turn]) : []);
  const textOf = (turn: Turn | undefined) => (turn ? turn.pieces.map((piece) => piece.text).join(' ') : '');
  const chosen = new Map(indexCandidates(interview).map((segment) => [segment.start, isIndexPoint(segment)]));
  return turns.flatMap((turn, index) => {
    if (narrator === null || turn.speakerId === narrator) return [];
    const translation = translatedTurns.get(turn.start);
    // A turn is a point when its first segment is (a real question, or the editor said so).
    if (!(chosen.get(turn.start) ?? isRealQuestion(textOf(turn)))) return [];
    const answer = turns[index + 1]?.speakerId === narrator ? turns[index + 1] : undefined;
    const answerTranslated = answer ? translatedTurns.get(answer.start) : undefined;
    return [
      {
        time: Math.floor(turn.start),
        title: firstWords(textOf(turn), 14),
        ...(translated ? { title_alt: firstWords(textOf(translation), 14) } : {}),
        partial_transcript: firstWords(textOf(answer), 30),
        ...(translated ? { partial_transcript_alt: firstWords(textOf(answerTranslated), 30) } : {}),
        synopsis: '',
        ...(translated ? { synopsis_alt: '' } : {}),
        keywords: '',
        ...(translated ? { keywords_alt: '' } : {}),
        subjects: '',
        ...(translated ? { subjects_alt: '' } : {}),
      },
    ];
  });
}

/**
 * The record, elements in the order OHMS's schema sets them (those left out are optional). The
 * narrator appears by pseudonym only; the text has been redacted before it comes here.
 */
export function buildOhmsXml(interview: Interview, seriesName: string, now: Date = new Date()): string {
  const duration = interview.recording?.durationSeconds ?? interview.segments.at(-1)?.end ?? 0;
  const translated = interview.segments.some((segment) => segment.translation.trim());
  const original = ohmsTranscript(oralHistoryTurns(interview, 'source'), duration);
  const translation = translated ? ohmsTranscript(oralHistoryTurns(interview, 'target'), duration) : null;
  const language = languageName(interview.languages.source);
  const record = {
    '@_id': '',
    '@_dt': now.toISOString().slice(0, 10),
    version: OHMS_SCHEMA_VERSION,
    date: { '@_value': interview.session.date || '', '@_format': 'yyyy-mm-dd' },
    title: interview.title.trim() || 'Untitled interview',
    duration: formatTimecode(duration),
    ...(seriesName.trim() ? { series_name: seriesName.trim() } : {}),
    ...(interview.narrator.pseudonym.trim() ? { interviewee: interview.narrator.pseudonym.trim() } : {}),
    ...(interview.interviewer.trim() ? { interviewer: interview.interviewer.trim() } : {}),
    // The recording as published (names silenced), never the library's own copy.
    ...(interview.publishedRecording ? { file_name: interview.publishedRecording.fileName } : {}),
    sync: original.sync,
    ...(translation ? { sync_alt: translation.sync, transcript_alt_lang: languageName(interview.languages.target) } : {}),
    translate: translation ? '1' : '0',
    language,
    ...(translation && interview.translator.trim() ? { user_notes: `${languageName(interview.languages.target)} translation by ${interview.translator.trim()}.` } : {}),
    index: { point: indexPoints(interview, translation !== null) },
    transcript: original.text,
    ...(translation ? { transcript_alt: translation.text } : {}),
  };
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    // The namespace is an identifier OHMS files carry; nothing fetches it.
    ROOT: { '@_xmlns': OHMS_NAMESPACE, record },
  };
  // suppressBooleanAttributes off: an attribute whose value is "true" must keep its value to be XML.
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: false, suppressBooleanAttributes: false }).build(document);
}
