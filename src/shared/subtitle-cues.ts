// Subtitles to Subtitle Edit's defaults: at most two lines of 42 characters (Korean: a shorter
// limit, 20 by default), long segments split into several cues at phrase or word boundaries with
// the time shared by length, and a reading-speed check (characters per second above 17).

export type CueLimits = { maxLineChars: number; maxLines: number; maxCharsPerSecond: number; minSeconds: number; maxSeconds: number };
export const ENGLISH_LIMITS: CueLimits = { maxLineChars: 42, maxLines: 2, maxCharsPerSecond: 17, minSeconds: 0.833, maxSeconds: 7 };
export const KOREAN_LINE_CHARS = 20;

export type Cue = { start: number; end: number; lines: string[] };

const length = (text: string) => [...text].length;

/** Breaks text into at most `limits.maxLines` balanced lines, or null when it does not fit. */
export function wrapCueText(text: string, maxLineChars: number, maxLines = 2): string[] | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const whole = words.join(' ');
  if (length(whole) <= maxLineChars) return [whole];
  if (maxLines < 2) return null;
  // Two lines, broken where the longer line is shortest (bottom-heavy on a tie, as is usual).
  let best: string[] | null = null;
  let bestLonger = Infinity;
  for (let split = 1; split < words.length; split += 1) {
    const top = words.slice(0, split).join(' ');
    const bottom = words.slice(split).join(' ');
    const longer = Math.max(length(top), length(bottom));
    if (longer > maxLineChars) continue;
    // A break after punctuation reads better: count it as a few characters shorter.
    const score = longer - (/[,.;:!?…]$/.test(top) ? 4 : 0) + (length(top) > length(bottom) ? 0.5 : 0);
    if (score < bestLonger) {
      bestLonger = score;
      best = [top, bottom];
    }
  }
  return best;
}

/** Splits text into pieces that each fit in one cue, preferring sentence and phrase boundaries. */
export function cuePieces(text: string, maxLineChars: number, maxLines = 2): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const pieces: string[] = [];
  let start = 0;
  while (start < words.length) {
    // The longest run of words from `start` that still wraps into the allowed lines…
    let end = start + 1;
    while (end < words.length && wrapCueText(words.slice(start, end + 1).join(' '), maxLineChars, maxLines)) end += 1;
    // …cut back to the last sentence end in it, or else the last phrase boundary, if that keeps
    // at least half of it.
    if (end < words.length) {
      const lastBoundary = (pattern: RegExp) => {
        for (let candidate = end; candidate > start + (end - start) / 2; candidate -= 1) if (pattern.test(words[candidate - 1]!)) return candidate;
        return null;
      };
      end = lastBoundary(/[.!?…]["”’)]?$/) ?? lastBoundary(/[,;:]$/) ?? end;
    }
    pieces.push(words.slice(start, end).join(' '));
    start = end;
  }
  return pieces;
}

/** One segment as cues: split to fit, each piece timed by its share of the characters. */
export function segmentCues(segment: { start: number; end: number; text: string }, maxLineChars: number, limits: CueLimits = ENGLISH_LIMITS): Cue[] {
  const pieces = cuePieces(segment.text, maxLineChars, limits.maxLines);
  const total = pieces.reduce((sum, piece) => sum + length(piece), 0) || 1;
  const duration = Math.max(0, segment.end - segment.start);
  let cursor = segment.start;
  return pieces.map((piece, index) => {
    const start = cursor;
    const end = index === pieces.length - 1 ? segment.end : Math.round((cursor + (duration * length(piece)) / total) * 1000) / 1000;
    cursor = end;
    // A cue stays up no longer than the maximum: a short line over a long pause is not re-read.
    return { start, end: Math.min(end, Math.round((start + limits.maxSeconds) * 1000) / 1000), lines: wrapCueText(piece, maxLineChars, limits.maxLines) ?? [piece] };
  });
}

export type CueWarning = { start: number; charsPerSecond: number } | { start: number; tooShort: number } | { start: number; tooLong: number };

/** Cues a viewer cannot read in time (or that flash by, or linger), for the list shown before export. */
export function readingWarnings(cues: readonly Cue[], limits: CueLimits = ENGLISH_LIMITS): CueWarning[] {
  const warnings: CueWarning[] = [];
  for (const cue of cues) {
    const seconds = cue.end - cue.start;
    const chars = cue.lines.reduce((sum, line) => sum + length(line), 0);
    if (seconds > 0 && chars / seconds > limits.maxCharsPerSecond) warnings.push({ start: cue.start, charsPerSecond: Math.round((chars / seconds) * 10) / 10 });
    else if (seconds < limits.minSeconds) warnings.push({ start: cue.start, tooShort: Math.round(seconds * 1000) / 1000 });
    else if (seconds > limits.maxSeconds) warnings.push({ start: cue.start, tooLong: Math.round(seconds * 10) / 10 });
  }
  return warnings;
}
