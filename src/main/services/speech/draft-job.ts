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
  timeouts?: DraftTimeouts;
};

export type DraftTimeouts = {
  loadMs?: number;
  perAudioSecondMs?: number;
  minimumMs?: number;
  /** The least time without progress after which a window's engine is taken for hung. */
  stallFloorMs?: number;
};

export type DraftJobResult = { proposals: DraftProposal[]; windows: number; audioSeconds: number };

/** Threads for whisper.cpp: all cores but one, so the window and the decoder keep one. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

/**
 * How long the engine may go without a sign of life before it is taken for hung: four times the
 * longest it has taken between two signs so far in this window (each progress step is one more
 * 30-second chunk, so steps take alike), and never less than the floor. whisper.cpp reports
 * progress only between chunks, so a window of one chunk is left to the window's own timeout.
 */
const STALL_FACTOR = 4;

/** Talks to one worker: one request at a time, answered, failed, timed out or cut off by its death. */
class WorkerSession {
  private waiting: { accept: (reply: WorkerReply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout } | null = null;
  private ended: Error | null = null;
  /** Set when the engine went quiet (timed out or stalled), as opposed to failing or dying. */
  hung = false;
  /** The stall watch of the transcription being waited on; null while none is. */
  private stall: { timer: NodeJS.Timeout | null; lastSign: number; longestGap: number } | null = null;

  constructor(
    private readonly worker: WorkerProcess,
    signal: AbortSignal,
    private readonly onProgress: (stretchId: number, percent: number) => void,
    private readonly stallFloorMs: number,
  ) {
    worker.onReply((reply) => {
      if (reply.type === 'progress') {
        this.sawSignOfLife();
        return this.onProgress(reply.stretchId, reply.percent);
      }
      const waiting = this.waiting;
      this.waiting = null;
      if (!waiting) return;
      clearTimeout(waiting.timer);
      this.stopStallWatch();
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
    this.stopStallWatch();
    this.worker.kill();
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(reason);
    }
  }

  private goneQuiet(message: string): void {
    this.hung = true;
    this.end(new DeskError('internal', message));
  }

  /** Progress arrived: the gap since the last sign sets how long the next may take. */
  private sawSignOfLife(): void {
    const stall = this.stall;
    if (!stall) return;
    const now = Date.now();
    stall.longestGap = Math.max(stall.longestGap, now - stall.lastSign);
    stall.lastSign = now;
    if (stall.timer) clearTimeout(stall.timer);
    const allowedMs = Math.max(this.stallFloorMs, STALL_FACTOR * stall.longestGap);
    stall.timer = setTimeout(() => this.goneQuiet(`The speech engine stopped making progress for ${Math.round(allowedMs / 1000)} s and was stopped.`), allowedMs);
  }

  private stopStallWatch(): void {
    if (this.stall?.timer) clearTimeout(this.stall.timer);
    this.stall = null;
  }

  ask<T extends WorkerReply['type']>(request: WorkerRequest, expected: T, timeoutMs: number): Promise<Extract<WorkerReply, { type: T }>> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((accept, reject) => {
      const timer = setTimeout(() => this.goneQuiet(`The speech engine did not answer within ${Math.round(timeoutMs / 1000)} s and was stopped. Try a smaller model.`), timeoutMs);
      this.waiting = {
        timer,
        reject,
        accept: (reply) => (reply.type === expected ? accept(reply as Extract<WorkerReply, { type: T }>) : reject(new DeskError('internal', 'The speech engine answered out of turn.'))),
      };
      // The stall watch starts at the first progress: before it, only the timeout applies.
      if (request.type === 'transcribe') this.stall = { timer: null, lastSign: Date.now(), longestGap: 0 };
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
  const timeouts = { loadMs: 300_000, perAudioSecondMs: 30_000, minimumMs: 60_000, stallFloorMs: 30_000, ...options.timeouts };
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

  let current: TimeSpan | undefined;
  // The engine's progress calls can arrive after its answer: only the window in work counts.
  const onEngineProgress = (stretchId: number, percent: number) => current && stretchId === windows && report(current.start, percent / 100, current);
  const startSession = async (): Promise<WorkerSession> => {
    const worker = options.spawn(options.workerEntry);
    options.onWorker?.(worker);
    const started = new WorkerSession(worker, options.signal, onEngineProgress, timeouts.stallFloorMs);
    await started.ask({ type: 'load', modelPath: options.modelPath, threads: options.threads ?? defaultThreads() }, 'loaded', timeouts.loadMs);
    return started;
  };
  let session: WorkerSession | null = null;
  // The decode stops with the job, whatever ends it.
  const decodeStop = new AbortController();
  const stopDecode = () => decodeStop.abort();
  options.signal.addEventListener('abort', stopDecode, { once: true });
  try {
    const source = draftWindows(pcmChunks(options.recording, SAMPLE_RATE, decodeStop.signal), options.vadModelPath, options.spans);
    // While the engine works on one window, the next is decoded and found (one ahead, no more);
    // the first is decoded while the worker loads its model.
    let next = source.next();
    next.catch(() => undefined);
    session = await startSession();
    report(0);
    for (;;) {
      const step = await next;
      if (step.done) break;
      next = source.next();
      next.catch(() => undefined);
      const window = step.value;
      current = window.span;
      const seconds = window.samples.length / SAMPLE_RATE;
      const request: WorkerRequest = {
        type: 'transcribe',
        stretchId: windows,
        pcm: engineInput(window.samples),
        language: options.language,
        prompt: options.prompt,
        temperatureInc: options.temperatureFallback ? null : 0,
      };
      const timeoutMs = Math.max(timeouts.minimumMs, seconds * timeouts.perAudioSecondMs);
      let reply;
      try {
        reply = await session.ask(request, 'transcribed', timeoutMs);
      } catch (error) {
        // The binding can hang on a window now and then (threads that never join) and answer the
        // same window at once in a fresh process: one more try there before the draft fails.
        if (!session.hung || options.signal.aborted) throw error;
        session.close();
        session = await startSession();
        reply = await session.ask(request, 'transcribed', timeoutMs);
      }
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
    session?.close();
  }
}
