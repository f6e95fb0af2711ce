// The glossary in use: where its terms occur in a source, and where a translation strays from
// the agreed rendering (or uses one to avoid).
import stem from 'wink-porter2-stemmer';
import type { GlossaryTerm, Segment } from './interview';

export type GlossaryHit = { start: number; end: number; term: GlossaryTerm };

/** Library terms, with the interview's own additions taking precedence for the same Korean. */
export function glossaryInUse(library: readonly GlossaryTerm[], interview: readonly GlossaryTerm[]): GlossaryTerm[] {
  const own = new Set(interview.map((term) => term.korean.normalize('NFC')));
  return [...interview, ...library.filter((term) => !own.has(term.korean.normalize('NFC')))];
}

/** Where glossary terms occur in a Korean source; longer terms win where they overlap. */
export function findGlossaryHits(source: string, terms: readonly GlossaryTerm[]): GlossaryHit[] {
  const text = source.normalize('NFC');
  const hits: GlossaryHit[] = [];
  const byLength = [...terms].sort((a, b) => b.korean.length - a.korean.length);
  for (const term of byLength) {
    const korean = term.korean.normalize('NFC');
    for (let at = text.indexOf(korean); at !== -1; at = text.indexOf(korean, at + korean.length)) {
      const end = at + korean.length;
      if (!hits.some((hit) => at < hit.end && end > hit.start)) hits.push({ start: at, end, term });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** The English words of a text as Porter2 stems: "discs" and "disc", "mobilized" and "mobilization" meet. */
function wordStems(text: string): string[] {
  return [...text.toLowerCase().replace(/[’‘]/g, "'").matchAll(WORD)].map((match) => stem(match[0]));
}

/**
 * Does the translation use this English, in any inflection? Whole words in order, by their
 * stems, case-insensitive, curly or straight quotes and hyphens or spaces alike.
 */
export function usesRendering(translation: string, rendering: string): boolean {
  const wanted = wordStems(rendering);
  if (wanted.length === 0) return true;
  const words = wordStems(translation);
  for (let at = 0; at + wanted.length <= words.length; at += 1) {
    if (wanted.every((word, offset) => words[at + offset] === word)) return true;
  }
  return false;
}

export type GlossaryIssue = { segmentId: string; term: GlossaryTerm; kind: 'missing' | 'avoided'; variant?: string };

/**
 * Rows where a term's Korean is in the source but its agreed English is not in the translation,
 * or where a rendering to avoid is used. Untranslated rows are left out: nothing to check yet.
 */
export function checkGlossaryConsistency(segments: readonly Segment[], terms: readonly GlossaryTerm[]): GlossaryIssue[] {
  // Segments are immutable: one edited while typing is checked again, the other 99,999 are not.
  let checked = issuesBySegment.get(terms);
  if (!checked) issuesBySegment.set(terms, (checked = new WeakMap()));
  const issues: GlossaryIssue[] = [];
  for (const segment of segments) {
    let found = checked.get(segment);
    if (!found) checked.set(segment, (found = segmentIssues(segment, terms)));
    for (const issue of found) issues.push(issue);
  }
  return issues;
}

const issuesBySegment = new WeakMap<readonly GlossaryTerm[], WeakMap<Segment, GlossaryIssue[]>>();

function segmentIssues(segment: Segment, terms: readonly GlossaryTerm[]): GlossaryIssue[] {
  if (segment.translation.trim() === '') return [];
  const issues: GlossaryIssue[] = [];
  const seen = new Set<string>();
  for (const { term } of findGlossaryHits(segment.source, terms)) {
    if (seen.has(term.id)) continue;
    seen.add(term.id);
    if (!usesRendering(segment.translation, term.english)) issues.push({ segmentId: segment.id, term, kind: 'missing' });
    for (const variant of term.avoid) {
      if (usesRendering(segment.translation, variant)) issues.push({ segmentId: segment.id, term, kind: 'avoided', variant });
    }
  }
  return issues;
}
