// What opening an encrypted library costs a command: `testimony list` as a fresh process on the
// same interviews, plain and encrypted (age's work factor, 2^18), in alternating order. The
// baseline the issue names — age-encryption's JavaScript scrypt, which unlocking used before —
// is run on the same keyring file in a fresh process of its own. Goals (issue #21): unlocking
// with native scrypt; a command on an encrypted library within 1.5× the CPU of the plain one.
// Peak memory is reported beside it: scrypt at 2^18 needs 256 MiB by design (the work factor
// is the passphrase's protection), so the peak of any unlock carries that, natively or not.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { largeInterview } from './fixtures';
import { withCliLibrary } from '../src/main/cli-library';

const PASSPHRASE = 'correct horse battery staple 장마당';
const cli = resolve(__dirname, '../bin/testimony.cjs');
const rss = resolve(__dirname, 'report-rss.cjs');

type Run = { ms: number; cpuMs: number; peakMiB: number };

function measured(args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', rss, ...args], { encoding: 'utf8', env });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-300)}`);
  return { ms, cpuMs: Number(/cpu-us (\d+)/.exec(run.stderr)?.[1]) / 1000, peakMiB: Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1]) / 1024 };
}

const line = (name: string, run: Run) => `${name}: ${run.ms.toFixed(0)} ms, CPU ${run.cpuMs.toFixed(0)} ms, peak ${run.peakMiB.toFixed(0)} MiB`;

describe('unlocking an encrypted library', () => {
  bench(
    'testimony list, plain and encrypted, and the JavaScript scrypt it replaced',
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'bench-unlock-'));
      const dirs = { plain: join(work, 'plain'), encrypted: join(work, 'encrypted') };
      for (const [kind, dataDir] of Object.entries(dirs)) {
        process.env.BENCH_PASSPHRASE = PASSPHRASE;
        await mkdir(dataDir, { recursive: true });
        const options = { dataDir, plain: kind === 'plain', passphraseEnv: kind === 'plain' ? undefined : 'BENCH_PASSPHRASE', err: () => undefined };
        await withCliLibrary(options, { err: (text) => console.error(text) }, 'Setting up', async ({ library }) => {
          for (const count of [100, 2_500]) await library.addCopy(largeInterview(`${kind}-${count}`, count), null);
          return 0;
        });
      }
      const env = { ...process.env, BENCH_PASSPHRASE: PASSPHRASE };
      const list = (dataDir: string, encrypted: boolean) => measured([cli, 'list', '--data-dir', dataDir, ...(encrypted ? ['--passphrase-env', 'BENCH_PASSPHRASE'] : [])], env);
      // The old way: age-encryption's own passphrase identity on the same keyring file.
      const javascriptScrypt = () =>
        measured(
          [
            '--input-type=module',
            '-e',
            `import { Decrypter } from 'age-encryption'; import { readFileSync } from 'node:fs';
             const file = 'identity.age';
             const decrypter = new Decrypter(); decrypter.addPassphrase(process.env.BENCH_PASSPHRASE);
             await decrypter.decrypt(readFileSync(process.argv[1] + '/' + file), 'text');`,
            dirs.encrypted,
          ],
          env,
        );
      for (const round of [0, 1]) {
        const runs: [string, () => Run][] = [
          ['plain library', () => list(dirs.plain, false)],
          ['encrypted library (native scrypt)', () => list(dirs.encrypted, true)],
          ['keyring opened with age-encryption’s JavaScript scrypt (the old unlock, alone)', javascriptScrypt],
        ];
        const results = new Map<string, Run>();
        for (const [name, run] of round === 0 ? runs : [...runs].reverse()) results.set(name, run());
        for (const [name, run] of results) console.log(`round ${round + 1}, ${line(name, run)}`);
        const plain = results.get('plain library')!;
        const encrypted = results.get('encrypted library (native scrypt)')!;
        console.log(`round ${round + 1}: encrypted / plain CPU ${(encrypted.cpuMs / plain.cpuMs).toFixed(2)}× (goal ≤ 1.5×), peak +${(encrypted.peakMiB - plain.peakMiB).toFixed(0)} MiB (goal ≤ +50 MB; scrypt 2^18 itself needs 256 MiB)`);
      }
      await rm(work, { recursive: true, force: true });
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
