// Subtitle wrapping of one very long segment (a transcript imported without breaks): the cost must
// grow with the words, not faster. Baseline in the same run: a quarter of the words.
// Goal: 8,000 words take at most about 4× what 2,000 take (a quadratic wrap took ~16×).
import { bench, describe } from 'vitest';
import { cuePieces } from '../src/shared/subtitle-cues';

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index % 97}`).join(' ');
const timed = (text: string) => {
  const started = performance.now();
  for (let round = 0; round < 5; round += 1) cuePieces(text, 42);
  return (performance.now() - started) / 5;
};

describe('subtitle wrapping', () => {
  bench(
    'one segment of 2,000 and of 8,000 words',
    () => {
      timed(words(2_000)); // warm
      const small = timed(words(2_000));
      const large = timed(words(8_000));
      console.log(`subtitle wrapping: 2,000 words ${small.toFixed(1)} ms, 8,000 words ${large.toFixed(1)} ms — ${(large / small).toFixed(1)}× for 4× the words (goal ≤ ~4×; quadratic would be 16×)`);
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
