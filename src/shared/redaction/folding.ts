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

/** Plain ASCII letters and digits fold by lower-casing alone: the fast path for most text. */
const isPlainAscii = (code: number) => code < 0x80;

export function foldText(text: string): FoldedText {
  const original = text.normalize('NFC');
  const units: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of original) {
    const end = index + char.length;
    const code = char.codePointAt(0)!;
    const folded = isPlainAscii(code) ? char.toLowerCase() : foldChar(char);
    for (let unit = 0; unit < folded.length; unit += 1) {
      units.push(folded[unit]!);
      starts.push(index);
      ends.push(end);
    }
    index = end;
  }
  return { folded: units.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), original };
}

/** Folds a spelling for comparison, without positions. */
export const foldSpelling = (text: string): string => foldText(text).folded;

/** The original stretch behind folded positions [start, end). */
export function originalRange(folded: FoldedText, start: number, end: number): [number, number] {
  return [folded.starts[start]!, folded.ends[end - 1]!];
}
