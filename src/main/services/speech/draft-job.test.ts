import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDraftJob, type DraftJobOptions } from './draft-job';
import { builtWorkerEntry, makeModel, recordingWithSilence, resourcesDir, sampleRecording, vadModelPath } from './test-support/speech-test-support';
import { forkWorker, type WorkerProcess } from './worker-process';

const truth: { start: number; end: number }[] = JSON.parse(await readFile(join(resourcesDir, 'sample/timings.json'), 'utf8')).segments;

function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a machine draft with a local Whisper model (random weights, real engine)', () => {
  let directory: string;
  let model: string;
  let base: Omit<DraftJobOptions, 'recording' | 'spans' | 'signal'>;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'draft-'));
    model = await makeModel(directory, 'ggml-random.bin');
    base = { modelPath: model, vadModelPath, workerEntry: builtWorkerEntry(), spawn: forkWorker, language: 'ko', prompt: '장마당 (jangmadang)', temperatureFallback: false, threads: 1 };
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('proposes segments only where people speak: none inside a 20-second silence', async () => {
    // The sample with 20 s of silence after its fourth line (which ends at 30.47 s).
    const recording = await recordingWithSilence(directory, 30.8, 20);
    const progress: number[] = [];
    const streamed: number[] = [];
    const result = await runDraftJob({
      ...base,
      recording,
      spans: [{ start: 0, end: 144.78 }],
      signal: new AbortController().signal,
      onProgress: (report) => progress.push(report.fraction),
      onProposals: (found) => streamed.push(found.length),
    });
    expect(result.proposals.length).toBeGreaterThan(3);
    expect(streamed.reduce((a, b) => a + b, 0)).toBe(result.proposals.length);
    const shifted = truth.map((line) => (line.start > 30.8 ? { start: line.start + 20, end: line.end + 20 } : line));
    for (const proposal of result.proposals) {
      expect(proposal.text.trim()).not.toBe('');
      expect(proposal.end).toBeGreaterThan(proposal.start);
      // Never in the silence, and never further than a pause from something said.
      expect(proposal.end <= 31.2 || proposal.start >= 50.6).toBe(true);
      const nearest = Math.min(...shifted.map((line) => Math.max(0, line.start - proposal.end, proposal.start - line.end)));
      expect(nearest).toBeLessThan(1.5);
    }
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 120_000);

  it('drafts only the stretches asked for (typed segments elsewhere stay untouched)', async () => {
    const spans = [{ start: 17.8, end: 34 }, { start: 90, end: 100 }];
    const result = await runDraftJob({ ...base, recording: sampleRecording, spans, signal: new AbortController().signal });
    expect(result.proposals.length).toBeGreaterThan(0);
    for (const proposal of result.proposals) {
      expect(spans.some((span) => proposal.start >= span.start && proposal.end <= span.end)).toBe(true);
    }
  }, 120_000);

  it('cancelling kills the worker within a second and leaves nothing running', async () => {
    const controller = new AbortController();
    let worker: WorkerProcess | null = null;
    const run = runDraftJob({
      ...base,
      recording: sampleRecording,
      spans: [{ start: 0, end: 124.78 }],
      signal: controller.signal,
      onWorker: (spawned) => (worker = spawned),
      onProgress: (report) => report.fraction > 0.1 && controller.abort(),
    });
    await expect(run).rejects.toThrow('The draft was cancelled.');
    const cancelledAt = Date.now();
    const pid = (worker as WorkerProcess | null)?.pid;
    expect(pid).toBeGreaterThan(0);
    while (isAlive(pid) && Date.now() - cancelledAt < 1000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(isAlive(pid)).toBe(false);
  }, 60_000);

  it('a worker that crashes is a clear failure, not a hang', async () => {
    const crashing = await makeModel(directory, 'ggml-crashing.bin', { allFloat32: true });
    const run = runDraftJob({ ...base, modelPath: crashing, recording: sampleRecording, spans: [{ start: 0, end: 20 }], signal: new AbortController().signal });
    await expect(run).rejects.toThrow(/speech engine stopped unexpectedly \((SIGABRT|exit code \d+)\)/);
  }, 60_000);

  it('a model the engine cannot load is a clear failure', async () => {
    const run = runDraftJob({ ...base, modelPath: join(directory, 'missing-model.bin'), recording: sampleRecording, spans: [{ start: 0, end: 20 }], signal: new AbortController().signal });
    await expect(run).rejects.toThrow(/The speech engine failed: .*initialize/);
  }, 60_000);

  it('a worker that never answers (the binding can leave a promise pending) is killed at its timeout', async () => {
    // A process that takes every request and never replies, as the engine does on some native errors.
    const silent = join(directory, 'silent-worker.cjs');
    await writeFile(silent, "process.on('message', () => undefined); setInterval(() => undefined, 1000);");
    let worker: WorkerProcess | null = null;
    const run = runDraftJob({
      ...base,
      workerEntry: silent,
      recording: sampleRecording,
      spans: [{ start: 0, end: 20 }],
      signal: new AbortController().signal,
      onWorker: (spawned) => (worker = spawned),
      timeouts: { loadMs: 1500 },
    });
    await expect(run).rejects.toThrow('The speech engine did not answer within 2 s and was stopped. Try a smaller model.');
    await expectGone((worker as WorkerProcess | null)?.pid);
  }, 60_000);

  /**
   * A stand-in engine process that answers the model load, reports a little progress on a window
   * and then goes quiet, as the binding now and then does; from the `healthyFrom`-th process on
   * (counted in a file, since each is a process of its own) it answers every window at once.
   */
  async function hangingWorker(name: string, healthyFrom: number): Promise<string> {
    const script = join(directory, `${name}.cjs`);
    const counter = join(directory, `${name}.count`);
    await writeFile(
      script,
      `const fs = require('node:fs');
const started = (fs.existsSync(${JSON.stringify(counter)}) ? Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')) : 0) + 1;
fs.writeFileSync(${JSON.stringify(counter)}, String(started));
process.on('message', (request) => {
  if (request.type === 'load') return process.send({ type: 'loaded' });
  process.send({ type: 'progress', stretchId: request.stretchId, percent: 17 });
  if (started >= ${healthyFrom}) process.send({ type: 'transcribed', stretchId: request.stretchId, segments: [{ text: 'answered in process ' + started, t0: 0, t1: 1000 }] });
});
setInterval(() => undefined, 1000);`,
    );
    return script;
  }

  it('a window whose engine goes quiet mid-way is tried once more in a fresh worker, and the first is killed', async () => {
    const workers: WorkerProcess[] = [];
    const result = await runDraftJob({
      ...base,
      workerEntry: await hangingWorker('hangs-once', 2),
      recording: sampleRecording,
      spans: [{ start: 17.8, end: 34 }],
      signal: new AbortController().signal,
      onWorker: (spawned) => workers.push(spawned),
      timeouts: { stallFloorMs: 500 },
    });
    expect(result.proposals.map((proposal) => proposal.text)).toContain('answered in process 2');
    expect(result.proposals.some((proposal) => proposal.text === 'answered in process 1')).toBe(false);
    expect(workers.length).toBeGreaterThanOrEqual(2);
    await expectGone(workers[0]!.pid);
  }, 60_000);

  it('a window that hangs again in the fresh worker fails the draft with the reason', async () => {
    const workers: WorkerProcess[] = [];
    const run = runDraftJob({
      ...base,
      workerEntry: await hangingWorker('hangs-always', Number.MAX_SAFE_INTEGER),
      recording: sampleRecording,
      spans: [{ start: 17.8, end: 34 }],
      signal: new AbortController().signal,
      onWorker: (spawned) => workers.push(spawned),
      timeouts: { stallFloorMs: 500 },
    });
    await expect(run).rejects.toThrow('The speech engine stopped making progress for 1 s and was stopped.');
    expect(workers).toHaveLength(2);
    for (const worker of workers) await expectGone(worker.pid);
  }, 60_000);
});

/** Waits until a process is gone (the test's own timeout is the limit: no clock is asserted). */
async function expectGone(pid: number | undefined): Promise<void> {
  expect(pid).toBeGreaterThan(0);
  await expect.poll(() => isAlive(pid), { timeout: 30_000, interval: 20 }).toBe(false);
}
