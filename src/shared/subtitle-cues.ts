// Subtitles to Subtitle Edit's defaults: at most two lines of 42 characters (Korean: a shorter
// limit, 20 by default), long segments split into several cues at phrase or word boundaries with
// the time shared by length, two frames between the cues of one segment, no cue shorter than about
// a second (a tiny tail joins its neighbour), and a reading-speed check (characters per second
// above 17). A quick exchange between two speakers may share one cue as two dialogue lines, each
// with its "- " counted inside the line limit; a cue with one speaker never has a dash.

export type CueLimits = { maxLineChars: number; maxLines: number; maxCharsPerSecond: number; minSeconds: number; maxSeconds: number };
export const ENGLISH_LIMITS: CueLimits = { maxLineChars: 42, maxLines: 2, maxCharsPerSecond: 17, minSeconds: 0.833, maxSeconds: 7 };
export const KOREAN_LINE_CHARS = 20;
/** Two frames at 25 fps between the cues one segment is split into: players need them to see a change. */
export const MIN_GAP_SECONDS = 0.08;
/** A piece shorter than this joins its neighbour (a 0.5 s cue holding only "해요." cannot be read). */
const MIN_PIECE_SECONDS = 1;

export type Cue = { start: number; end: number; lines: string[] };

/** Characters as a reader counts them (code points), without building an array of them: called for every word of every cue. */
function length(text: string): number {
  let count = text.length;
  for (let index = 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xdc00 && code <= 0xdfff) {
      const before = text.charCodeAt(index - 1);
      if (before >= 0xd800 && before <= 0xdbff) count -= 1;
    }
  }
  return count;
}

/** A break after punctuation reads better. */
const ENDS_WITH_PUNCTUATION = /[,.;:!?…]$/;

/** The words of a text, with what wrapping asks of them again and again worked out once. */
type Words = {
  words: string[];
  /** The length of words[from, to) joined by single spaces, from prefix sums. */
  run: (from: number, to: number) => number;
  /** Whether a word ends with punctuation. */
  punctuated: Uint8Array;
};

function wordsOf(text: string): Words {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const sums = new Float64Array(words.length + 1);
  const punctuated = new Uint8Array(words.length);
  for (let index = 0; index < words.length; index += 1) {
    sums[index + 1] = sums[index]! + length(words[index]!);
    punctuated[index] = ENDS_WITH_PUNCTUATION.test(words[index]!) ? 1 : 0;
  }
  return { words, run: (from, to) => sums[to]! - sums[from]! + Math.max(0, to - from - 1), punctuated };
}

/** Breaks text into at most `maxLines` balanced lines, or null when it does not fit. Linear in the words. */
export function wrapCueText(text: string, maxLineChars: number, maxLines = 2): string[] | null {
  const words = wordsOf(text);
  return wrapWords(words, 0, words.words.length, maxLineChars, maxLines);
}

function wrapWords({ words, run, punctuated }: Words, from: number, to: number, maxLineChars: number, maxLines: number): string[] | null {
  if (to <= from) return [];
  if (run(from, to) <= maxLineChars) return [words.slice(from, to).join(' ')];
  if (maxLines < 2) return null;
  // Two lines, broken where the longer line is shortest (bottom-heavy on a tie, as is usual).
  let best = -1;
  let bestScore = Infinity;
  for (let split = from + 1; split < to; split += 1) {
    const top = run(from, split);
    const bottom = run(split, to);
    const longer = Math.max(top, bottom);
    if (longer > maxLineChars) continue;
    // A break after punctuation reads better: count it as a few characters shorter.
    const score = longer - (punctuated[split - 1] ? 4 : 0) + (top > bottom ? 0.5 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = split;
    }
  }
  return best < 0 ? null : [words.slice(from, best).join(' '), words.slice(best, to).join(' ')];
}

