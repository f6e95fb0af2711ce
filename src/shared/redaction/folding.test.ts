import { describe, expect, it } from 'vitest';
import { MAYBE_SPACED_LETTERS, SPACED_LETTERS } from './folding';

describe('the quick look for a word spelled letter by letter', () => {
  it('finds every text the full pattern finds (it only decides whether the full one is tried)', () => {
    // Folded text is lower case; letters and digits of other scripts, separators of all kinds.
    const alphabet = ['a', 'k', 'z', 'x', '0', '7', ' ', ' ', '-', '.', '·', '‧', '–', '\n', '\u00a0', '/', '_', '한', '김', 'é', 'ß', 'ж', 'ω', '٣', 'ǆ', '(', '"'];
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let found = 0;
    for (let round = 0; round < 40_000; round += 1) {
      const text = Array.from({ length: 3 + Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      if (SPACED_LETTERS.test(text)) {
        found += 1;
        expect(MAYBE_SPACED_LETTERS.test(text), JSON.stringify(text)).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(100);
    for (const text of ['h-o-e-r-y-o-n-g', 'we lived in h o e r y o n g then.', 'k.i.m. c.h.o.l.', 'b·a·k', 'p a r k'])
      expect([SPACED_LETTERS.test(text), MAYBE_SPACED_LETTERS.test(text)]).toEqual([true, true]);
    // Plain prose: the quick look says no, and the slow pattern is never run.
    expect(MAYBE_SPACED_LETTERS.test('she said a word and i left. 그리고 김 씨는 갔어요')).toBe(false);
  });
});
