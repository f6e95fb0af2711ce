// From a redaction's forms to (1) the patterns that find it in folded text, in every spelling
// people use, and (2) a readable list of the commonest spellings for the editor to review.
// The patterns cover every combination of every syllable's spellings, joined, spaced or
// hyphenated, in Korean and Western order; the list shows a sample, and a removed spelling is
// skipped wherever the patterns find exactly its letters.
import type { Redaction } from '../interview';
import { escapeRegExp } from '../text-patterns';
import { foldSpelling } from './folding';
import { commonHanjaForm, hanjaReadAs } from './hanja';
import { isKorean } from './kinds';
import { anyPlaceSuffix, koreanFormsOf, otherKoreaForms, placeSuffixes, revisedRomanization, splitKoreanName, syllableSpellings } from './romanization';

/**
 * What may stand between the syllables or letters of a name: any short run of what is neither a
 * letter nor a digit — spaces, hyphens and dashes of every kind, dots (·, ‧, ・), minus signs,
 * slashes, plus signs, apostrophes, Markdown emphasis. A class, not a list: the next odd
 * separator somebody types is in it already.
 */
export const SEPARATORS = '[^\\p{L}\\p{N}]{0,3}';
// A Latin spelling stands as a whole word ("Lee" is not in "sleeve"), but Hangul may touch it:
// Korean particles attach to foreign names too (Hoeryong에).
// Folded text has lower-case Latin without accents, so a plain class is enough (and fast).
const LATIN_LETTER = '[a-z0-9ßæøœđłþðı]';
const LATIN_BEFORE = `(?<!${LATIN_LETTER})`;
const LATIN_AFTER = `(?!${LATIN_LETTER})`;

/** Letters of a folded spelling, to compare a match with a removed spelling. */
export const lettersOf = (text: string): string => foldSpelling(text).replace(/[^\p{L}\p{N}]/gu, '');

/** McCune–Reischauer marks aspiration with an apostrophe (Ch'oe, P'yŏngyang, T'ae). */
const withAspiration = (spelling: string) => escapeRegExp(spelling).replace(/^(ch|k|t|p)(?=[aeiouwy])/, "$1['’‘ʼ]?");

const alternatives = (spellings: string[]): string => {
  const unique = [...new Set(spellings.filter(Boolean))].sort((a, b) => b.length - a.length).map(withAspiration);
  return unique.length === 1 ? unique[0]! : `(?:${unique.join('|')})`;
};

/** Letters of a typed spelling, each tolerant of separators between them. */
function spelledOut(spelling: string): string {
  const letters = [...foldSpelling(spelling)].filter((char) => /[\p{L}\p{N}]/u.test(char));
  return letters.map(escapeRegExp).join(SEPARATORS);
}

const syllables = (korean: string) => [...korean.replace(/[^\uac00-\ud7a3]/gu, '')];

/** A Latin pattern for a run of Hangul syllables: each syllable any of its spellings. */
function romanizedRun(run: string[], role: 'surname' | 'given' | 'place', wholeWord: boolean): string {
  const perSyllable = run.map((syllable, index) => {
    const forms = index === 0 ? [syllable, ...otherKoreaForms(syllable)] : [syllable];
    return alternatives(forms.flatMap((form) => syllableSpellings(form, role)));
  });
  const combined = perSyllable.join(SEPARATORS);
  const official = revisedRomanization(run.join(''));
  return wholeWord && official ? `(?:${combined}|${escapeRegExp(official)})` : combined;
}

const latin = (body: string) => `${LATIN_BEFORE}${body}${LATIN_AFTER}`;

/** One Hangul syllable, or any Hanja that reads as it (朴 for 박, 寧 for 령). */
const syllableOrHanja = (syllable: string): string => {
  const hanja = hanjaReadAs(syllable);
  return hanja ? `[${escapeRegExp(syllable)}${hanja}]` : escapeRegExp(syllable);
};

