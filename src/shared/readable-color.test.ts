import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOn } from './readable-color';

describe('readable speaker colours', () => {
  it('keeps a dark enough colour and darkens a light one to 4.5:1', () => {
    expect(readableOn('#2f5d8a', '#ffffff')).toBe('#2f5d8a');
    expect(contrastRatio('#b5651d', '#ffffff')).toBeLessThan(4.5);
    const darker = readableOn('#b5651d', '#ffffff');
    expect(contrastRatio(darker, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(readableOn('#3c7f86', '#eef4fa'), '#eef4fa')).toBeGreaterThanOrEqual(4.5);
  });
});
