// Machine drafts with a random-weight Whisper model in the real format (no real weights are
// reachable here: the engine's work is real, its text is not).
// 1. Pipeline overhead on a 10-minute recording: the whole draft (decode, voice activity, worker
//    process, proposals) against the bare binding given the same PCM, model and threads, same run.
//    Goal ≤ 5 %.
// 2. A three-hour recording: the worker's memory above the model's own size (goal < 300 MB) and
//    the main side's, which holds at most a minute of PCM at a time.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWhisper } from '@fugood/whisper.node';
import { bench, describe } from 'vitest';
import { ffmpegPath } from '../src/main/services/media/ffmpeg';
import { runDraftJob } from '../src/main/services/speech/draft-job';
import { builtWorkerEntry, makeModel, vadModelPath } from '../src/main/services/speech/test-support/speech-test-support';
import { forkWorker, type WorkerProcess } from '../src/main/services/speech/worker-process';
import { tenMinuteRecording, threeHourRecording } from './media';

const folder = await mkdtemp(join(tmpdir(), 'bench-speech-'));
const tenMinutes = tenMinuteRecording();
const threeHours = threeHourRecording();
const model = await makeModel(folder, 'ggml-random-bench.bin');
const modelBytes = (await readFile(model)).length;
const threads = 1;
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

function residentKiB(pid: number | undefined): number {
  try {
    const status = execFileSync('cat', [`/proc/${pid}/status`], { encoding: 'utf8' });
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function pipeline(recording: string, seconds: number, onWorker?: (worker: WorkerProcess) => void) {
  return runDraftJob({
    recording,
    spans: [{ start: 0, end: seconds }],
    modelPath: model,
    vadModelPath,
    workerEntry: builtWorkerEntry(),
    spawn: forkWorker,
    language: 'ko',
    prompt: '',
    temperatureFallback: false,
    threads,
    signal: new AbortController().signal,
    onWorker,
  });
}

describe('machine draft, random-weight tiny model, 1 thread', () => {
  bench(
    '10-minute recording: whole pipeline vs bare binding on the same PCM',
    async () => {
      const seconds = 5 * 124.78;
      // The bare binding: PCM decoded beforehand (not timed), one call, in this process.
      const pcm = execFileSync(ffmpegPath(), ['-v', 'error', '-i', tenMinutes, '-ac', '1', '-ar', '16000', '-f', 's16le', 'pipe:1'], { maxBuffer: 1 << 30 });
      const bareStart = performance.now();
      const context = await initWhisper({ filePath: model, useGpu: false });
      await context.transcribeData(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength) as ArrayBuffer, { language: 'ko', maxThreads: threads, temperatureInc: 0 }).promise;
      const bareMs = performance.now() - bareStart;
      await context.release();
      const pipelineStart = performance.now();
      const result = await pipeline(tenMinutes, seconds);
      const pipelineMs = performance.now() - pipelineStart;
      const overhead = ((pipelineMs - bareMs) / bareMs) * 100;
      console.log(
        `10-min draft: pipeline ${(pipelineMs / 1000).toFixed(2)} s (${result.windows} speech windows, ${result.proposals.length} proposals) vs bare binding ${(bareMs / 1000).toFixed(2)} s → overhead ${overhead.toFixed(1)} % (goal ≤ 5 %)`,
      );
    },
    once,
  );

  bench(
    'three-hour recording: memory of the worker and of the main side',
    async () => {
      const mainBefore = process.memoryUsage().rss;
      let mainPeak = mainBefore;
      let workerPeakKiB = 0;
      let pid: number | undefined;
      const sampler = setInterval(() => {
        mainPeak = Math.max(mainPeak, process.memoryUsage().rss);
        if (pid) workerPeakKiB = Math.max(workerPeakKiB, residentKiB(pid));
      }, 200);
      const started = performance.now();
      const result = await pipeline(threeHours, 87 * 124.78, (worker) => (pid = worker.pid));
      clearInterval(sampler);
      const aboveModel = workerPeakKiB / 1024 - modelBytes / 2 ** 20;
      console.log(
        `3-h draft: ${((performance.now() - started) / 60_000).toFixed(1)} min, ${result.windows} windows; worker peak ${(workerPeakKiB / 1024).toFixed(0)} MiB = model ${(modelBytes / 2 ** 20).toFixed(1)} MiB + ${aboveModel.toFixed(0)} MiB (goal < 300 MB above the model); main side +${((mainPeak - mainBefore) / 2 ** 20).toFixed(0)} MiB`,
      );
    },
    once,
  );
});
