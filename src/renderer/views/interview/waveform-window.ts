// Which stretch of the recording has its segments drawn on the waveform: the visible stretch and
// one screen's width either side, so scrolling a screen shows regions already there. A long
// interview (10,000 or 100,000 segments) then keeps a few dozen regions, not all of them.

export type TimeSpan = { start: number; end: number };

/** The drawn window for what is visible now: kept while the view stays inside it, else moved. */
export function nextRegionWindow(visible: TimeSpan, current: TimeSpan | null): TimeSpan {
  if (current && visible.start >= current.start && visible.end <= current.end) return current;
  const width = Math.max(visible.end - visible.start, 1);
  return { start: Math.max(0, visible.start - width), end: visible.end + width };
}

/** The segments with any part inside the window (an open segment counts as a moment). */
export function segmentsInWindow<T extends { start: number; end: number }>(segments: readonly T[], window: TimeSpan): T[] {
  return segments.filter((segment) => Math.max(segment.end, segment.start) >= window.start && segment.start <= window.end);
}