/** The Korean form syllable by syllable (in Hangul or Hanja), tolerant of separators, inside words. */
const hangulPattern = (korean: string) => [...korean.replace(/\s+/g, '')].map(syllableOrHanja).join(SEPARATORS);

/** Korean forms with North/South first-syllable variants (양강도 / 량강도, 이 / 리). */
function withOtherKoreaForms(korean: string): string[] {
  const compact = korean.replace(/\s+/g, '');
  const first = compact[0];
  return [compact, ...(first ? otherKoreaForms(first).map((other) => other + compact.slice(1)) : [])];
}

function personPatterns(korean: string): string[] {
  const { surname, given } = splitKoreanName(korean);
  const patterns = withOtherKoreaForms(korean).map(hangulPattern);
  if (given.length >= 2) patterns.push(hangulPattern(given));
  if (!surname) return patterns;
  const surnameRun = surname.length === 2 ? alternatives(syllableSpellings(surname, 'surname')) : romanizedRun([surname], 'surname', false);
  const surnameWithOfficial = `(?:${surnameRun}|${escapeRegExp(revisedRomanization(surname))})`;
  const givenRun = romanizedRun(syllables(given), 'given', true);
  patterns.push(latin(`${surnameWithOfficial}${SEPARATORS}${givenRun}`), latin(`${givenRun}${SEPARATORS}${surnameWithOfficial}`));
  if (given.length >= 2) patterns.push(latin(givenRun));
  return patterns;
}

/**
 * After a place's Latin name: an administrative suffix (Hoeryong-si, Hoeryong County), or an
 * English ending that makes a person or an adjective of the place (Pyongyangite, Hoeryonger,
 * Hamhungese, Hyesanian).
 */
const LATIN_SUFFIX = `(?:${SEPARATORS}${alternatives(anyPlaceSuffix)}|(?:ites?|ers?|ese|ians?|ans?))?`;

function placePatterns(korean: string): string[] {
  const compact = korean.replace(/\s+/g, '');
  const hasSuffix = compact.length >= 3 && placeSuffixes[compact.at(-1)!] !== undefined;
  const base = hasSuffix ? compact.slice(0, -1) : compact;
  // The Korean base with its own suffix if present (회령 and 회령시, not 회령 leaving 시 behind).
  const koreanSuffix = hasSuffix ? `(?:${SEPARATORS}${syllableOrHanja(compact.at(-1)!)})?` : '';
  const patterns = withOtherKoreaForms(base).map((form) => `${hangulPattern(form)}${koreanSuffix}`);
  const baseRun = romanizedRun(syllables(base), 'place', true);
  patterns.push(latin(`${baseRun}${LATIN_SUFFIX}`));
  // 함경북도: "North Hamgyong Province" as well as "Hamgyongbuk-do".
  const direction = { 북: 'north', 남: 'south' }[base.at(-1) ?? ''];
  if (direction && base.length >= 3) patterns.push(latin(`${direction}${SEPARATORS}${romanizedRun(syllables(base.slice(0, -1)), 'place', true)}${LATIN_SUFFIX}`));
  return patterns;
}

function otherPatterns(korean: string): string[] {
  const words = korean.trim().split(/\s+/).filter((word) => syllables(word).length > 0);
  const patterns = [hangulPattern(korean)];
  if (words.length > 0) patterns.push(latin(words.map((word) => romanizedRun(syllables(word), 'given', true)).join(SEPARATORS)));
  return patterns;
}

/** Every pattern (folded-text RegExp source) that finds this redaction. */
export function redactionPatterns(redaction: Pick<Redaction, 'kind' | 'korean' | 'english'>): string[] {
  const patterns: string[] = [];
  for (const korean of koreanFormsOfEntry(redaction)) {
    if (redaction.kind === 'person') patterns.push(...personPatterns(korean));
    else if (redaction.kind === 'place') patterns.push(...placePatterns(korean));
    else patterns.push(...otherPatterns(korean));
  }
  for (const written of [...redaction.english, ...redaction.korean.filter((form) => !isKorean(form))]) {
    const body = spelledOut(written);
    if (!body) continue;
    if (isKorean(written)) patterns.push(body);
    else patterns.push(latin(redaction.kind === 'place' ? `${body}${LATIN_SUFFIX}` : body));
  }
  return [...new Set(patterns)];
}

