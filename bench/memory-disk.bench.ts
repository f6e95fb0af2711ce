// Translation memory from disk, as the app meets it: a library of 100 interviews × 2,500 reviewed
// segments on disk, a fresh process-side Library, and the first lookup of the session — from the
// index files (memory.json), against the same first lookup with the index files gone (.idx) (every
// interview read and validated, as before the index existed), in the same run. Goal (issue #13):
// the first lookup as fast as later ones, and memory that stays flat. Also measured: the first
// lookup after the warm-up the app starts when an interview is opened.
import { rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { Library } from '../src/main/services/library';
import { memoryIndexPath } from '../src/main/services/memory-index';
import { TranslationMemory } from '../src/main/services/translation-memory';
import { seededRandom, variedInterview } from './fixtures';

const mib = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 2 ** 20).toFixed(0)} MiB`;

async function firstLookup(dataDir: string, query: string, options: { warmed?: boolean } = {}): Promise<{ first: number; later: number; rss: number; heap: number; warm: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const library = await Library.open(dataDir);
  const memory = new TranslationMemory({ ids: () => library.interviewIds(), index: (id) => library.memoryIndex(id) });
  // As the app does when an interview is opened: the memory is read while the view is drawn.
  let started = performance.now();
  if (options.warmed) await memory.warm();
  const warm = performance.now() - started;
  started = performance.now();
  await memory.lookup(query, { interviewId: 'int-x', segmentId: 'seg-1' });
  const first = performance.now() - started;
  started = performance.now();
  for (let turn = 0; turn < 10; turn += 1) await memory.lookup(query, { interviewId: 'int-x', segmentId: 'seg-1' });
  const later = (performance.now() - started) / 10;
  globalThis.gc?.();
  const after = process.memoryUsage();
  return { first, later, rss: after.rss - before.rss, heap: after.heapUsed - before.heapUsed, warm };
}

describe('translation memory from disk', () => {
  bench(
    'first lookup of a session, 100 interviews × 2,500 reviewed segments on disk',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'bench-memory-disk-'));
      const random = seededRandom(11);
      const setup = await Library.open(dataDir);
      const ids: string[] = [];
      let query = '';
      for (let index = 0; index < 100; index += 1) {
        const interview = await setup.addCopy(variedInterview(`mem-${index}`, 2500, random), null);
        ids.push(interview.id);
        if (index === 42) query = interview.segments[1234]!.source;
      }
      const indexed = await firstLookup(dataDir, query);
      console.log(
        `from the index files: first lookup ${indexed.first.toFixed(0)} ms, later ${indexed.later.toFixed(1)} ms (goal: first ≈ later, both < 1 s); memory after: RSS ${mib(indexed.rss)}, heap ${mib(indexed.heap)}`,
      );
      const warmed = await firstLookup(dataDir, query, { warmed: true });
      console.log(
        `with the warm-up an opened interview starts (${warmed.warm.toFixed(0)} ms, while the view is drawn): the translator's first lookup ${warmed.first.toFixed(1)} ms, later ${warmed.later.toFixed(1)} ms; RSS ${mib(warmed.rss)}`,
      );
      for (const id of ids) await rm(memoryIndexPath(dataDir, id), { force: true });
      const rebuilt = await firstLookup(dataDir, query);
      console.log(
        `baseline, no index files (every interview read, as before): first lookup ${rebuilt.first.toFixed(0)} ms, later ${rebuilt.later.toFixed(1)} ms; RSS ${mib(rebuilt.rss)}, heap ${mib(rebuilt.heap)}`,
      );
      await rm(dataDir, { recursive: true, force: true });
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
