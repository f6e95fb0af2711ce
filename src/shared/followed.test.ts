import { describe, expect, it, vi } from 'vitest';
import { eachChanged, follower, segmentOrder } from './followed';
import { newSegment, type Segment } from './interview';
import { timelineOf } from './segment-timeline';
import { withSegment } from './transcript-editing';
import { rowsShown, translationProgress, writeSource, writeTranslation, markReviewed, type RowFilter } from './translation';

const interview = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    newSegment({ id: `seg-${index}`, start: index * 3, end: index * 3 + 2.5, source: index % 7 === 0 ? '' : `문장 ${index} 입니다`, translation: index % 3 === 0 ? `Sentence ${index}` : '' }),
  );

/** A pseudo-random run of edits, as a translator and a transcriber make them (seeded: the same run each time). */
function* edits(start: Segment[], steps: number): Generator<Segment[]> {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  let segments = start;
  for (let step = 0; step < steps; step += 1) {
    const index = Math.floor(next() * segments.length);
    const id = segments[index]!.id;
    const choice = next();
    if (choice < 0.35) segments = withSegment(segments, index, id, (segment) => writeTranslation(segment, segment.translation + (next() < 0.1 ? '' : ' word')));
    else if (choice < 0.55) segments = withSegment(segments, index, id, (segment) => writeSource(segment, next() < 0.15 ? '' : `${segment.source} 말`));
    else if (choice < 0.65) segments = withSegment(segments, index, id, markReviewed);
    else if (choice < 0.72) segments = withSegment(segments, index, id, (segment) => writeTranslation(segment, ''));
    else if (choice < 0.8) segments = segments.map((segment, at) => (at === index ? { ...segment, speakerId: 'spk-2', end: segment.end + 0.1 } : segment));
    else if (choice < 0.85) segments = segments.filter((_, at) => at !== index);
    else if (choice < 0.9) segments = withSegment(segments, undefined, id, (segment) => ({ ...segment, source: `${segment.source}!` }));
    else segments = withSegment(segments, index, id, (segment) => ({ ...segment, notes: `${segment.notes} n` }));
    yield segments;
  }
}

describe('following a value from edit to edit', () => {
  it('gives the value a fresh derivation gives, through every kind of edit (translation progress, rows shown, timeline, order)', () => {
    const filters: RowFilter[] = ['all', 'untranslated', 'draft', 'reviewed', 'stale'];
    const alwaysShown = new Set(['seg-5']);
    let checked = 0;
    for (const segments of edits(interview(300), 600)) {
      const fresh = interview(0).concat(segments.map((segment) => ({ ...segment }))); // other objects: derived afresh
      expect(translationProgress(segments)).toEqual(translationProgress(fresh));
      for (const filter of filters) expect(rowsShown(segments, filter, alwaysShown)).toEqual(rowsShown(fresh, filter, alwaysShown));
      expect(timelineOf(segments)).toEqual(timelineOf(fresh));
      expect(segmentOrder(segments).map((segment) => segment.id)).toEqual(segments.map((segment) => segment.id));
      checked += 1;
    }
    expect(checked).toBe(600);
  });

  it('looks only into the replaced segment after a keystroke, and hands back the same value while nothing it depends on moved', () => {
    const take = vi.fn((segments: readonly Segment[]) => segments.filter((segment) => segment.source !== '').length);
    const looked = vi.fn((_was: Segment, _is: Segment) => true);
    const follow = vi.fn((taken: { segments: readonly Segment[]; value: number }, segments: readonly Segment[]) => (eachChanged(taken.segments, segments, looked) ? taken.value : take(segments)));
    const saying = follower(take, follow);
    const start = interview(10_000);
    expect(saying(start)).toBe(start.filter((segment) => segment.source !== '').length);
    expect(take).toHaveBeenCalledTimes(1);

    const typed = withSegment(start, 42, 'seg-42', (segment) => ({ ...segment, source: `${segment.source}요` }));
    saying(typed);
    expect(take).toHaveBeenCalledTimes(1);
    expect(looked).toHaveBeenCalledTimes(1);
    expect(looked.mock.calls[0]![1].id).toBe('seg-42');
    // The same list again: remembered, nothing looked into.
    saying(typed);
    expect(follow).toHaveBeenCalledTimes(1);
  });

  it('derives afresh when an input changes, and remembers values per list', () => {
    const take = vi.fn((segments: readonly Segment[], least: number) => segments.filter((segment) => segment.start >= least).length);
    const counting = follower(take, (taken, segments, least: number) => take(segments, least));
    const segments = interview(10);
    expect(counting(segments, 0)).toBe(10);
    expect(counting(segments, 15)).toBe(5);
    expect(counting(segments, 15)).toBe(5);
    expect(take).toHaveBeenCalledTimes(2);
  });

  it('keeps a list the timeline was taken from out of memory once nothing else holds it (no chain of keystrokes)', async () => {
    // Each keystroke's list knows the one it came from; the one before that must be free to go.
    const collected: string[] = [];
    const registry = new FinalizationRegistry<string>((name) => collected.push(name));
    let segments = interview(2_000);
    registry.register(segments, 'first');
    timelineOf(segments);
    for (let step = 0; step < 5; step += 1) {
      segments = withSegment(segments, 3, 'seg-3', (segment) => ({ ...segment, source: `${segment.source}.` }));
      timelineOf(segments);
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('vitest.config.mts runs tests with --expose-gc');
    for (let round = 0; round < 20 && !collected.includes('first'); round += 1) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(collected).toContain('first');
  });
});
