// Find and replace across a transcript, in the source, the translation, or both. Works on Korean
// (NFC-normalised, no case), with "whole word" meaning not inside a longer run of letters.
import type { Segment } from './interview';
import { escapeRegExp } from './text-patterns';
import { writeSource, writeTranslation } from './translation';

export type SearchScope = 'source' | 'translation' | 'both';
export type SearchOptions = { query: string; scope: SearchScope; wholeWord: boolean; matchCase: boolean };
export type FieldMatch = { segmentId: string; field: 'source' | 'translation'; start: number; end: number };

export function searchPattern({ query, wholeWord, matchCase }: SearchOptions): RegExp | null {
  const needle = query.normalize('NFC');
  if (needle === '') return null;
  const body = escapeRegExp(needle);
  return new RegExp(wholeWord ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body, matchCase ? 'gu' : 'giu');
}

const fieldsOf = (scope: SearchScope): ('source' | 'translation')[] => (scope === 'both' ? ['source', 'translation'] : [scope]);

export function findMatches(segments: readonly Segment[], options: SearchOptions): FieldMatch[] {
  const pattern = searchPattern(options);
  if (!pattern) return [];
  const matches: FieldMatch[] = [];
  for (const segment of segments) {
    for (const field of fieldsOf(options.scope)) {
      for (const match of segment[field].normalize('NFC').matchAll(pattern)) {
        matches.push({ segmentId: segment.id, field, start: match.index, end: match.index + match[0].length });
      }
    }
  }
  return matches;
}

/** Replaces every match; source edits mark translated rows stale, as typing would. */
export function replaceAll(segments: readonly Segment[], options: SearchOptions, replacement: string): { segments: Segment[]; replaced: number } {
  const pattern = searchPattern(options);
  if (!pattern) return { segments: [...segments], replaced: 0 };
  let replaced = 0;
  const next = segments.map((segment) => {
    let result = segment;
    for (const field of fieldsOf(options.scope)) {
      const text = result[field].normalize('NFC');
      const count = [...text.matchAll(pattern)].length;
      if (count === 0) continue;
      replaced += count;
      const changed = text.replace(pattern, () => replacement);
      result = field === 'source' ? writeSource(result, changed) : writeTranslation(result, changed);
    }
    return result;
  });
  return { segments: next, replaced };
}
