// The speech worker: a process of its own (Electron utilityProcess in the app, a forked Node
// process in tests and the command line) that runs whisper.cpp. The binding can leave a promise
// pending forever on a native error and cannot stop a running job, so the main side kills this
// process to cancel or on a timeout; nothing here needs to clean up after itself.
// It never logs: stderr carries only whisper.cpp's own model-loading lines, and the parent ignores it.
import { initWhisper, type WhisperContext } from '@fugood/whisper.node';
import { startOrphanWatch } from './orphan-watch';
import { voiceVector } from './speaker-features';
import { tellSpeakers } from './speaker-clusters';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

type ParentPort = { postMessage(message: unknown): void; on(event: 'message', listener: (event: { data: unknown }) => void): void };
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function reply(message: WorkerReply): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

let context: WhisperContext | null = null;
let threads = 1;
/** Requests are handled one at a time, in order. */
let queue: Promise<void> = Promise.resolve();

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'load') {
    threads = request.threads;
    context = await initWhisper({ filePath: request.modelPath, useGpu: false });
    reply({ type: 'loaded' });
    return;
  }
  if (request.type === 'voice') {
    reply({ type: 'voice', stretchId: request.stretchId, vector: voiceVector(request.pcm) });
    return;
  }
  if (request.type === 'speakers') {
    reply({ type: 'speakers', outcome: tellSpeakers(request.vectors, request.labels, request.follow, request.speakers) });
    return;
  }
  if (!context) throw new Error('the model is not loaded');
  const pcm = request.pcm;
  const audio = pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength) as ArrayBuffer;
  const job = context.transcribeData(audio, {
    language: request.language,
    maxThreads: threads,
    prompt: request.prompt || undefined,
    ...(request.temperatureInc === null ? {} : { temperatureInc: request.temperatureInc }),
    onProgress: (percent) => reply({ type: 'progress', stretchId: request.stretchId, percent }),
  });
  const result = await job.promise;
  reply({ type: 'transcribed', stretchId: request.stretchId, segments: result.segments.map(({ text, t0, t1 }) => ({ text, t0, t1 })) });
}

function receive(request: WorkerRequest): void {
  queue = queue
    .then(() => handle(request))
    .catch((error: unknown) => {
      reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      // Leave a moment for the message to reach the parent before the process goes.
      setTimeout(() => process.exit(1), 100);
    });
}

if (parentPort) parentPort.on('message', (event) => receive(event.data as WorkerRequest));
else process.on('message', (message) => receive(message as WorkerRequest));
// The parent went away (closed window, killed command line): so does the job.
process.on('disconnect', () => process.exit(0));
// …but whisper.cpp holds this process's threads while it works (even a watchdog thread of its own
// stopped ticking), and then 'disconnect' waits as long: a worker was seen living on, 213 MB,
// minutes after its parent was killed. So a forked worker (command line, tests) starts a small
// process of its own that watches both and kills the worker once its parent is gone. In the app,
// Electron ends its utility processes with the app itself.
if (!parentPort) startOrphanWatch();
