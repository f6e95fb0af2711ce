import { describe, expect, it } from 'vitest';
import { splitPoint } from './split-point';

/** 20 s of "speech" at 100 peaks per second with a silence from 11.0 to 11.6 s. */
function peaksWithPause(): Float32Array {
  return Float32Array.from({ length: 2000 }, (_, index) => (index >= 1100 && index < 1160 ? 0.01 : 0.6 + 0.3 * Math.sin(index)));
}

describe('where a split at the cursor falls', () => {
  const segment = { start: 4, end: 18, source: 'abcdefghij klmnopqrstu' };
  it('at the play-head while playing inside the segment', () => {
    expect(splitPoint({ segment, cursor: 10, playhead: 9.3, playing: true, peaks: peaksWithPause(), duration: 20 })).toEqual({ time: 9.3, how: 'playhead' });
  });

  it('otherwise at the quietest moment near the text share (not the share itself)', () => {
    const point = splitPoint({ segment, cursor: 10, playhead: 0, playing: false, peaks: peaksWithPause(), duration: 20 });
    expect(point.how).toBe('pause');
    expect(point.time).toBeGreaterThanOrEqual(11);
    expect(point.time).toBeLessThanOrEqual(11.6);
  });

  it('by the text share when there is no recording', () => {
    expect(splitPoint({ segment, cursor: 11, playhead: 0, playing: false, peaks: null, duration: 0 })).toEqual({ time: 11, how: 'textShare' });
  });
});
