// Small facts about a redaction's forms: is it Korean, and is it more likely a person or a place.
import type { RedactionKind } from '../interview';
import { HANGUL_RANGES } from '../text-patterns';
import { isKnownSurname, placeSuffixes } from './romanization';

const HANGUL = new RegExp(`[${HANGUL_RANGES}]`, 'u');
const HANGUL_SYLLABLES = /^[\uac00-\ud7a3]+$/u;

export const isKorean = (text: string): boolean => HANGUL.test(text);

/**
 * Korean text: more Hangul than Latin, a syllable counting as three letters (one syllable holds
 * about as much as three Latin letters). Decides which replacement a text gets.
 */
export function isMostlyKorean(text: string): boolean {
  let hangul = 0;
  let latin = 0;
  for (const char of text) {
    if (HANGUL.test(char)) hangul += 3;
    else if (/[A-Za-z]/.test(char)) latin += 1;
  }
  return hangul > latin;
}

/** A first guess the editor can change: 회령시 is a place, 박영희 a person. */
export function guessRedactionKind(korean: string): RedactionKind {
  const compact = korean.replace(/\s+/g, '');
  if (!HANGUL_SYLLABLES.test(compact)) return 'other';
  if (compact.length >= 2 && placeSuffixes[compact.at(-1)!] && (compact.length >= 3 || !isKnownSurname(compact[0]!))) return 'place';
  if (compact.length >= 2 && compact.length <= 4 && (isKnownSurname(compact[0]!) || isKnownSurname(compact.slice(0, 2)))) return 'person';
  return 'other';
}
