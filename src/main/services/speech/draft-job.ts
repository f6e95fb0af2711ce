// One machine draft: decode → speech windows → a worker process running whisper.cpp → proposals.
// The worker is the only place the engine runs; it is killed to cancel, on a timeout, and when
// the job ends, and its death mid-job is reported as a failure, never waited on for ever.
import { availableParallelism } from 'node:os';
import type { DraftProposal, TimeSpan } from '../../../shared/speech';
import { proposalsFromEngine, secondsBefore } from '../../../shared/speech';
import { DeskError } from '../desk-error';
import { pcmChunks } from '../media/ffmpeg';
import { SAMPLE_RATE } from '../media/voice-activity';
import type { MediaInput } from '../storage/file-store';
import { draftWindows, engineInput } from './draft-windows';
import type { WorkerProcess, WorkerSpawner } from './worker-process';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export type DraftProgress = {
  /** Share of the wanted audio done, 0…1. */
  fraction: number;
  doneSeconds: number;
  totalSeconds: number;
};

export type DraftJobOptions = {
  recording: MediaInput;
  /** The stretches of the recording to draft (seconds), sorted. */
  spans: readonly TimeSpan[];
  modelPath: string;
  vadModelPath: string;
  workerEntry: string;
  spawn: WorkerSpawner;
  language: string;
  prompt: string;
  temperatureFallback: boolean;
  threads?: number;
  signal: AbortSignal;
  onProposals?: (proposals: DraftProposal[]) => void;
  onProgress?: (progress: DraftProgress) => void;
  /** Called with the worker as soon as it exists (tests watch its process). */
  onWorker?: (worker: WorkerProcess) => void;
  timeouts?: { loadMs?: number; perAudioSecondMs?: number; minimumMs?: number };
};

export type DraftJobResult = { proposals: DraftProposal[]; windows: number; audioSeconds: number };

/** Threads for whisper.cpp: all cores but one, so the window and the decoder keep one. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

/** Talks to one worker: one request at a time, answered, failed, timed out or cut off by its death. */
class WorkerSession {
  private waiting: { accept: (reply: WorkerReply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout } | null = null;
  private ended: Error | null = null;

  constructor(
    private readonly worker: WorkerProcess,
    signal: AbortSignal,
    private readonly onProgress: (stretchId: number, percent: number) => void,
  ) {
    worker.onReply((reply) => {
      if (reply.type === 'progress') return this.onProgress(reply.stretchId, reply.percent);
      const waiting = this.waiting;
      this.waiting = null;
      if (!waiting) return;
      clearTimeout(waiting.timer);
      if (reply.type === 'failed') waiting.reject(new DeskError('internal', `The speech engine failed: ${reply.message}`));
      else waiting.accept(reply);
    });
    worker.onExit((code, exitSignal) => {
      const reason = signal.aborted ? cancelled() : new DeskError('internal', `The speech engine stopped unexpectedly (${exitSignal ?? `exit code ${code}`}). The model may be damaged or too large for this computer's memory; nothing was changed.`);
      this.end(reason);
    });
    signal.addEventListener('abort', () => this.end(cancelled()), { once: true });
  }

  private end(reason: Error): void {
    if (!this.ended) this.ended = reason;
    this.worker.kill();
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(reason);
    }
  }

  ask<T extends WorkerReply['type']>(request: WorkerRequest, expected: T, timeoutMs: number): Promise<Extract<WorkerReply, { type: T }>> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((accept, reject) => {
      const timer = setTimeout(() => this.end(new DeskError('internal', `The speech engine did not answer within ${Math.round(timeoutMs / 1000)} s and was stopped. Try a smaller model.`)), timeoutMs);
      this.waiting = {
        timer,
        reject,
        accept: (reply) => (reply.type === expected ? accept(reply as Extract<WorkerReply, { type: T }>) : reject(new DeskError('internal', 'The speech engine answered out of turn.'))),
      };
      this.worker.send(request);
    });
  }

  close(): void {
    this.end(this.ended ?? cancelled());
  }
}

function cancelled(): DeskError {
  return new DeskError('refused', 'The draft was cancelled.');
}

export async function runDraftJob(options: DraftJobOptions): Promise<DraftJobResult> {
  const totalSeconds = options.spans.reduce((sum, span) => sum + span.end - span.start, 0);
  const timeouts = { loadMs: 300_000, perAudioSecondMs: 30_000, minimumMs: 60_000, ...options.timeouts };
  const proposals: DraftProposal[] = [];
  let windows = 0;
  let reported = 0;
  const report = (position: number, windowShare = 0, window?: TimeSpan) => {
    const before = secondsBefore(position, options.spans);
    const inWindow = window ? (window.end - window.start) * windowShare : 0;
    const doneSeconds = Math.min(totalSeconds, before + inWindow);
    if (doneSeconds < reported) return;
    reported = doneSeconds;
    options.onProgress?.({ fraction: totalSeconds > 0 ? doneSeconds / totalSeconds : 1, doneSeconds, totalSeconds });
  };
  if (totalSeconds <= 0) return { proposals, windows, audioSeconds: 0 };
  if (options.signal.aborted) throw cancelled();

  const worker = options.spawn(options.workerEntry);
  options.onWorker?.(worker);
  let current: TimeSpan | undefined;
  // The engine's progress calls can arrive after its answer: only the window in work counts.
  const session = new WorkerSession(worker, options.signal, (stretchId, percent) => current && stretchId === windows && report(current.start, percent / 100, current));
  // The decode stops with the job, whatever ends it.
  const decodeStop = new AbortController();
  const stopDecode = () => decodeStop.abort();
  options.signal.addEventListener('abort', stopDecode, { once: true });
  try {
    await session.ask({ type: 'load', modelPath: options.modelPath, threads: options.threads ?? defaultThreads() }, 'loaded', timeouts.loadMs);
    report(0);
    const source = draftWindows(pcmChunks(options.recording, SAMPLE_RATE, decodeStop.signal), options.vadModelPath, options.spans);
    // While the engine works on one window, the next is decoded and found (one ahead, no more).
    let next = source.next();
    for (;;) {
      const step = await next;
      if (step.done) break;
      next = source.next();
      next.catch(() => undefined);
      const window = step.value;
      current = window.span;
      const seconds = window.samples.length / SAMPLE_RATE;
      const reply = await session.ask(
        {
          type: 'transcribe',
          stretchId: windows,
          pcm: engineInput(window.samples),
          language: options.language,
          prompt: options.prompt,
          temperatureInc: options.temperatureFallback ? null : 0,
        },
        'transcribed',
        Math.max(timeouts.minimumMs, seconds * timeouts.perAudioSecondMs),
      );
      windows += 1;
      const found = proposalsFromEngine(window.span, reply.segments);
      proposals.push(...found);
      if (found.length) options.onProposals?.(found);
      report(window.span.end);
    }
    report(Number.POSITIVE_INFINITY);
    return { proposals, windows, audioSeconds: totalSeconds };
  } catch (error) {
    if (options.signal.aborted) throw cancelled();
    if (error instanceof DeskError) throw error;
    if (error instanceof Error && /could not be decoded/.test(error.message)) throw new DeskError('unreadable', 'The recording could not be decoded for the draft.');
    throw error;
  } finally {
    options.signal.removeEventListener('abort', stopDecode);
    stopDecode();
    session.close();
  }
}
