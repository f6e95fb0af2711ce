import { rm } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { bench } from 'vitest';
import { realisticInterview } from './fixtures';
import { setUpLibrary } from './measured-process';
bench('setup', async () => {
  await rm('/tmp/prof-lib', { recursive: true, force: true });
  await setUpLibrary('/tmp/prof-lib', null, async (library) => {
    const id = (await library.addCopy(realisticInterview('real', 10_000), null)).id;
    writeFileSync('/tmp/prof-lib.id', id);
  });
}, { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 });
