// Encryption at rest on the paths a user waits on, each beside its plain baseline in the same
// run, plain and encrypted taking turns (neither always goes first): unlock (one scrypt at age's
// default work factor); autosave of a 2,500-segment interview of real text as the window does it
// (the changes since the last save) and the fold that follows once the typing stops; opening it,
// the first open of the run apart from the rest; a 1 MiB range read at a random offset of a
// three-hour recording, and its peaks.
// Goals (issue #9): autosave p95 < 50 ms and ≤ 1.5× plain; open ≤ 1.5× plain; range p95 < 20 ms;
// peaks ≤ 1.2× plain.
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { COMPACT_DELAY_MS, Library } from '../src/main/services/library';
import { computePeaks } from '../src/main/services/media/peaks';
import { createKeyring, unlockKeyring } from '../src/main/services/storage/encryption/keyring';
import { FileStore } from '../src/main/services/storage/file-store';
import { realisticInterview } from './fixtures';
import { changesBetween } from '../src/shared/interview-changes';
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
  const interview = await library.addCopy(realisticInterview('bench-enc', 2500), null);
  return { dataDir, library, saved: interview, store };
}
type Target = Awaited<ReturnType<typeof libraryWith>>;

/** Runs `measure` on both libraries `times` times, taking turns at going first; the durations of each. */
async function inTurn(targets: Record<'plain' | 'encrypted', Target>, times: number, measure: (target: Target) => Promise<number>) {
  const durations = { plain: [] as number[], encrypted: [] as number[] };
  for (let round = 0; round < times; round += 1) {
    for (const kind of round % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const)) durations[kind].push(await measure(targets[kind]));
  }
  return durations;
}

const waitFor = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 2));
};

describe('encryption at rest', () => {
  bench(
    'unlock, autosave and its fold, and open (2,500 segments of real text), encrypted vs plain in turn',
    async () => {
      const unlock = await timed(() => unlockKeyring(keyDir, 'a benchmark passphrase'), 3);
      console.log(`unlock (one scrypt, work factor 2^18): mean ${ms(unlock.reduce((a, b) => a + b) / unlock.length)} (expected ≈ 1 s)`);
      const targets = { plain: await libraryWith(new FileStore(null)), encrypted: await libraryWith(new FileStore(cipher)) };
      // The first open of the run, each library in a fresh Library (nothing of it cached here).
      const open = async (target: Target) => {
        const started = performance.now();
        await (await Library.open(target.dataDir, undefined, { store: target.store })).get(target.saved.id);
        return performance.now() - started;
      };
      const firstOpen = await inTurn(targets, 1, open);
      // What the window sends on a pause in typing: one segment's translation changed.
      let edit = 0;
      const autosave = async (target: Target) => {
        edit += 1;
        const index = (edit * 37) % target.saved.segments.length;
        const next = { ...target.saved, segments: target.saved.segments.map((segment, at) => (at === index ? { ...segment, translation: `${segment.translation} (${edit})` } : segment)) };
        const changes = changesBetween(target.saved, next, target.saved.updatedAt);
        const started = performance.now();
        const { updatedAt } = await target.library.saveChanges(changes);
        target.saved = { ...next, updatedAt };
        return performance.now() - started;
      };
      const saves = await inTurn(targets, 40, autosave);
      // The fold, two seconds after the last save: from the save until the changes are gone, less those two seconds.
      const fold = async (target: Target) => {
        await autosave(target);
        const changesFolder = join(target.dataDir, 'interviews', target.saved.id, 'changes');
        await waitFor(() => !existsSync(changesFolder));
        const started = performance.now();
        await autosave(target);
        await new Promise((resolve) => setTimeout(resolve, COMPACT_DELAY_MS));
        await waitFor(() => !existsSync(changesFolder));
        return performance.now() - started - COMPACT_DELAY_MS;
      };
      const folds = await inTurn(targets, 4, fold);
      const opens = await inTurn(targets, 15, open);
      const line = (label: string, measure: (values: number[]) => number, values: typeof saves, goal: string) => {
        const [encrypted, plain] = [measure(values.encrypted), measure(values.plain)];
        console.log(`${label}: encrypted ${ms(encrypted)} vs plain ${ms(plain)} = ${(encrypted / plain).toFixed(2)}× (${goal})`);
      };
      line('autosave p95', p95, saves, 'goal < 50 ms and ≤ 1.5×');
      line('fold after the typing stops, median', (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!, folds, 'no goal of its own; its stall is in fold.bench.ts');
      line('first open of the run', (values) => values[0]!, firstOpen, 'goal ≤ 1.5×');
      line('open p95', p95, opens, 'goal ≤ 1.5×');
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
