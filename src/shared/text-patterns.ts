// Pieces of regular expressions the app needs in several places.

/** Escapes text to match itself literally in a RegExp. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Hangul jamo, compatibility jamo and syllables, for use inside a character class. */
export const HANGUL_RANGES = '\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7af';

/**
 * Every match of a global RegExp in the text, as `matchAll` gives them, but without the copy of
 * the RegExp `matchAll` makes at each call: paid per segment or per line of a file, the copy cost
 * more than the search (~2 µs for the redaction pattern with its thousands of Hanja). The
 * pattern's lastIndex is its own again by the time this returns.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // An empty match moves on by one character, as matchAll does: a whole code point in a Unicode pattern.
    if (match[0] === '') pattern.lastIndex += pattern.unicode && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  pattern.lastIndex = 0;
  return found;
}
