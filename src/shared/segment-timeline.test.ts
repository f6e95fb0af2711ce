import { describe, expect, it } from 'vitest';
import { newSegment } from './interview';
import { followTimeline, timelineOf } from './segment-timeline';

const segments = [
  newSegment({ id: 'a', start: 0, end: 2, source: '안녕하세요', speakerId: 'spk-1' }),
  newSegment({ id: 'b', start: 2, end: 5, source: '', speakerId: null }),
  newSegment({ id: 'c', start: 5, end: 9, source: 'Yes', speakerId: 'spk-2' }),
];
const taken = { segments, value: timelineOf(segments) };
const withSegment = (index: number, change: Partial<(typeof segments)[number]>) => segments.map((segment, at) => (at === index ? { ...segment, ...change } : segment));

describe('segment timeline', () => {
  it('holds when, who and whether each segment says something', () => {
    expect(taken.value).toEqual([
      { id: 'a', start: 0, end: 2, speakerId: 'spk-1', hasText: true },
      { id: 'b', start: 2, end: 5, speakerId: null, hasText: false },
      { id: 'c', start: 5, end: 9, speakerId: 'spk-2', hasText: true },
    ]);
  });

  it('stays the same object while typing changes only what segments with text say', () => {
    expect(followTimeline(taken, withSegment(0, { source: '안녕하세요, 선생님' }))).toBe(taken.value);
    expect(followTimeline(taken, withSegment(2, { translation: 'Yes indeed', notes: 'checked' }))).toBe(taken.value);
    expect(followTimeline(taken, segments)).toBe(taken.value);
  });

  it('is taken again when a boundary, a speaker, the order or a segment’s emptiness moves', () => {
    const moved = [
      withSegment(1, { end: 4.5 }),
      withSegment(1, { start: 2.5 }),
      withSegment(0, { speakerId: 'spk-2' }),
      withSegment(1, { source: '네' }),
      withSegment(0, { source: '   ' }),
      [segments[1]!, segments[0]!, segments[2]!],
      segments.slice(0, 2),
    ];
    for (const next of moved) {
      const followed = followTimeline(taken, next);
      expect(followed).not.toBe(taken.value);
      expect(followed).toEqual(timelineOf(next));
    }
  });
});
