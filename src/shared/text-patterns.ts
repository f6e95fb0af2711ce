// Pieces of regular expressions the app needs in several places.

/** Escapes text to match itself literally in a RegExp. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Hangul jamo, compatibility jamo and syllables, for use inside a character class. */
export const HANGUL_RANGES = '\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7af';
