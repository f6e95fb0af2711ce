// Machine drafts with a random-weight Whisper model in the real format (no real weights are
// reachable here: the engine's work is real, its text is not).
// 1. Pipeline overhead on a 10-minute recording: the whole draft (decode, voice activity, worker
//    process, proposals) against the bare binding given the same speech windows (found beforehand
//    by the same code, untimed), model and threads, in turn twice in the same run. Goal ≤ 5 %.
// 2. A three-hour recording: the worker's memory above the model's own size (goal < 300 MB) and
//    the main side's, which holds at most a minute of PCM at a time.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWhisper } from '@fugood/whisper.node';
import { bench, describe } from 'vitest';
import { pcmChunks } from '../src/main/services/media/ffmpeg';
import { SAMPLE_RATE } from '../src/main/services/media/voice-activity';
import { runDraftJob } from '../src/main/services/speech/draft-job';
import { draftWindows, engineInput } from '../src/main/services/speech/draft-windows';
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
    '10-minute recording: whole pipeline vs bare binding on the same speech windows, in turn',
    async () => {
      const seconds = 5 * 124.78;
      // The baseline's input: the very windows the pipeline sends its worker (the same decode and
      // voice activity code), made before the clock starts.
      const windows: Int16Array[] = [];
      for await (const window of draftWindows(pcmChunks(tenMinutes, SAMPLE_RATE), vadModelPath, [{ start: 0, end: seconds }])) windows.push(engineInput(window.samples));
      const bare = async () => {
        const started = performance.now();
        const context = await initWhisper({ filePath: model, useGpu: false });
        for (const pcm of windows) {
          await context.transcribeData(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength) as ArrayBuffer, { language: 'ko', maxThreads: threads, temperatureInc: 0 }).promise;
        }
        await context.release();
        return performance.now() - started;
      };
      const whole = async () => {
        const started = performance.now();
        const result = await pipeline(tenMinutes, seconds);
        if (result.windows !== windows.length) throw new Error(`the pipeline cut ${result.windows} windows, the baseline ${windows.length}`);
        return performance.now() - started;
      };
      const bareMs: number[] = [];
      const pipelineMs: number[] = [];
      for (let round = 0; round < 2; round += 1) {
        if (round % 2 === 0) {
          bareMs.push(await bare());
          pipelineMs.push(await whole());
        } else {
          pipelineMs.push(await whole());
          bareMs.push(await bare());
        }
      }
      const best = (values: number[]) => Math.min(...values);
      const overhead = ((best(pipelineMs) - best(bareMs)) / best(bareMs)) * 100;
      const inSeconds = (values: number[]) => values.map((value) => (value / 1000).toFixed(2)).join(' / ');
      console.log(
        `10-min draft, ${windows.length} speech windows: pipeline ${inSeconds(pipelineMs)} s vs bare binding on the same windows ${inSeconds(bareMs)} s → overhead of the best runs ${overhead.toFixed(1)} % (goal ≤ 5 %)`,
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
