// Plain text with [hh:mm:ss] timestamps and "Speaker:" prefixes, as transcribers type it.
// A timestamp or a speaker change starts a new segment.
import { parseCueTime } from '../../../shared/timecode';
import { normalizeText, settleTimes, splitSpeaker, type ImportedCue, type ImportedTranscript, type ImportNotice } from './imported-transcript';

const TIMESTAMP = /^\s*\[(\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?)\]\s*/;

export function parsePlainText(text: string): ImportedTranscript {
  const cues: ImportedCue[] = [];
  const skipped: ImportNotice[] = [];
  let clock = 0;
  let speaker: string | null = null;
  let current: ImportedCue | null = null;

  normalizeText(text).forEach((raw, index) => {
    const line = index + 1;
    let rest = raw.trim();
    if (rest === '') return;
    let stamped: number | null = null;
    const stamp = TIMESTAMP.exec(rest);
    if (stamp) {
      stamped = parseCueTime(stamp[1]!);
      rest = rest.slice(stamp[0].length);
      if (stamped === null) {
        skipped.push({ line, reason: 'unreadable timestamp' });
        return;
      }
      if (stamped < clock) {
        skipped.push({ line, reason: `timestamp goes back in time (${stamp[1]})` });
        return;
      }
      clock = stamped;
    }
    const split = splitSpeaker(rest);
    const newSpeaker = split.speaker !== null && split.speaker !== speaker;
    if (split.speaker !== null) speaker = split.speaker;
    if (split.text === '') {
      // A bare timestamp or label: the next text starts there.
      if (stamped !== null || newSpeaker) current = null;
      return;
    }
    if (!current || stamped !== null || newSpeaker) {
      current = { start: clock, end: null, speaker, text: split.text, line };
      cues.push(current);
    } else {
      current.text = `${current.text} ${split.text}`;
    }
  });
  return settleTimes({ cues, skipped, adjusted: [] });
}
