// Redaction: who and what must never reach an export, found in every spelling (see spellings.ts)
// in folded text (see folding.ts), replaced by the replacement of the text's own language, and
// searched for again in the finished file. The replacement and the leak check share this one
// matcher, so a spelling the check knows is a spelling the replacement removes.
import type { Interview, RedactionKind } from '../interview';
import { foldOnly, foldText } from './folding';
import { isKorean, isMostlyKorean } from './kinds';
import { lettersOf, redactionPatterns } from './spellings';
import { allMatches } from '../text-patterns';

export type Language = 'ko' | 'en';

/** Which replacement a text in this language code gets: Korean's for ko…, English's for any other. */
export const replacementLanguage = (code: string): Language => (code.toLowerCase().startsWith('ko') ? 'ko' : 'en');

export type RedactionTerm = {
  /** Position in the list, used to name the term in messages without repeating it. */
  number: number;
  kind: RedactionKind;
  korean: string[];
  english: string[];
  /** Removed proposals, as letters only. */
  rejected: string[];
  replacementKo: string;
  replacementEn: string;
};

export const narratorReplacement = (interview: Pick<Interview, 'narrator'>): string => interview.narrator.pseudonym.trim() || '[redacted]';

/** The narrator's real name (always, in every derived spelling), then the interview's own list. */
export function redactionTerms(interview: Pick<Interview, 'narrator' | 'redactions'>): RedactionTerm[] {
  // The same list for the same entries: its compiled pattern (thousands of Hanja alternatives) is
  // kept with it, so the callers of one export or one view share one compilation. Keyed by
  // content, not by object, so an entry changed in place is never answered from before.
  const key = JSON.stringify([interview.narrator.realName, interview.narrator.pseudonym, interview.redactions]);
  const known = termsCache.get(key);
  if (known) return known;
  const terms = termsOf(interview);
  if (termsCache.size >= 16) termsCache.delete(termsCache.keys().next().value!);
  termsCache.set(key, terms);
  return terms;
}

const termsCache = new Map<string, RedactionTerm[]>();

function termsOf(interview: Pick<Interview, 'narrator' | 'redactions'>): RedactionTerm[] {
  const terms: Omit<RedactionTerm, 'number'>[] = [];
  const realName = interview.narrator.realName.trim();
  if (realName) {
    const pseudonym = narratorReplacement(interview);
    const korean = isKorean(realName);
    terms.push({ kind: 'person', korean: korean ? [realName] : [], english: korean ? [] : [realName], rejected: [], replacementKo: pseudonym, replacementEn: pseudonym });
  }
  for (const redaction of interview.redactions) {
    terms.push({
      kind: redaction.kind,
      korean: redaction.korean,
      english: redaction.english,
      rejected: redaction.rejected.map(lettersOf),
      replacementKo: redaction.replacementKo,
      replacementEn: redaction.replacementEn,
    });
  }
  return terms.map((term, index) => ({ ...term, number: index + 1 }));
}

export const replacementIn = (term: RedactionTerm, language: Language): string => (language === 'ko' ? term.replacementKo : term.replacementEn);

type CompiledTerms = {
  pattern: RegExp | null;
  /** The same pattern without the global flag, for "might this text hold a term" (no state between calls). */
  probe: RegExp | null;
  groups: RedactionTerm[];
  rejected: Set<string>[];
};

/** All patterns of all terms as one RegExp, one capturing group each: texts are read once. */
const compiledCache = new WeakMap<RedactionTerm[], CompiledTerms>();
function compiled(terms: RedactionTerm[]): CompiledTerms {
  let found = compiledCache.get(terms);
  if (!found) {
    const groups: RedactionTerm[] = [];
    const sources: string[] = [];
    for (const term of terms) {
      for (const source of redactionPatterns(term)) {
        groups.push(term);
        sources.push(`(${source})`);
      }
    }
    found = {
      pattern: sources.length > 0 ? new RegExp(sources.join('|'), 'gu') : null,
      probe: sources.length > 0 ? new RegExp(sources.join('|'), 'u') : null,
      groups,
      rejected: groups.map((term) => new Set(term.rejected)),
    };
    compiledCache.set(terms, found);
  }
  return found;
}

type Match = { start: number; end: number; term: RedactionTerm };

/** Whether the already folded text might hold a term (a rejected spelling also says yes). */
const mayHoldTerm = (folded: string, { probe }: CompiledTerms): boolean => probe !== null && probe.test(folded);