/**
 * The entry's Korean forms; for an entry written only in English, the Korean its spellings read
 * back to (Kim Chol → 김철), so it is matched as widely as one entered in Korean.
 */
export function koreanFormsOfEntry(redaction: Pick<Redaction, 'kind' | 'korean' | 'english'>): string[] {
  const korean = redaction.korean.filter(isKorean);
  if (korean.length > 0) return korean;
  const written = [...redaction.english, ...redaction.korean];
  return [...new Set(written.flatMap((spelling) => koreanFormsOf(spelling, redaction.kind)))];
}

// ---- The list the editor reviews -------------------------------------------------------------

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const hyphenated = (parts: string[]) => capitalize(parts.join('-'));

/** The few spellings of a syllable worth showing: official, McCune–Reischauer-like, popular. */
function shownSpellings(syllable: string, role: 'surname' | 'given' | 'place', count: number): string[] {
  return syllableSpellings(syllable, role).slice(0, count);
}

/** A readable sample of the spellings the patterns catch, for the editor to accept or remove. */
export function proposedSpellings(redaction: Pick<Redaction, 'kind' | 'korean'> & Partial<Pick<Redaction, 'english'>>): string[] {
  const shown = new Set<string>();
  for (const korean of koreanFormsOfEntry({ english: [], ...redaction })) {
    const compact = korean.replace(/\s+/g, '');
    if (redaction.korean.every((form) => !isKorean(form))) shown.add(compact);
    const hanja = commonHanjaForm(compact);
    if (hanja) shown.add(hanja);
    if (redaction.kind === 'person') {
      const { surname, given } = splitKoreanName(compact);
      const surnames = surname.length === 2 ? syllableSpellings(surname, 'surname').slice(0, 2) : shownSpellings(surname, 'surname', 3);
      const givenSyllables = syllables(given);
      const givens = combinations(givenSyllables.map((syllable) => shownSpellings(syllable, 'given', 3))).slice(0, 6);
      if (given.length >= 2) shown.add(given);
      for (const givenParts of givens) {
        const givenName = hyphenated(givenParts);
        for (const family of surnames) shown.add(`${capitalize(family)} ${givenName}`);
        // Western order with the commonest surname spelling; the patterns catch every other.
        if (surnames[0]) shown.add(`${givenName} ${capitalize(surnames[0])}`);
        if (given.length >= 2) shown.add(givenName);
      }
      shown.add(`${capitalize(revisedRomanization(surname))} ${capitalize(revisedRomanization(given))}`);
    } else if (redaction.kind === 'place') {
      const hasSuffix = compact.length >= 3 && placeSuffixes[compact.at(-1)!] !== undefined;
      const base = hasSuffix ? compact.slice(0, -1) : compact;
      const bases = [...withOtherKoreaForms(base)].flatMap((form) => combinations(syllables(form).map((syllable) => shownSpellings(syllable, 'place', 2))).slice(0, 3));
      const suffixes = hasSuffix ? placeSuffixes[compact.at(-1)!]! : [];
      for (const parts of bases) {
        const name = capitalize(parts.join(''));
        shown.add(name);
        for (const suffix of suffixes) shown.add(suffix.length <= 3 ? `${name}-${suffix}` : `${name} ${capitalize(suffix)}`);
      }
    } else {
      shown.add(korean.trim().split(/\s+/).map((word) => capitalize(revisedRomanization(word))).join(' '));
    }
  }
  return [...shown];
}

/** Parallel picks, not every product: the first spelling of each syllable together, then the second… */
function combinations(options: string[][]): string[][] {
  const longest = Math.max(0, ...options.map((choices) => choices.length));
  const picks: string[][] = [];
  for (let index = 0; index < longest; index += 1) picks.push(options.map((choices) => choices[Math.min(index, choices.length - 1)]!));
  return picks;
}
