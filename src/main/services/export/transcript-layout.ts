// How a transcript reads in oral-history form: a labelled paragraph per speaker turn, with a
// timestamp at every change of speaker and at least every 60 seconds within a long turn.
import type { Interview } from '../../../shared/interview';
import { formatTimecode } from '../../../shared/timecode';

export const TIMESTAMP_EVERY_SECONDS = 60;

export type TurnPiece = { text: string; timestamp: number | null };
export type Turn = { speaker: string; start: number; pieces: TurnPiece[] };

export function speakerNames(interview: Interview): (speakerId: string | null) => string {
  const names = new Map(interview.speakers.map((speaker) => [speaker.id, speaker.name]));
  return (speakerId) => (speakerId ? names.get(speakerId) : undefined) ?? 'Unknown speaker';
}

export function oralHistoryTurns(interview: Interview, language: 'source' | 'target'): Turn[] {
  const nameOf = speakerNames(interview);
  const turns: Turn[] = [];
  let lastStamp = -Infinity;
  let lastSpeaker: string | null | undefined;
  for (const segment of interview.segments) {
    const text = (language === 'source' ? segment.source : segment.translation).trim();
    if (!text) continue;
    if (segment.speakerId !== lastSpeaker || turns.length === 0) {
      turns.push({ speaker: nameOf(segment.speakerId), start: segment.start, pieces: [{ text, timestamp: null }] });
      lastStamp = segment.start;
      lastSpeaker = segment.speakerId;
      continue;
    }
    const due = segment.start - lastStamp >= TIMESTAMP_EVERY_SECONDS;
    if (due) lastStamp = segment.start;
    turns.at(-1)!.pieces.push({ text, timestamp: due ? segment.start : null });
  }
  return turns;
}

export function oralHistoryText(interview: Interview, language: 'source' | 'target'): string {
  const heading = transcriptHeading(interview);
  const body = oralHistoryTurns(interview, language).map(
    (turn) =>
      `[${formatTimecode(turn.start)}] ${turn.speaker}: ${turn.pieces
        .map((piece) => (piece.timestamp === null ? piece.text : `[${formatTimecode(piece.timestamp)}] ${piece.text}`))
        .join(' ')}`,
  );
  return `${heading.title}\n${heading.details}\n\n${body.join('\n\n')}\n`;
}

/** The lines above any transcript: title, and facts that identify nobody. */
export function transcriptHeading(interview: Interview): { title: string; details: string } {
  const facts = [
    interview.narrator.pseudonym.trim() && `Narrator: ${interview.narrator.pseudonym.trim()}`,
    interview.session.date && `Recorded: ${interview.session.date}`,
    `Languages: ${interview.languages.source} → ${interview.languages.target}`,
  ].filter(Boolean);
  return { title: interview.title.trim() || 'Untitled interview', details: facts.join(' · ') };
}