/** The terms found in already folded text (each match's term, rejected spellings left out). */
function termsIn(folded: string, { pattern, groups, rejected }: CompiledTerms): RedactionTerm[] {
  if (!pattern) return [];
  const found: RedactionTerm[] = [];
  for (const match of allMatches(pattern, folded)) {
    const group = match.findIndex((value, index) => index > 0 && value !== undefined) - 1;
    if (group >= 0 && !rejected[group]!.has(lettersOf(match[0]))) found.push(groups[group]!);
  }
  return found;
}

function findMatches(text: string, terms: RedactionTerm[]): { original: string; matches: Match[] } {
  const { pattern, groups, rejected } = compiled(terms);
  const folded = foldText(text);
  const matches: Match[] = [];
  if (!pattern) return { original: folded.original, matches };
  for (const match of allMatches(pattern, folded.folded)) {
    const group = match.findIndex((value, index) => index > 0 && value !== undefined) - 1;
    if (group < 0 || rejected[group]!.has(lettersOf(match[0]))) continue;
    const end = match.index + match[0].length;
    matches.push({ start: folded.starts[match.index]!, end: folded.ends[end - 1]!, term: groups[group]! });
  }
  return { original: folded.original, matches };
}

export type RedactOptions = {
  /** Which replacement to use; by default the text's own script decides. */
  language?: Language;
  /** Wraps each replacement (the preview highlights it; XLIFF makes it a placeholder). */
  mark?: (replacement: string, term: RedactionTerm) => string;
};

/** Where a bilingual text (a title "장마당 — Market days", a line each) changes language. */
const CLAUSE_BREAK = /\s[—–/|]\s|\n/gu;

/** The language of the clause around each position, for texts whose language is not given. */
function clauseLanguages(text: string): (position: number) => Language {
  const clauses: { end: number; language: Language }[] = [];
  let start = 0;
  for (const match of [...text.matchAll(CLAUSE_BREAK), null]) {
    const end = match ? match.index : text.length;
    clauses.push({ end, language: isMostlyKorean(text.slice(start, end)) ? 'ko' : 'en' });
    if (match) start = match.index + match[0].length;
  }
  return (position) => clauses.find((clause) => position <= clause.end)?.language ?? 'en';
}

/** Replaces every spelling of every term with the replacement of the text's (or clause's) language. */
export function applyRedactions(text: string, terms: RedactionTerm[], options: RedactOptions = {}): string {
  // Most texts hold no term: folding without positions tells so at a fraction of the cost.
  if (!mayHoldTerm(foldOnly(text), compiled(terms))) return text.normalize('NFC');
  const { original, matches } = findMatches(text, terms);
  if (matches.length === 0) return original;
  const languageAt = options.language ? () => options.language! : clauseLanguages(original);
  const mark = options.mark ?? ((replacement: string) => replacement);
  let result = '';
  let position = 0;
  for (const match of matches) {
    result += original.slice(position, match.start) + mark(replacementIn(match.term, languageAt(match.start)), match.term);
    position = match.end;
  }
  return result + original.slice(position);
}

/** Start and end of a marked replacement: private-use characters no text contains. */
export const REPLACEMENT_START = '\ue000';
export const REPLACEMENT_END = '\ue001';
export const markReplacement = (replacement: string) => `${REPLACEMENT_START}${replacement}${REPLACEMENT_END}`;

export type TextPiece = { text: string; sensitive: boolean };

/** Splits text where listed terms occur, so views can highlight them. */
export function splitAtTerms(text: string, terms: RedactionTerm[]): TextPiece[] {
  const { original, matches } = findMatches(text, terms);
  const pieces: TextPiece[] = [];
  let position = 0;
  for (const { start, end } of matches) {
    if (start > position) pieces.push({ text: original.slice(position, start), sensitive: false });
    pieces.push({ text: original.slice(start, end), sensitive: true });
    position = end;
  }
  if (position < original.length) pieces.push({ text: original.slice(position), sensitive: false });
  return pieces;
}

/** Each place a listed term stands in the text: its span (in the NFC text) and the term. */
export function termOccurrences(text: string, terms: RedactionTerm[]): { start: number; end: number; text: string; term: RedactionTerm }[] {
  if (!mayHoldTerm(foldOnly(text), compiled(terms))) return [];
  const { original, matches } = findMatches(text, terms);
  return matches.map((match) => ({ start: match.start, end: match.end, text: original.slice(match.start, match.end), term: match.term }));
}

export type Leak = { termNumber: number; replacement: string };

/** Which terms still appear in the text, by any spelling. */
export function findLeakedTerms(text: string, terms: RedactionTerm[]): Leak[] {
  const leaked = new Map<number, Leak>();
  for (const term of termsIn(foldOnly(text), compiled(terms))) leaked.set(term.number, { termNumber: term.number, replacement: term.replacementEn });
  return [...leaked.values()];
}
