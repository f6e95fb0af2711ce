// The glossary in use: where its terms occur in a source, and where a translation strays from
// the agreed rendering (or uses one to avoid).
import type { GlossaryTerm, Segment } from './interview';
import { escapeRegExp } from './text-patterns';

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

/** Does the translation use this English? Case-insensitive, whole words, curly or straight quotes alike. */
export function usesRendering(translation: string, rendering: string): boolean {
  const core = rendering.trim();
  if (!core) return true;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(core).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
  return pattern.test(translation.replace(/[’‘]/g, "'"));
}

export type GlossaryIssue = { segmentId: string; term: GlossaryTerm; kind: 'missing' | 'avoided'; variant?: string };

/**
 * Rows where a term's Korean is in the source but its agreed English is not in the translation,
 * or where a rendering to avoid is used. Untranslated rows are left out: nothing to check yet.
 */
export function checkGlossaryConsistency(segments: readonly Segment[], terms: readonly GlossaryTerm[]): GlossaryIssue[] {
  const issues: GlossaryIssue[] = [];
  for (const segment of segments) {
    if (segment.translation.trim() === '') continue;
    const seen = new Set<string>();
    for (const { term } of findGlossaryHits(segment.source, terms)) {
      if (seen.has(term.id)) continue;
      seen.add(term.id);
      if (!usesRendering(segment.translation, term.english)) issues.push({ segmentId: segment.id, term, kind: 'missing' });
      for (const variant of term.avoid) {
        if (usesRendering(segment.translation, variant)) issues.push({ segmentId: segment.id, term, kind: 'avoided', variant });
      }
    }
  }
  return issues;
}
