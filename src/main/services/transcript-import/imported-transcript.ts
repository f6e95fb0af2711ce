// What every transcript importer produces: timed pieces of text, maybe with a speaker, and an
// account of what could not be imported (by line number) or had to be adjusted.

export type ImportedCue = { start: number; end: number | null; speaker: string | null; text: string; line: number };
export type ImportNotice = { line: number; reason: string };
export type ImportedTranscript = { cues: ImportedCue[]; skipped: ImportNotice[]; adjusted: ImportNotice[] };

/** Newlines as \n, no byte-order mark, no trailing spaces: what every parser starts from. */
export function normalizeText(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
}

/** A "Name:" at the start of a line names the speaker when it is short and not a sentence. */
export function splitSpeaker(text: string): { speaker: string | null; text: string } {
  const match = /^([^:：\n.?!,]{1,40})[:：]\s+(.*)$/s.exec(text.trim());
  if (!match || /^\d+$/.test(match[1]!.trim())) return { speaker: null, text: text.trim() };
  return { speaker: match[1]!.trim(), text: match[2]!.trim() };
}

/**
 * Puts cues in time order and repairs what can be repaired: a cue that overlaps the next is cut
 * at the next one's start (and said so); a cue without an end lasts until the next begins.
 */
export function settleTimes(transcript: ImportedTranscript, fallbackLength = 3): ImportedTranscript {
  const cues = [...transcript.cues].sort((a, b) => a.start - b.start || a.line - b.line);
  const adjusted = [...transcript.adjusted];
  cues.forEach((cue, index) => {
    const next = cues[index + 1];
    if (cue.end === null) cue.end = next ? Math.max(cue.start, next.start) : cue.start + fallbackLength;
    else if (next && cue.end > next.start) {
      adjusted.push({ line: cue.line, reason: `overlapped the next cue; now ends at ${next.start.toFixed(3)} s` });
      cue.end = Math.max(cue.start, next.start);
    }
  });
  return { cues, skipped: [...transcript.skipped].sort((a, b) => a.line - b.line), adjusted: adjusted.sort((a, b) => a.line - b.line) };
}
