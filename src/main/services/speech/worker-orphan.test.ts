// A speech worker must not outlive its parent: when the window's process or the command line dies
// (killed, crashed), the worker goes too, even while whisper.cpp is busy, instead of living on
// for minutes holding hundreds of megabytes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { builtWorkerEntry, makeModel } from './test-support/speech-test-support';

/** Running, not ended: a killed process waits as a zombie until whoever adopted it reaps it (here PID 1, which may take a second). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true; // not Linux: kill(pid, 0) is all there is
  }
};

describe('a speech worker whose parent dies', () => {
  it('is gone soon after, even in the middle of a transcription', async () => {
    const work = await mkdtemp(join(tmpdir(), 'orphan-'));
    const model = await makeModel(work, 'ggml-tiny.bin');
    // The parent, as the app's forkWorker makes the worker: it starts a long transcription and
    // says the worker's pid once the worker reports progress (busy in whisper.cpp).
    const parent = join(work, 'parent.cjs');
    await writeFile(
      parent,
      `const { fork } = require('node:child_process');
       const worker = fork(${JSON.stringify(builtWorkerEntry())}, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
       let told = false;
       worker.on('message', (message) => {
         if (message.type === 'loaded') worker.send({ type: 'transcribe', stretchId: 1, pcm: new Int16Array(16000 * 600).map((_, i) => Math.round(Math.sin(i / 7) * 8000)), language: 'ko', prompt: '', temperatureInc: null });
         if (message.type === 'progress' && !told) { told = true; console.log('busy ' + worker.pid); }
       });
       worker.send({ type: 'load', modelPath: ${JSON.stringify(model)}, threads: 1 });
       setInterval(() => undefined, 1000);`,
    );
    const child = spawn(process.execPath, [parent], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! });
    const workerPid = await new Promise<number>((resolve, reject) => {
      lines.on('line', (line) => {
        const found = /^busy (\d+)$/.exec(line);
        if (found) resolve(Number(found[1]));
      });
      child.once('exit', () => reject(new Error('the parent ended before the worker was busy')));
    });
    expect(alive(workerPid)).toBe(true);

    const killedAt = performance.now();
    child.kill('SIGKILL');
    await expect.poll(() => alive(workerPid), { timeout: 20_000, interval: 20 }).toBe(false);
    console.log(`speech worker gone ${(performance.now() - killedAt).toFixed(0)} ms after its parent was killed (goal: within 1 s)`);
  }, 120_000);
});
