import { describe, expect, it } from 'vitest';
import { nextRegionWindow, segmentsInWindow } from './waveform-window';

describe('the waveform draws regions near the view only', () => {
  it('keeps its window while the view stays inside, and moves it a screen either side when it leaves', () => {
    const first = nextRegionWindow({ start: 100, end: 130 }, null);
    expect(first).toEqual({ start: 70, end: 160 });
    expect(nextRegionWindow({ start: 120, end: 150 }, first)).toBe(first);
    expect(nextRegionWindow({ start: 140, end: 170 }, first)).toEqual({ start: 110, end: 200 });
    expect(nextRegionWindow({ start: 5, end: 35 }, first)).toEqual({ start: 0, end: 65 });
  });

  it('picks 3 segments out of 100,000', () => {
    const segments = Array.from({ length: 100_000 }, (_, index) => ({ id: index, start: index * 2, end: index * 2 + 1.5 }));
    expect(segmentsInWindow(segments, { start: 1000, end: 1004.5 }).map((segment) => segment.id)).toEqual([500, 501, 502]);
    // An open segment (no end yet) is a moment at its start.
    expect(segmentsInWindow([{ start: 10, end: 0 }], { start: 9, end: 11 })).toHaveLength(1);
  });
});
