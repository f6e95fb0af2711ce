// Encryption at rest on the paths a user waits on, each beside its plain baseline in the same
// run: unlock (one scrypt at age's default work factor), autosave and opening of a 2,500-segment
// interview, a 1 MiB range read at a random offset of a three-hour recording, and its peaks.
// Goals (issue #9): autosave p95 < 50 ms and ≤ 1.5× plain; open ≤ 1.5× plain; range p95 < 20 ms;
// peaks ≤ 1.2× plain.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { Library } from '../src/main/services/library';
import { computePeaks } from '../src/main/services/media/peaks';
import { createKeyring, unlockKeyring } from '../src/main/services/storage/encryption/keyring';
import { FileStore } from '../src/main/services/storage/file-store';
import { largeInterview } from './fixtures';
import { benchMediaFolder, threeHourRecording } from './media';

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed(run: () => Promise<unknown>, times: number): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  return durations;
}

const keyDir = await mkdtemp(join(tmpdir(), 'bench-keyring-'));
await createKeyring(keyDir, 'a benchmark passphrase'); // age's default scrypt work factor (2^18)
const cipher = await unlockKeyring(keyDir, 'a benchmark passphrase');

async function libraryWith(store: FileStore) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-enc-'));
  const library = await Library.open(dataDir, undefined, { store });
  const interview = await library.addCopy(largeInterview('bench-enc', 2500), null);
  return { dataDir, library, interview };
}

describe('encryption at rest', () => {
  bench(
    'unlock, autosave and open (2,500 segments), encrypted vs plain',
    async () => {
      const unlock = await timed(() => unlockKeyring(keyDir, 'a benchmark passphrase'), 3);
      console.log(`unlock (one scrypt, work factor 2^18): mean ${ms(unlock.reduce((a, b) => a + b) / unlock.length)} (expected ≈ 1 s)`);
      const plain = await libraryWith(new FileStore(null));
      const sealed = await libraryWith(new FileStore(cipher));
      let edit = 0;
      const save = (target: typeof plain) => timed(() => target.library.save({ ...target.interview, title: `Edit ${++edit}` }), 40);
      const savePlain = p95(await save(plain));
      const saveSealed = p95(await save(sealed));
      console.log(`autosave p95: encrypted ${ms(saveSealed)} vs plain ${ms(savePlain)} = ${(saveSealed / savePlain).toFixed(2)}× (goal < 50 ms and ≤ 1.5×)`);
      const open = (target: typeof plain, store: FileStore) =>
        timed(async () => (await Library.open(target.dataDir, undefined, { store })).get(target.interview.id), 15);
      const openPlain = p95(await open(plain, new FileStore(null)));
      const openSealed = p95(await open(sealed, new FileStore(cipher)));
      console.log(`open p95: encrypted ${ms(openSealed)} vs plain ${ms(openPlain)} = ${(openSealed / openPlain).toFixed(2)}× (goal ≤ 1.5×)`);
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );

  bench(
    'three-hour recording: 1 MiB range reads and peaks, encrypted vs plain',
    async () => {
      const folder = benchMediaFolder;
      const threeHours = threeHourRecording();
      const sealedPath = join(folder, 'three-hours.sealed.mp3');
      const store = new FileStore(cipher);
      const sealStarted = performance.now();
      await store.copyIn(threeHours, sealedPath);
      console.log(`sealing the 3-hour recording on import: ${ms(performance.now() - sealStarted)}`);
      const reader = await store.openRecording(sealedPath);
      const plainReader = await new FileStore(null).openRecording(threeHours);
      const readRange = async (target: typeof reader) => {
        const start = Math.floor(Math.random() * (target.size - 2 ** 20));
        for await (const piece of target.stream(start, start + 2 ** 20 - 1)) void piece;
      };
      const sealedReads = await timed(() => readRange(reader), 50);
      const plainReads = await timed(() => readRange(plainReader), 50);
      console.log(`1 MiB range read p95: encrypted ${ms(p95(sealedReads))} vs plain ${ms(p95(plainReads))} (goal < 20 ms)`);
      await reader.close();
      await plainReader.close();
      const peaksPlain = await timed(() => computePeaks(threeHours, 10_860, () => undefined), 1);
      const peaksSealed = await timed(async () => computePeaks(await store.mediaInput(sealedPath), 10_860, () => undefined), 1);
      console.log(`peaks: encrypted ${ms(peaksSealed[0]!)} vs plain ${ms(peaksPlain[0]!)} = ${(peaksSealed[0]! / peaksPlain[0]!).toFixed(2)}× (goal ≤ 1.2×)`);
      await writeFile(join(folder, '.last-run'), new Date().toISOString());
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
