// The bilingual DOCX through the command line, as an archive's script would run it: a fresh
// process that opens the library, reads and validates the interview, redacts, checks for leaks
// and writes the file durably — wall time and the process's peak memory, at 2,500 and 10,000
// segments. Goal (issue #13): under 2 s and 300 MB at 10,000. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { Library } from '../src/main/services/library';
import { largeInterview } from './fixtures';

describe('command-line export', () => {
  bench(
    'bilingual DOCX of 2,500 and 10,000 segments, fresh process',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'bench-cli-export-'));
      const library = await Library.open(dataDir);
      for (const count of [2_500, 10_000]) {
        const interview = await library.addCopy(largeInterview(`cli-${count}`, count), null);
        const out = join(dataDir, `bilingual-${count}.docx`);
        const started = performance.now();
        const run = spawnSync(
          process.execPath,
          ['--require', resolve(__dirname, 'report-rss.cjs'), resolve(__dirname, '../bin/testimony.cjs'), 'export', '--data-dir', dataDir, '--interview', interview.id, '--format', 'docx-bilingual', '--out', out, '--allow-unlisted'],
          { encoding: 'utf8' },
        );
        const took = performance.now() - started;
        if (run.status !== 0) throw new Error(`export failed (${run.status}): ${run.stderr.slice(-400)}`);
        const peak = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1024;
        console.log(`bilingual DOCX by the command line, ${count.toLocaleString('en')} segments: ${took.toFixed(0)} ms, peak ${peak.toFixed(0)} MiB (goal at 10,000: < 2,000 ms, < 300 MB)`);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
