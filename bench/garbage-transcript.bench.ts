// A 35 MB file named .srt that is not subtitles, imported by the command line as a fresh process:
// how long until it is refused and how much memory the process took. Two kinds of garbage: random
// bytes (a recording renamed), and text with the odd timing line but no subtitle layout.
// Goal (issue #24): refused within 3 s and 200 MB on two cores. Baseline in the same run: a
// one-cue SRT imported, i.e. what starting the command line costs anyway. Needs `npm run build`.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { measuredNode, testimonyCli, type MeasuredRun } from './measured-process';

const SIZE = 35_000_000;

function noisyText(bytes: number): string {
  let state = 7;
  const random = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
  const words = ['hello', '장마당', 'market', 'the', '시장', '-->', '00:00:01,000', '1'];
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]).join(' ');
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n');
}

function importOnce(dataDir: string, file: string): MeasuredRun {
  return measuredNode([testimonyCli, 'import', '--data-dir', dataDir, '--plain', '--title', 'Garbage', '--transcript', file]);
}

describe('a garbage transcript refused by the command line', () => {
  bench(
    '35 MB of random bytes and of noisy text, named .srt, fresh process',
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'bench-garbage-'));
      const files = { 'one real cue (baseline)': join(work, 'one.srt'), 'random bytes': join(work, 'bytes.srt'), 'noisy text': join(work, 'text.srt') };
      await writeFile(files['one real cue (baseline)'], '1\n00:00:01,000 --> 00:00:02,000\n안녕하세요\n');
      await writeFile(files['random bytes'], randomBytes(SIZE));
      await writeFile(files['noisy text'], noisyText(SIZE));
      // Alternating order over two rounds, so neither kind always runs on a cold disk cache.
      for (const round of [0, 1]) {
        const order = round === 0 ? Object.entries(files) : Object.entries(files).reverse();
        for (const [kind, file] of order) {
          const result = importOnce(join(work, `library-${round}-${kind.length}`), file);
          const refused = result.status !== 0;
          if (kind.startsWith('one') === refused) throw new Error(`${kind}: unexpected exit ${result.status}: ${result.stderr.slice(-300)}`);
          console.log(`${kind}: ${refused ? 'refused' : 'imported'} in ${result.ms.toFixed(0)} ms, peak ${result.peakMiB.toFixed(0)} MiB (goal for garbage: < 3,000 ms, < 200 MB)`);
        }
      }
      await rm(work, { recursive: true, force: true });
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
