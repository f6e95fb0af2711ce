// Storage speed: autosave of a three-hour interview (2,500 segments) and listing a library of
// 100 such interviews, cold (every file read) and warm (summaries from library.json's index).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { Library } from '../src/main/services/library';
import { largeInterview } from './fixtures';

const dataDir = await mkdtemp(join(tmpdir(), 'bench-library-'));
const library = await Library.open(dataDir);
const big = await library.addCopy(largeInterview('bench-template', 2500), null);
for (let index = 1; index < 100; index += 1) await library.addCopy(largeInterview(`t-${index}`, 2500), null);
let edit = 0;

describe('storage', () => {
  bench('autosave: durable write of a 2,500-segment interview', async () => {
    edit += 1;
    await library.save({ ...big, title: `Edit ${edit}` });
  });

  bench(
    'library list, 100 interviews of 2,500 segments, cold (no index: every file read and validated)',
    async () => {
      await rm(join(dataDir, 'library.json'));
      await (await Library.open(dataDir)).list();
    },
    { iterations: 5, time: 0 },
  );

  bench('library list, 100 interviews, warm (index hit)', async () => {
    await library.list();
  });
});
