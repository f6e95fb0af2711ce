import { describe, expect, it } from 'vitest';
import { inlineStretches, withoutMarkup } from './inline-emphasis';

describe('the article body’s inline markup', () => {
  it('reads *italic* and **bold**, and leaves lone or inner asterisks as text', () => {
    expect(inlineStretches('We called it *jangmadang*, the **market**.')).toEqual([
      { text: 'We called it ', emphasis: 'none' },
      { text: 'jangmadang', emphasis: 'italic' },
      { text: ', the ', emphasis: 'none' },
      { text: 'market', emphasis: 'bold' },
      { text: '.', emphasis: 'none' },
    ]);
    expect(inlineStretches('5 * 3 = 15, and 2*3*4 too')).toEqual([{ text: '5 * 3 = 15, and 2*3*4 too', emphasis: 'none' }]);
    expect(withoutMarkup('*Songbun* decided it.')).toBe('Songbun decided it.');
  });
});
