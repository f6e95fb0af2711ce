// What opening an encrypted library costs a command: `testimony list` as a fresh process on the
// same interviews, plain and encrypted (age's work factor, 2^18), in alternating order. The
// baseline the issue names — age-encryption's JavaScript scrypt, which unlocking used before —
// is run on the same keyring file in a fresh process of its own. Goals (issue #21): unlocking
// with native scrypt; a command on an encrypted library within 1.5× the CPU of the plain one.
// Peak memory is reported beside it: scrypt at 2^18 needs 256 MiB by design (the work factor
// is the passphrase's protection), so the peak of any unlock carries that, natively or not.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { largeInterview } from './fixtures';
import { measuredNode, setUpLibrary, testimonyCli, type MeasuredRun } from './measured-process';

const PASSPHRASE = 'correct horse battery staple 장마당';

function measured(args: string[], env: NodeJS.ProcessEnv): MeasuredRun {
  const run = measuredNode(args, env);
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-300)}`);
  return run;
}

const line = (name: string, run: MeasuredRun) => `${name}: ${run.ms.toFixed(0)} ms, CPU ${run.cpuMs.toFixed(0)} ms, peak ${run.peakMiB.toFixed(0)} MiB`;

describe('unlocking an encrypted library', () => {
  bench(
    'testimony list, plain and encrypted, and the JavaScript scrypt it replaced',
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'bench-unlock-'));
      const dirs = { plain: join(work, 'plain'), encrypted: join(work, 'encrypted') };
      process.env.BENCH_PASSPHRASE = PASSPHRASE;
      for (const [kind, dataDir] of Object.entries(dirs)) {
        await setUpLibrary(dataDir, kind === 'plain' ? null : 'BENCH_PASSPHRASE', async (library) => {
          for (const count of [100, 2_500]) await library.addCopy(largeInterview(`${kind}-${count}`, count), null);
        });
      }
      const env = { ...process.env, BENCH_PASSPHRASE: PASSPHRASE };
      const list = (dataDir: string, encrypted: boolean) => measured([testimonyCli, 'list', '--data-dir', dataDir, ...(encrypted ? ['--passphrase-env', 'BENCH_PASSPHRASE'] : [])], env);
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
        const runs: [string, () => MeasuredRun][] = [
          ['plain library', () => list(dirs.plain, false)],
          ['encrypted library (native scrypt)', () => list(dirs.encrypted, true)],
          ['keyring opened with age-encryption’s JavaScript scrypt (the old unlock, alone)', javascriptScrypt],
        ];
        const results = new Map<string, MeasuredRun>();
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
