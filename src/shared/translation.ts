// Translation state of segments: what counts as translated, stale or reviewed, and the edits a
// translator makes. Pure, so the rules are the same in the editor, the library and the tests.
import { eachChanged, follower, type Followed } from './followed';
import type { Segment } from './interview';

/** The source changed after the translation was written or confirmed. */
export const isStale = (segment: Segment): boolean => segment.translation.trim() !== '' && segment.sourceAtTranslation !== segment.source;

/** Wants the translator's attention: nothing translated yet, or translated from an older source. */
/** A segment with no source yet (an empty proposal from the pauses) is nothing to translate. */
export const hasSource = (segment: Segment): boolean => segment.source.trim() !== '';
export const needsTranslation = (segment: Segment): boolean => hasSource(segment) && (segment.translation.trim() === '' || isStale(segment));

export function writeTranslation(segment: Segment, translation: string): Segment {
  const empty = translation.trim() === '';
  return {
    ...segment,
    translation,
    // Writing the translation means writing it from the source on screen.
    sourceAtTranslation: segment.source,
    // A changed translation needs reviewing again.
    status: empty ? 'untranslated' : 'draft',
  };
}

export function markReviewed(segment: Segment): Segment {
  if (segment.translation.trim() === '') return segment;
  return { ...segment, status: 'reviewed', sourceAtTranslation: segment.source };
}

/** Keeps the translation as it is for the changed source. */
export const confirmTranslation = (segment: Segment): Segment => ({ ...segment, sourceAtTranslation: segment.source });

/** Editing the source leaves `sourceAtTranslation` alone, so the row shows as stale. */
export const writeSource = (segment: Segment, source: string): Segment => ({ ...segment, source });

export const copySourceIntoTranslation = (segment: Segment): Segment => writeTranslation(segment, segment.source);

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

export type TranslationProgress = {
  segments: number;
  translated: number;
  reviewed: number;
  stale: number;
  sourceWords: number;
  translatedSourceWords: number;
};

/** Word counts by segment: segments are immutable, so only an edited one is counted again. */
const sourceWords = new WeakMap<Segment, number>();
function sourceWordsOf(segment: Segment): number {
  let words = sourceWords.get(segment);
  if (words === undefined) sourceWords.set(segment, (words = countWords(segment.source)));
  return words;
}

function takeProgress(segments: readonly Segment[]): TranslationProgress {
  const progress: TranslationProgress = { segments: 0, translated: 0, reviewed: 0, stale: 0, sourceWords: 0, translatedSourceWords: 0 };
  for (const segment of segments) count(progress, segment, 1);
  return progress;
}

/** Adds a segment's share of the progress (`sign` 1), or takes it away (-1). */
function count(progress: TranslationProgress, segment: Segment, sign: 1 | -1): void {
  if (!hasSource(segment) && segment.translation.trim() === '') return;
  progress.segments += sign;
  const words = sourceWordsOf(segment);
  progress.sourceWords += sign * words;
  if (segment.translation.trim() !== '') {
    progress.translated += sign;
    progress.translatedSourceWords += sign * words;
  }
  if (segment.status === 'reviewed') progress.reviewed += sign;
  if (isStale(segment)) progress.stale += sign;
}

const progressKeys = ['segments', 'translated', 'reviewed', 'stale', 'sourceWords', 'translatedSourceWords'] as const;

/** The progress of `segments`, from the one taken by the changed segments' shares: the taken object itself when no figure moved. */
function followProgress(taken: Followed<TranslationProgress>, segments: readonly Segment[]): TranslationProgress {
  const progress = { ...taken.value };
  const followed = eachChanged(taken.segments, segments, (was, is) => {
    count(progress, was, -1);
    count(progress, is, 1);
    return true;
  });
  if (!followed) return takeProgress(segments);
  return progressKeys.every((key) => progress[key] === taken.value[key]) ? taken.value : progress;
}

/** How far the translation has come; followed from the last list, so a keystroke counts one segment again. Not to be changed. */
export const translationProgress = follower(takeProgress, followProgress);

/** The next (or previous) row after `from` that needs translating, wrapping around; -1 if none. */
export function nextNeedingTranslation(segments: readonly Segment[], from: number, direction: 1 | -1): number {
  const count = segments.length;
  for (let step = 1; step <= count; step += 1) {
    const index = (((from + direction * step) % count) + count) % count;
    if (needsTranslation(segments[index]!)) return index;
  }
  return -1;
}

export type RowFilter = 'all' | 'untranslated' | 'draft' | 'reviewed' | 'stale';

export function matchesFilter(segment: Segment, filter: RowFilter): boolean {
  if (!hasSource(segment) && segment.translation.trim() === '') return false; // never offered for translation
  switch (filter) {
    case 'all':
      return true;
    case 'stale':
      return isStale(segment);
    default:
      return segment.status === filter;
  }
}

/** The ids of the rows the filter shows, in order. */
/** `alwaysShown`: rows shown whatever the filter says (the one being worked on, a find's match). */
function takeRowsShown(segments: readonly Segment[], filter: RowFilter, alwaysShown: ReadonlySet<string>): readonly string[] {
  const shown: string[] = [];
  for (const segment of segments) if (alwaysShown.has(segment.id) || matchesFilter(segment, filter)) shown.push(segment.id);
  return shown;
}

/** The rows shown for `segments`: the ones taken themselves while no segment came into or left the filter. */
function followRowsShown(taken: Followed<readonly string[]>, segments: readonly Segment[], filter: RowFilter, alwaysShown: ReadonlySet<string>): readonly string[] {
  const unmoved = eachChanged(taken.segments, segments, (was, is) => matchesFilter(was, filter) === matchesFilter(is, filter));
  return unmoved ? taken.value : takeRowsShown(segments, filter, alwaysShown);
}

/** The ids of the rows the filter shows, in order: the same array while no segment comes into or leaves it. */
export const rowsShown = follower(takeRowsShown, followRowsShown);
