// Autosave on the whole path a keystroke pause takes in the app: the window works out what changed
// since its last save (changesBetween), the request is copied as Electron's IPC copies it
// (structured clone), validated against the contract, and saved — the change written durably as
// its own file, the library's index updated. At 2,500 and 10,000 reviewed segments. Baseline in the
// same run, in turn with it block by block: the whole interview sent and written (interview.save,
// what every autosave did before). Then the fold those saves end in once the typing stops (the
// interview written whole once, in the background; its event-loop stall is in fold.bench.ts).
// Goal (issue #13): p95 < 50 ms at 10,000 segments.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { dispatch } from '../src/main/services/dispatch';
import { changesBetween } from '../src/shared/interview-changes';
import type { Interview } from '../src/shared/interview';
import { createHandlers } from '../src/main/services/handlers';
import { COMPACT_DELAY_MS } from '../src/main/services/library';
import { LibrarySession } from '../src/main/services/library-session';
import { LibraryLock } from '../src/main/services/storage/library-lock';
import { seededRandom, variedInterview } from './fixtures';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

describe('autosave, whole path', () => {
  bench(
    'autosave of 2,500 and 10,000 reviewed segments: what changed vs the whole interview (IPC copy, validation, durable write)',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'bench-autosave-'));
      const lock = await LibraryLock.acquire(dataDir, 'bench');
      const session = new LibrarySession({ dataDir, resourcesDir: resolve(__dirname, '../resources'), lock });
      const handlers = await createHandlers({
        session,
        dataDir,
        resourcesDir: resolve(__dirname, '../resources'),
        version: 'bench',
        mediaBaseUrl: 'x/',
        chooseExportPath: async () => null,
        chooseRecording: async () => null,
      });
      await handlers['library.setup']({ mode: 'plain' });
      const random = seededRandom(5);
      for (const count of [2_500, 10_000]) {
        const created = await session.open().library.addCopy(variedInterview(`autosave-${count}`, count, random), null);
        // One keystroke's worth of change in one segment, as typing makes.
        const typed = (interview: Interview, turn: number): Interview => ({
          ...interview,
          segments: interview.segments.map((segment, index) => (index === 7 ? { ...segment, translation: `${segment.translation} ${turn}` } : segment)),
        });
        const whole: number[] = [];
        const changed: number[] = [];
        let saved = await session.open().library.get(created.id);
        let turn = 0;
        const saveWhole = async () => {
          const started = performance.now();
          const outcome = await dispatch(handlers, 'interview.save', structuredClone({ interview: typed(saved, (turn += 1)) }));
          whole.push(performance.now() - started);
          if (!outcome.ok) throw new Error(outcome.error.message);
          saved = await session.open().library.get(created.id);
        };
        const saveChanged = async () => {
          const next = typed(saved, (turn += 1));
          const started = performance.now();
          const changes = changesBetween(saved, next, saved.updatedAt);
          const outcome = await dispatch(handlers, 'interview.saveChanges', structuredClone({ changes }));
          changed.push(performance.now() - started);
          if (!outcome.ok) throw new Error(outcome.error.message);
          saved = { ...next, updatedAt: (outcome.value as { updatedAt: string }).updatedAt };
        };
        const repeat = async (times: number, save: () => Promise<void>) => {
          for (let done = 0; done < times; done += 1) await save();
        };
        for (let block = 0; block < 4; block += 1) {
          if (block % 2 === 0) {
            await repeat(8, saveWhole);
            await repeat(15, saveChanged);
          } else {
            await repeat(15, saveChanged);
            await repeat(8, saveWhole);
          }
        }
        // The fold of the last block's saves: two seconds after the last one, until its changes are gone.
        const changesFolder = join(dataDir, 'interviews', created.id, 'changes');
        const lastSaved = performance.now();
        await saveChanged();
        while (existsSync(changesFolder)) await new Promise((resolve) => setTimeout(resolve, 2));
        const foldMs = performance.now() - lastSaved - COMPACT_DELAY_MS;
        const line = (times: number[]) => `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`;
        console.log(`autosave, whole path, ${count.toLocaleString('en')} segments: what changed ${line(changed)} (goal p95 < 50 ms at 10,000) · whole interview (before) ${line(whole)} · the fold when the typing stops ${foldMs.toFixed(0)} ms, in the background`);
      }
      await session.close();
      await lock.release();
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
