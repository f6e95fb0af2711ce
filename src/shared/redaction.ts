// Redaction: which terms must never reach an export, every spelling we look for, replacing them
// in text, and finding any that survived. One set of patterns serves the replacement and the
// leak check, so a spelling the check knows is also a spelling the replacement removes.
import { romanize } from 'es-hangul';
import type { Interview } from './interview';
import { escapeRegExp, HANGUL_RANGES } from './text-patterns';

export type RedactionTerm = {
  /** Position in the list, used to name the term in messages without repeating it. */
  number: number;
  term: string;
  replacement: string;
  variants: string[];
};

const HANGUL = new RegExp(`[${HANGUL_RANGES}]`, 'u');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What may stand between the letters of a name without making it another name. */
const SEPARATORS = '[\\s\\-\\u2010-\\u2015_.·\\u00ad\\u200b-\\u200d\\u2060\\ufeff]*';

export const narratorReplacement = (interview: Pick<Interview, 'narrator'>): string => interview.narrator.pseudonym.trim() || '[redacted]';

/** The narrator's real name (always), then the interview's own list. */
export function redactionTerms(interview: Pick<Interview, 'narrator' | 'redactions'>): RedactionTerm[] {
  const terms: Omit<RedactionTerm, 'number'>[] = [];
  const realName = interview.narrator.realName.trim();
  if (realName) terms.push({ term: realName, replacement: narratorReplacement(interview), variants: [] });
  for (const redaction of interview.redactions) {
    terms.push({ term: redaction.term, replacement: redaction.replacement, variants: redaction.variants });
  }
  return terms.map((term, index) => ({ ...term, number: index + 1 }));
}

/** The term, its listed variants, and the Revised Romanization of any Korean among them. */
export function spellingsOf(term: Pick<RedactionTerm, 'term' | 'variants'>): string[] {
  const spellings = new Set<string>();
  for (const written of [term.term, ...term.variants]) {
    const spelling = written.normalize('NFC').trim();
    if (!spelling) continue;
    spellings.add(spelling);
    if (HANGUL.test(spelling)) {
      const romanized = romanize(spelling).trim();
      if (romanized && !HANGUL.test(romanized)) spellings.add(romanized);
    }
  }
  return [...spellings].sort((a, b) => b.length - a.length);
}

/**
 * A pattern for one spelling: case-insensitive, tolerant of spaces, hyphens and invisible
 * characters between its letters. Latin spellings must stand as whole words ("Lee" is not in
 * "sleeve"); Korean ones match inside words, because particles attach to names (최순희는).
 */
export function spellingPattern(spelling: string): RegExp {
  const letters = [...spelling.normalize('NFC')].filter((char) => LETTER_OR_DIGIT.test(char));
  const body = letters.map(escapeRegExp).join(SEPARATORS);
  const first = letters[0] ?? '';
  const last = letters.at(-1) ?? '';
  const before = first && !HANGUL.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = last && !HANGUL.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${before}${body}${after}`, 'giu');
}

/**
 * Replaces every spelling of every term. Text is compared in NFC, as the leak check does.
 * `mark` may wrap each replacement (the preview uses it to highlight what was replaced).
 */
export function applyRedactions(text: string, terms: RedactionTerm[], mark: (replacement: string) => string = (r) => r): string {
  let result = text.normalize('NFC');
  for (const { term, patterns } of compiledTerms(terms)) {
    for (const pattern of patterns) result = result.replace(pattern, () => mark(term.replacement));
  }
  return result;
}

/** Patterns are built once per list of terms: exports apply them to thousands of strings. */
const compiledCache = new WeakMap<RedactionTerm[], { term: RedactionTerm; patterns: RegExp[] }[]>();
function compiledTerms(terms: RedactionTerm[]): { term: RedactionTerm; patterns: RegExp[] }[] {
  let compiled = compiledCache.get(terms);
  if (!compiled) {
    compiled = terms.map((term) => ({
      term,
      patterns: spellingsOf(term)
        .filter((spelling) => [...spelling].some((char) => LETTER_OR_DIGIT.test(char)))
        .map(spellingPattern),
    }));
    compiledCache.set(terms, compiled);
  }
  return compiled;
}

/** Start and end of a marked replacement: private-use characters no text contains. */
export const REPLACEMENT_START = '\ue000';
export const REPLACEMENT_END = '\ue001';
export const markReplacement = (replacement: string) => `${REPLACEMENT_START}${replacement}${REPLACEMENT_END}`;

export type TextPiece = { text: string; sensitive: boolean };

/** Splits text where listed terms occur, so views can highlight them. */
export function splitAtTerms(text: string, terms: RedactionTerm[]): TextPiece[] {
  const ranges: [number, number][] = [];
  const normalized = text.normalize('NFC');
  for (const { patterns } of compiledTerms(terms)) {
    for (const pattern of patterns) {
      for (const match of normalized.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces: TextPiece[] = [];
  let position = 0;
  for (const [start, end] of ranges) {
    if (end <= position) continue;
    if (start > position) pieces.push({ text: normalized.slice(position, start), sensitive: false });
    pieces.push({ text: normalized.slice(Math.max(start, position), end), sensitive: true });
    position = end;
  }
  if (position < normalized.length) pieces.push({ text: normalized.slice(position), sensitive: false });
  return pieces;
}

export type Leak = { termNumber: number; replacement: string };

/** Which terms still appear in the text, by any spelling. */
export function findLeakedTerms(text: string, terms: RedactionTerm[]): Leak[] {
  const normalized = text.normalize('NFC');
  return compiledTerms(terms)
    .filter(({ patterns }) =>
      patterns.some((pattern) => {
        pattern.lastIndex = 0; // global patterns are shared; test() would resume where it stopped
        return pattern.test(normalized);
      }),
    )
    .map(({ term }) => ({ termNumber: term.number, replacement: term.replacement }));
}
