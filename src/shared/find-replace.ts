// Find and replace across a transcript, in the source, the translation, or both. Works on Korean
// (NFC-normalised, no case). "Whole word" means not inside a longer run of letters, except that a
// Korean word keeps its particles (장마당 finds 장마당에서, as the glossary check does), and a
// Korean replacement brings the particle after it into agreement (철수가 → 김철이).
import type { Segment } from './interview';
import { PARTICLE_TAIL, refitParticle } from './korean-particles';
import { escapeRegExp } from './text-patterns';
import { writeSource, writeTranslation } from './translation';

export type SearchScope = 'source' | 'translation' | 'both';
export type SearchField = 'source' | 'translation';
export type SearchOptions = { query: string; scope: SearchScope; wholeWord: boolean; matchCase: boolean };
export type FieldMatch = { segmentId: string; field: SearchField; start: number; end: number };

const endsInHangulSyllable = (text: string) => /[\uac00-\ud7a3]$/u.test(text);

export function searchPattern({ query, wholeWord, matchCase }: Pick<SearchOptions, 'query' | 'wholeWord' | 'matchCase'>): RegExp | null {
  const needle = query.normalize('NFC');
  if (needle === '') return null;
  const body = escapeRegExp(needle);
  const after = endsInHangulSyllable(needle) ? `(?=${PARTICLE_TAIL})` : '(?![\\p{L}\\p{N}])';
  return new RegExp(wholeWord ? `(?<![\\p{L}\\p{N}])${body}${after}` : body, matchCase ? 'gu' : 'giu');
}

export const fieldsOf = (scope: SearchScope): SearchField[] => (scope === 'both' ? ['source', 'translation'] : [scope]);

/** Where the pattern matches in one text, as [start, end) pairs. */
export function matchRanges(text: string, pattern: RegExp): [number, number][] {
  return [...text.normalize('NFC').matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
}

/** Every match, in reading order: segment by segment, source before translation. */
export function findMatches(segments: readonly Segment[], options: SearchOptions): FieldMatch[] {
  const pattern = searchPattern(options);
  if (!pattern) return [];
  const matches: FieldMatch[] = [];
  for (const segment of segments) {
    for (const field of fieldsOf(options.scope)) {
      for (const [start, end] of matchRanges(segment[field], pattern)) matches.push({ segmentId: segment.id, field, start, end });
    }
  }
  return matches;
}

/** The text with the matches at `only` (or every match) replaced; particles refitted after Korean. */
function replaceInText(text: string, pattern: RegExp, replacement: string, only?: { start: number; end: number }): { text: string; count: number; caret: number } {
  let output = '';
  let position = 0;
  let count = 0;
  let caret = 0;
  for (const [start, end] of matchRanges(text, pattern)) {
    if (only && (start !== only.start || end !== only.end)) continue;
    if (start < position) continue; // inside a particle already refitted
    output += text.slice(position, start) + replacement;
    position = end;
    const refit = refitParticle(replacement, text.slice(end));
    if (refit) {
      output += refit.to;
      position += refit.from.length;
    }
    caret = output.length;
    count += 1;
  }
  return { text: output + text.slice(position), count, caret };
}

function writeField(segment: Segment, field: SearchField, text: string): Segment {
  return field === 'source' ? writeSource(segment, text) : writeTranslation(segment, text);
}

/** Replaces every match; source edits mark translated rows stale, as typing would. */
export function replaceAll(segments: readonly Segment[], options: SearchOptions, replacement: string): { segments: Segment[]; replaced: number } {
  const pattern = searchPattern(options);
  if (!pattern) return { segments: [...segments], replaced: 0 };
  let replaced = 0;
  const next = segments.map((segment) => {
    let result = segment;
    for (const field of fieldsOf(options.scope)) {
      const done = replaceInText(result[field].normalize('NFC'), pattern, replacement);
      if (done.count === 0) continue;
      replaced += done.count;
      result = writeField(result, field, done.text);
    }
    return result;
  });
  return { segments: next, replaced };
}

/**
 * Replaces one match, if it is still there (the text may have changed since it was found).
 * `resumeAt` is where searching should go on: just after the replacement, so a replacement
 * that contains the query is not found again.
 */
export function replaceOne(
  segments: readonly Segment[],
  options: SearchOptions,
  target: FieldMatch,
  replacement: string,
): { segments: Segment[]; resumeAt: { segmentId: string; field: SearchField; offset: number } } | null {
  const pattern = searchPattern(options);
  const index = segments.findIndex((segment) => segment.id === target.segmentId);
  const segment = segments[index];
  if (!pattern || !segment) return null;
  const done = replaceInText(segment[target.field].normalize('NFC'), pattern, replacement, target);
  if (done.count === 0) return null;
  const next = [...segments];
  next[index] = writeField(segment, target.field, done.text);
  return { segments: next, resumeAt: { segmentId: segment.id, field: target.field, offset: done.caret } };
}

/** The first match at or after a place in reading order (wrapping round to the start). */
export function matchFrom(matches: readonly FieldMatch[], segments: readonly Segment[], place: { segmentId: string; field: SearchField; offset: number }): number {
  if (matches.length === 0) return -1;
  const order = new Map(segments.map((segment, index) => [segment.id, index]));
  const rank = (segmentId: string, field: SearchField, offset: number) => [order.get(segmentId) ?? -1, field === 'source' ? 0 : 1, offset];
  const wanted = rank(place.segmentId, place.field, place.offset);
  const found = matches.findIndex((match) => {
    const here = rank(match.segmentId, match.field, match.start);
    for (let i = 0; i < 3; i += 1) if (here[i] !== wanted[i]) return here[i]! > wanted[i]!;
    return true;
  });
  return found === -1 ? 0 : found;
}
