import { describe, expect, it } from 'vitest';
import { DistinctStretches } from './distinct-stretches';

const BREAKS = /[\n0-9]+/g;

/** What the leak check did before: split each text, keep every stretch met in a Set. */
function distinctBySet(texts: string[]): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const text of texts) {
    for (const line of text.split(BREAKS)) {
      if (seen.has(line)) continue;
      seen.add(line);
      found.push(line);
    }
  }
  return found;
}

function distinctByTable(texts: string[]): string[] {
  const lines = new DistinctStretches(BREAKS);
  const found: string[] = [];
  for (const text of texts) lines.forEachNew(text, (line) => found.push(line));
  return found;
}

/** A small seeded generator, so a failure can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['', 'a', 'ab', 'ba', '영희', '언니', ' ', '\n', '\n\n', '<title>', '</title>', '0', '42', '7', '𝒜', '\ud835', 'é', 'e\u0301', 'Hoeryong'];

describe('distinct stretches without keeping them', () => {
  it('yields exactly the stretches a Set of split stretches yields, in the same order (3,000 seeded texts)', () => {
    for (let seed = 1; seed <= 3000; seed += 1) {
      const next = random(seed);
      const texts = Array.from({ length: 1 + Math.floor(next() * 4) }, () => Array.from({ length: Math.floor(next() * 60) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(''));
      expect(distinctByTable(texts), `seed ${seed}`).toEqual(distinctBySet(texts));
    }
  });

  it('keeps telling stretches apart past many growths of its table', () => {
    // 20,000 distinct lines without digits (two syllables each), repeated, and again in capitals.
    const text = Array.from({ length: 50_000 }, (_, index) => `line ${String.fromCharCode(0xac00 + (index % 100), 0xac00 + (Math.floor(index / 100) % 200))}`).join('\n');
    const found = distinctByTable([text, text.toUpperCase(), text]);
    expect(found).toHaveLength(40_000);
    expect(found).toEqual(distinctBySet([text, text.toUpperCase(), text]));
  });

  it('counts the empty stretch and a text without a break, and parts at runs of digits', () => {
    expect(distinctByTable(['', 'x', 'x\n', '\n'])).toEqual(['', 'x']);
    expect(distinctByTable(['ts12Heoryong34', 'ts9Heoryong'])).toEqual(['ts', 'Heoryong', '']);
  });
  it('leaves the caller’s pattern where it was', () => {
    const breaks = /[\n0-9]+/g;
    breaks.lastIndex = 3;
    new DistinctStretches(breaks).forEachNew('a1b\nc', () => undefined);
    expect(breaks.lastIndex).toBe(3);
  });
});
