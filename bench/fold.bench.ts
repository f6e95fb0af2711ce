// The fold: an interview's saved changes written into its interview.json once the typing stops.
// At 10,000 segments of real text, in a plain and an encrypted library, the main process must keep
// answering meanwhile: the longest stall of its event loop while folding (monitorEventLoopDelay),
// beside the same measure over an idle stretch as long (the baseline, in the same run).
// Goal (issue #21): no stall over 20 ms while folding at 10,000 segments.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { bench, describe } from 'vitest';
import { changesBetween } from '../src/shared/interview-changes';
import { LibrarySession } from '../src/main/services/library-session';
import { LibraryLock } from '../src/main/services/storage/library-lock';
import { realisticInterview } from './fixtures';

const waitFor = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** The longest event-loop stall while `work` runs, in ms. */
async function longestStall(work: () => Promise<void>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  histogram.disable();
  return histogram.max / 1e6;
}

describe('folding saved changes into interview.json', () => {
  bench(
    'fold at 10,000 segments, plain and encrypted: longest event-loop stall',
    async () => {
      for (const mode of ['plain', 'encrypted'] as const) {
        const dataDir = await mkdtemp(join(tmpdir(), `bench-fold-${mode}-`));
        const lock = await LibraryLock.acquire(dataDir, 'bench');
        const session = new LibrarySession({ dataDir, resourcesDir: resolve(__dirname, '../resources'), lock, keyring: { scryptLogN: 12 } });
        await session.start();
        await session.setUp(mode, mode === 'encrypted' ? 'bench passphrase' : '');
        const library = session.open().library;
        const created = await library.addCopy(realisticInterview('fold', 10_000), null);
        const changesFolder = join(dataDir, 'interviews', created.id, 'changes');
        // Past the work a new interview sets off (its translation-memory index, 4 s after it is
        // added), measured on its own: that stall is not the fold's.
        const afterAdding = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 5000)));
        const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 2500)));
        let saved = await library.get(created.id);
        const folds: number[] = [];
        for (let turn = 0; turn < 3; turn += 1) {
          const next = { ...saved, segments: saved.segments.map((segment, index) => (index === 4_321 ? { ...segment, translation: `${segment.translation} ${turn}` } : segment)) };
          folds.push(
            await longestStall(async () => {
              const { updatedAt } = await library.saveChanges(changesBetween(saved, next, saved.updatedAt));
              saved = { ...next, updatedAt };
              // The fold runs once the typing has stopped (2 s): wait until the changes are gone.
              await waitFor(() => !existsSync(changesFolder));
            }),
          );
        }
        console.log(`fold, ${mode} library, 10,000 segments: longest stall ${folds.map((stall) => stall.toFixed(1)).join(' / ')} ms (goal ≤ 20 ms) · idle baseline ${idle.toFixed(1)} ms · not the fold: the memory index made after adding the interview stalls ${afterAdding.toFixed(1)} ms`);
        await session.close();
        await lock.release();
      }
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
