// Translation memory: one lookup against a library of 100 interviews × 2,500 reviewed segments,
// and building the index the first time (or after a save, for one interview).
import { bench, describe } from 'vitest';
import type { Interview } from '../src/shared/interview';
import { buildMemoryIndex, memoryPairsOf } from '../src/main/services/memory-index';
import { TranslationMemory } from '../src/main/services/translation-memory';
import { seededRandom, variedInterview } from './fixtures';

const random = seededRandom(7);
const library = new Map<string, Interview>();
for (let index = 0; index < 100; index += 1) library.set(`int-${index}`, variedInterview(`int-${index}`, 2500, random));
const source = { ids: async () => [...library.keys()], index: async (id: string) => buildMemoryIndex(memoryPairsOf(library.get(id)!)) };

const memory = new TranslationMemory(source);
await memory.lookup('warm up', { interviewId: 'x', segmentId: 'y' });
const queries = [...library.values()].slice(0, 50).map((interview) => interview.segments[1234]!.source);
const fuzzy = queries.map((query) => query.replace(/\S+\.$/, '먹었어요.'));
let next = 0;

describe('translation memory, 100 interviews × 2,500 reviewed segments', () => {
  bench('lookup: exact match present', async () => {
    await memory.lookup(queries[next++ % queries.length]!, { interviewId: 'int-x', segmentId: 'seg-1' });
  });

  bench('lookup: fuzzy (last word changed)', async () => {
    await memory.lookup(fuzzy[next++ % fuzzy.length]!, { interviewId: 'int-x', segmentId: 'seg-1' });
  });

  bench('lookup right after one interview was saved (its index rebuilt)', async () => {
    memory.invalidate('int-3');
    await memory.lookup(queries[next++ % queries.length]!, { interviewId: 'int-x', segmentId: 'seg-1' });
  });

  bench(
    'first lookup: build the whole index',
    async () => {
      await new TranslationMemory(source).lookup(queries[0]!, { interviewId: 'int-x', segmentId: 'seg-1' });
    },
    { iterations: 3, time: 0 },
  );
});