/** Splits text into pieces that each fit in one cue, preferring sentence and phrase boundaries. */
export function cuePieces(text: string, maxLineChars: number, maxLines = 2): string[] {
  const listed = wordsOf(text);
  const { words, run } = listed;
  const capacity = maxLineChars * maxLines;
  const pieces: string[] = [];
  let start = 0;
  while (start < words.length) {
    // The longest run of words from `start` that still wraps into the allowed lines (a run longer
    // than the lines hold together is never tried: the work stays linear in the words)…
    let end = start + 1;
    while (end < words.length && run(start, end + 1) <= capacity && wrapWords(listed, start, end + 1, maxLineChars, maxLines)) end += 1;
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

/** Joins a piece too short to read into its neighbour, where the two still fit in one cue. */
function withoutTinyPieces(pieces: string[], seconds: (piece: string) => number, fits: (text: string) => boolean): string[] {
  const joined = [...pieces];
  for (let index = 0; index < joined.length && joined.length > 1; ) {
    if (seconds(joined[index]!) >= MIN_PIECE_SECONDS) {
      index += 1;
      continue;
    }
    const withPrevious = index > 0 ? `${joined[index - 1]} ${joined[index]}` : null;
    const withNext = index < joined.length - 1 ? `${joined[index]} ${joined[index + 1]}` : null;
    if (withPrevious && fits(withPrevious)) joined.splice(index - 1, 2, withPrevious);
    else if (withNext && fits(withNext)) joined.splice(index, 2, withNext);
    else index += 1;
  }
  return joined;
}

/** One segment as cues: split to fit, each piece timed by its share of the characters, two frames apart. */
export function segmentCues(segment: { start: number; end: number; text: string }, maxLineChars: number, limits: CueLimits = ENGLISH_LIMITS): Cue[] {
  const duration = Math.max(0, segment.end - segment.start);
  const fits = (text: string) => wrapCueText(text, maxLineChars, limits.maxLines) !== null;
  const split = cuePieces(segment.text, maxLineChars, limits.maxLines);
  const allChars = split.reduce((sum, piece) => sum + length(piece), 0) || 1;
  const pieces = withoutTinyPieces(split, (piece) => (duration * length(piece)) / allChars, fits);
  const total = pieces.reduce((sum, piece) => sum + length(piece), 0) || 1;
  const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
  let cursor = segment.start;
  return pieces.map((piece, index) => {
    const start = cursor;
    const last = index === pieces.length - 1;
    const shareEnd = last ? segment.end : round(cursor + (duration * length(piece)) / total);
    cursor = shareEnd;
    // Two frames before the next cue of the segment; no longer than the maximum on screen.
    const end = last ? shareEnd : round(Math.max(start + 0.001, shareEnd - MIN_GAP_SECONDS));
    return { start, end: Math.min(end, round(start + limits.maxSeconds)), lines: wrapCueText(piece, maxLineChars, limits.maxLines) ?? [piece] };
  });
}

export type SpokenCue = Cue & { speakerId: string | null };

/**
 * A quick exchange (two one-line cues of different speakers, close together, short enough to read
 * at once) becomes one cue of two dialogue lines, "- Yes." / "- When?", each line with its dash
 * within the limit. Every other cue keeps its one speaker and no dash.
 */
export type ShownCue = SpokenCue & { /** Who speaks each line (two speakers in a dialogue cue). */ lineSpeakers: (string | null)[] };

export function withDialogueCues(cues: readonly SpokenCue[], maxLineChars: number, limits: CueLimits = ENGLISH_LIMITS): ShownCue[] {
  const result: ShownCue[] = [];
  for (let index = 0; index < cues.length; index += 1) {
    const first = cues[index]!;
    const second = cues[index + 1];
    const oneLine = (cue: Cue) => cue.lines.length === 1 && length(cue.lines[0]!) + 2 <= maxLineChars;
    const together = second && second.speakerId !== first.speakerId && oneLine(first) && oneLine(second) && second.start - first.end <= 0.5 && second.end - first.start <= limits.maxSeconds;
    const chars = second ? length(first.lines[0] ?? '') + length(second.lines[0] ?? '') + 4 : 0;
    if (together && (first.end - first.start < 1.5 || second.end - second.start < 1.5) && chars / (second.end - first.start) <= limits.maxCharsPerSecond) {
      result.push({ start: first.start, end: second.end, speakerId: first.speakerId, lines: [`- ${first.lines[0]}`, `- ${second.lines[0]}`], lineSpeakers: [first.speakerId, second.speakerId] });
      index += 1;
    } else {
      result.push({ ...first, lineSpeakers: first.lines.map(() => first.speakerId) });
    }
  }
  return result;
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
