// One folding of text for replacing sensitive names and for checking that none survived, so the
// two can never disagree. Folded text is compared, the original is replaced: every folded
// character remembers which stretch of the original it came from.
//
// Folding, per character of the NFC text: default-ignorable code points and the Hangul fillers
// vanish (U+200B…, U+2060, U+FE0F, U+034F, U+3164…); outside Hangul, NFKC (full-width and
// compatibility letters), then the confusable skeleton (Cyrillic or Greek look-alikes to Latin,
// after Unicode TR39's data as the `confusables` package carries it), then diacritics removed
// (Pak Yŏng-hŭi → pak yong-hui) and lower case. Hangul stays as it is: its syllables must not be
// taken apart into jamo, and NFC has already composed any that arrived decomposed.
import { confusablesMap } from 'confusables';
import { allMatches } from '../text-patterns';

export type FoldedText = {
  /** The text as matching sees it. */
  folded: string;
  /** For each UTF-16 unit of `folded`: where its character starts in `original`. */
  starts: Int32Array;
  /** …and where it ends (exclusive). */
  ends: Int32Array;
  /** The NFC text the positions refer to. */
  original: string;
};

const IGNORABLE = /^[\p{Default_Ignorable_Code_Point}\u115f\u1160\u3164\uffa0]$/u;
const HANGUL_CHAR = /^[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]$/u;
const COMBINING_MARK = /\p{M}/gu;

/** Folding one character is pure: remember each answer, since texts repeat their letters. */
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  const known = foldedChars.get(char);
  if (known !== undefined) return known;
  let folded: string;
  if (IGNORABLE.test(char)) folded = '';
  else if (HANGUL_CHAR.test(char)) folded = char;
  else {
    const compatible = char.normalize('NFKC');
    const skeleton = [...compatible].map((part) => confusablesMap.get(part) ?? part).join('');
    folded = skeleton.normalize('NFD').replace(COMBINING_MARK, '').toLowerCase().normalize('NFC');
  }
  if (foldedChars.size < 50_000) foldedChars.set(char, folded);
  return folded;
}

/**
 * Characters that need the slow path: everything but ASCII (which folds by lower-casing, one unit
 * for one) and Hangul syllables (kept as they are). Most text is runs of those two.
 */
const NEEDS_FOLDING = /[^\t-\u007f\uac00-\ud7a3]/gu; // below tab: controls, folded (to themselves) on the slow path

/** Positions grow as folded text is written; folding rarely makes text longer (ﬃ → ffi). */
class Positions {
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  push(start: number, end: number): void {
    if (this.length === this.starts.length) {
      const grown = Math.max(16, this.length * 2);
      const starts = new Int32Array(grown);
      const ends = new Int32Array(grown);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length += 1;
  }
}

export function foldText(text: string): FoldedText {
  const original = text.normalize('NFC');
  const positions = new Positions(original.length + 16);
  const folded = fold(original, positions);
  return { folded, starts: positions.starts.subarray(0, positions.length), ends: positions.ends.subarray(0, positions.length), original };
}

/**
 * The folded text alone, without positions: the same folding (one code path, `fold`), for when
 * only whether something matches matters — a leak check over a whole document, or a text
 * searched before it is known to need replacing at all.
 */
export const foldOnly = (text: string): string => fold(text.normalize('NFC'), null);

function fold(original: string, positions: Positions | null): string {
  const pieces: string[] = [];
  let copiedUpTo = 0;
  const copyRun = (end: number) => {
    if (end <= copiedUpTo) return;
    pieces.push(original.slice(copiedUpTo, end).toLowerCase());
    if (positions) for (let index = copiedUpTo; index < end; index += 1) positions.push(index, index + 1);
  };
  for (const match of allMatches(NEEDS_FOLDING, original)) {
    const char = match[0];
    copyRun(match.index);
    const folded = foldChar(char);
    pieces.push(folded);
    if (positions) for (let unit = 0; unit < folded.length; unit += 1) positions.push(match.index, match.index + char.length);
    copiedUpTo = match.index + char.length;
  }
  copyRun(original.length);
  const folded = pieces.join('');
  return MAYBE_SPACED_LETTERS.test(folded) && SPACED_LETTERS.test(folded) ? joinSpacedLetters(folded, positions) : folded;
}

/**
 * A word spelled out letter by letter (H-o-e-r-y-o-n-g, P a r k, B.A.K): three or more single
 * Latin letters with short runs of non-letters between them. Their separators are folded away, so
 * the letters read as the word they spell.
 */
const SPACED_LETTERS_SOURCE = '(?<![\\p{L}\\p{N}])[a-z](?:[^\\p{L}\\p{N}\\n]{1,3}[a-z](?![\\p{L}\\p{N}])){2,}';
export const SPACED_LETTERS = new RegExp(SPACED_LETTERS_SOURCE, 'u'); // exported, with the next, for their test
/**
 * The same pattern with ASCII classes, which never misses what it finds: a letter or digit of
 * any script next to the letters, or between them, only makes SPACED_LETTERS stricter. Looked
 * for first, because Unicode classes make SPACED_LETTERS slow (~100 ms over an 8 MB file, where
 * this takes ~12 ms) and most texts spell nothing out.
 */
export const MAYBE_SPACED_LETTERS = /(?<![a-z0-9])[a-z](?:[^a-z0-9\n]{1,3}[a-z](?![a-z0-9])){2,}/;
const SEPARATOR_RUN = /[^\p{L}\p{N}]+/gu;

function joinSpacedLetters(folded: string, positions: Positions | null): string {
  const keep = new Uint8Array(folded.length).fill(1);
  for (const match of folded.matchAll(new RegExp(SPACED_LETTERS_SOURCE, 'gu'))) {
    for (const separator of match[0].matchAll(SEPARATOR_RUN)) keep.fill(0, match.index + separator.index, match.index + separator.index + separator[0].length);
  }
  // The kept stretches are joined as slices: a document of megabytes built a character at a time
  // made millions of small strings (a quarter of an XLIFF export's time went to collecting them).
  const pieces: string[] = [];
  let kept = 0;
  for (let unit = 0; unit < folded.length; ) {
    if (!keep[unit]) {
      unit += 1;
      continue;
    }
    let end = unit;
    while (end < folded.length && keep[end]) end += 1;
    pieces.push(folded.slice(unit, end));
    if (positions) {
      positions.starts.copyWithin(kept, unit, end);
      positions.ends.copyWithin(kept, unit, end);
    }
    kept += end - unit;
    unit = end;
  }
  if (positions) positions.length = kept;
  return pieces.join('');
}

/** Folds a spelling for comparison, without positions. */
export const foldSpelling = foldOnly;

/** The original stretch behind folded positions [start, end). */
export function originalRange(folded: FoldedText, start: number, end: number): [number, number] {
  return [folded.starts[start]!, folded.ends[end - 1]!];
}
