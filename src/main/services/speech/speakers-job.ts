// Finding speakers: the recording decoded once (16 kHz mono, streamed: memory stays flat), each
// segment's samples handed to the speech worker process as they complete, its voice vector back;
// then proposals from them (speaker-proposals.ts). The worker can be killed at any moment (Stop,
// a closed window) and the window never waits on it.
import type { Segment } from '../../../shared/interview';
import { DeskError } from '../desk-error';
import { pcmChunks } from '../media/ffmpeg';
import type { MediaInput } from '../storage/file-store';
import type { WorkerSpawner } from './worker-process';
import { VOICE_SAMPLE_RATE, type SpeakersOutcome } from './worker-protocol';

export type SegmentVoice = { segmentId: string; vector: number[] };

/** Segments in flight to the worker at once: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT = 8;
/** A segment longer than this gives its voice from its first minute: enough, and memory stays small. */
const LONGEST_SECONDS = 60;

export type VoiceJob = {
  input: MediaInput;
  segments: readonly Pick<Segment, 'id' | 'start' | 'end'>[];
  spawnWorker: WorkerSpawner;
  workerEntry: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
};

/**
 * Every segment's voice (segments too short or silent to tell are left out), then who spoke
 * them, told apart in the same worker: following `labels` (the speakers people gave, by segment
 * id) when `follow`, else clustered into `speakers` voices (null: as many as the recording shows).
 */
export async function tellVoices(job: VoiceJob & { labels: ReadonlyMap<string, string>; follow: boolean; speakers: number | null }): Promise<{ voices: SegmentVoice[]; outcome: SpeakersOutcome }> {
  const segments = [...job.segments].filter((segment) => segment.end > segment.start).sort((a, b) => a.start - b.start);
  const worker = job.spawnWorker(job.workerEntry);
  const voices: SegmentVoice[] = [];
  const flow = new InFlight();
  let told: ((outcome: SpeakersOutcome) => void) | null = null;
  worker.onReply((reply) => {
    if (reply.type === 'voice') {
      if (reply.vector) voices.push({ segmentId: segments[reply.stretchId]!.id, vector: reply.vector });
      flow.done();
    } else if (reply.type === 'speakers') {
      told?.(reply.outcome);
      flow.done();
    } else if (reply.type === 'failed') flow.fail(new Error('the speech worker could not read a segment’s voice'));
  });
  worker.onExit(() => flow.fail(new Error('the speech worker stopped')));
  const abort = () => worker.kill();
  job.signal?.addEventListener('abort', abort, { once: true });
  try {
    if (segments.length > 0) await feedSegments(job, segments, (index, pcm) => flow.send(() => worker.send({ type: 'voice', stretchId: index, pcm })));
    await flow.drained();
    if (job.signal?.aborted) throw stopped();
    const outcome = new Promise<SpeakersOutcome>((resolve) => (told = resolve));
    const labels = voices.map((voice) => job.labels.get(voice.segmentId) ?? null);
    await flow.send(() => worker.send({ type: 'speakers', vectors: voices.map((voice) => voice.vector), labels, follow: job.follow, speakers: job.speakers }));
    await flow.drained();
    return { voices, outcome: await outcome };
  } catch (error) {
    if (job.signal?.aborted) throw stopped();
    if (error instanceof DeskError) throw error;
    throw new DeskError('internal', 'Speakers could not be found: the recording could not be read to the end, or the speech worker stopped. Nothing was changed.');
  } finally {
    job.signal?.removeEventListener('abort', abort);
    worker.kill();
  }
}

/** Stop was pressed (or the window closed): not a failure, and nothing was changed. */
const stopped = () => new DeskError('refused', 'Finding speakers was stopped; nothing was changed.');

/** Requests out to the worker: at most IN_FLIGHT at once, and the first failure stops everything. */
class InFlight {
  private count = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  async send(post: () => void): Promise<void> {
    while (this.count >= IN_FLIGHT && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
    this.count += 1;
    post();
  }
  done(): void {
    this.count -= 1;
    this.wakeUp();
  }
  /** Only a failure while requests are out counts: the worker is killed on purpose at the end. */
  fail(error: Error): void {
    if (this.count > 0 && !this.failure) this.failure = error;
    this.wakeUp();
  }
  async drained(): Promise<void> {
    while (this.count > 0 && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }
  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** Decodes once and hands over each segment's samples as soon as the decode has passed its end. */
async function feedSegments(job: VoiceJob, segments: Pick<Segment, 'id' | 'start' | 'end'>[], send: (index: number, pcm: Float32Array) => Promise<void>): Promise<void> {
  const sampleOf = (seconds: number) => Math.round(seconds * VOICE_SAMPLE_RATE);
  const total = sampleOf(segments.at(-1)!.end);
  /** Segments being filled: their samples so far. */
  const open = new Map<number, { from: number; to: number; samples: Float32Array }>();
  let next = 0;
  let position = 0;
  for await (const chunk of pcmChunks(job.input, VOICE_SAMPLE_RATE, job.signal)) {
    const chunkEnd = position + chunk.length;
    while (next < segments.length && sampleOf(segments[next]!.start) < chunkEnd) {
      const from = sampleOf(segments[next]!.start);
      const to = Math.min(sampleOf(segments[next]!.end), from + LONGEST_SECONDS * VOICE_SAMPLE_RATE);
      open.set(next, { from, to, samples: new Float32Array(Math.max(0, to - from)) });
      next += 1;
    }
    for (const [index, segment] of open) {
      const start = Math.max(segment.from, position);
      const end = Math.min(segment.to, chunkEnd);
      if (end > start) segment.samples.set(chunk.subarray(start - position, end - position), start - segment.from);
      if (segment.to <= chunkEnd) {
        open.delete(index);
        await send(index, segment.samples);
      }
    }
    position = chunkEnd;
    job.onProgress?.(Math.min(1, position / total));
    if (next >= segments.length && open.size === 0) break; // the rest of the recording holds no segment
  }
  // Segments that run past the recording's end: what there is of them.
  for (const [index, segment] of open) await send(index, segment.samples.subarray(0, Math.max(0, Math.min(segment.samples.length, position - segment.from))));
}
