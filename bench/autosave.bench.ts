// Autosave on the whole path a keystroke pause takes in the app, main side: the interview copied
// as Electron's IPC copies it (structured clone), the request validated against the contract,
// then saved — interview.json written durably, the memory index, library.json. At 2,500 and
// 10,000 segments, reviewed (so the memory index has work to do). Goal (issue #13): p95 < 50 ms
// at 10,000 segments.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { dispatch } from '../src/main/services/dispatch';
import { createHandlers } from '../src/main/services/handlers';
import { LibrarySession } from '../src/main/services/library-session';
import { LibraryLock } from '../src/main/services/storage/library-lock';
import { seededRandom, variedInterview } from './fixtures';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

describe('autosave, whole path', () => {
  bench(
    'interview.save of 2,500 and 10,000 reviewed segments: IPC copy, validation, durable write',
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
        const times: number[] = [];
        for (let turn = 0; turn < 30; turn += 1) {
          // One keystroke's worth of change in one segment, as typing makes.
          const edited = { ...created, segments: created.segments.map((segment, index) => (index === 7 ? { ...segment, translation: `${segment.translation} ${turn}` } : segment)) };
          const started = performance.now();
          const outcome = await dispatch(handlers, 'interview.save', structuredClone({ interview: edited }));
          times.push(performance.now() - started);
          if (!outcome.ok) throw new Error(outcome.error.message);
        }
        console.log(
          `autosave, whole path, ${count.toLocaleString('en')} segments: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (goal p95 < 50 ms at 10,000)`,
        );
      }
      await lock.release();
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
