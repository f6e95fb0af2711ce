import { describe, expect, it } from 'vitest';
import { formatTimecode } from './timecode';

describe('formatTimecode', () => {
  it('formats hh:mm:ss, truncating fractions and clamping negatives', () => {
    expect(formatTimecode(0)).toBe('00:00:00');
    expect(formatTimecode(59.99)).toBe('00:00:59');
    expect(formatTimecode(3725.5)).toBe('01:02:05');
    expect(formatTimecode(3 * 3600 + 7)).toBe('03:00:07');
    expect(formatTimecode(-4)).toBe('00:00:00');
  });
});

describe('clock times typed by people', () => {
  it('reads seconds, minutes and hours', async () => {
    const { parseClockTime } = await import('./timecode');
    expect(parseClockTime('95')).toBe(95);
    expect(parseClockTime('95.5')).toBe(95.5);
    expect(parseClockTime('1:35')).toBe(95);
    expect(parseClockTime('0:01:35,5')).toBe(95.5);
    expect(parseClockTime('1:02:03')).toBe(3723);
    expect(parseClockTime('1:75')).toBeNull();
    expect(parseClockTime('abc')).toBeNull();
    expect(parseClockTime('')).toBeNull();
  });
});

describe('row times in tenths', () => {
  it('shows tenths, rounding down as the play-head does', async () => {
    const { formatTimecodeTenths } = await import('./timecode');
    expect(formatTimecodeTenths(0.84)).toBe('00:00:00.8');
    expect(formatTimecodeTenths(3725.99)).toBe('01:02:05.9');
    expect(formatTimecodeTenths(0.3)).toBe('00:00:00.3');
    expect(formatTimecodeTenths(-1)).toBe('00:00:00.0');
  });
});
