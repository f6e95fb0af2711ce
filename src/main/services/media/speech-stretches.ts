// Where a recording has speech (Silero voice detection), kept beside its peaks so it is found
// once per recording: "Propose segments from pauses" proposes these stretches, and the status
// counts transcription done when each of them has text. Encrypted like the peaks in an
// encrypted library (written through the store).
import { join } from 'node:path';
import type { Interview, Recording } from '../../../shared/interview';
import { withStatusFollowingWork } from '../../../shared/workflow-status';
import { mediaFolder } from '../data-paths';
import type { FileStore } from '../storage/file-store';
import { detectSpeech, type SpeechSpan } from './voice-activity';

export const speechFileName = (recordingFileName: string) => `${recordingFileName}.speech.json`;

type Cached = { version: 1; spans: SpeechSpan[] };

const isSpan = (value: unknown): value is SpeechSpan =>
  typeof value === 'object' && value !== null && Number.isFinite((value as SpeechSpan).start) && Number.isFinite((value as SpeechSpan).end);

/** The stretches found before, or null when they were not (or the cache is damaged: found again). */
export async function cachedSpeech(dataDir: string, interviewId: string, recording: Recording, store: FileStore): Promise<SpeechSpan[] | null> {
  const text = await store.readText(join(mediaFolder(dataDir, interviewId), speechFileName(recording.fileName))).catch(() => null);
  if (!text) return null;
  try {
    const cached = JSON.parse(text) as Cached;
    return cached.version === 1 && Array.isArray(cached.spans) && cached.spans.every(isSpan) ? cached.spans : null;
  } catch {
    return null;
  }
}

/** The recording's stretches of speech: from the cache, or found now (and cached). */
export async function recordingSpeech(options: {
  dataDir: string;
  interviewId: string;
  recording: Recording;
  store: FileStore;
  resourcesDir: string;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<SpeechSpan[]> {
  const { dataDir, interviewId, recording, store } = options;
  const cached = await cachedSpeech(dataDir, interviewId, recording, store);
  if (cached) return cached;
  const folder = mediaFolder(dataDir, interviewId);
  const spans = await detectSpeech({
    recording: await store.mediaInput(join(folder, recording.fileName)),
    resourcesDir: options.resourcesDir,
    expectedSeconds: recording.durationSeconds ?? 1,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const cache: Cached = { version: 1, spans };
  await store.writeText(join(folder, speechFileName(recording.fileName)), JSON.stringify(cache));
  return spans;
}

/** The interview with its status following the work, judged by its recording's speech where already found. */
export async function withStatusByKnownSpeech(dataDir: string, interview: Interview, store: FileStore): Promise<Interview> {
  const speech = interview.recording ? await cachedSpeech(dataDir, interview.id, interview.recording, store) : null;
  return withStatusFollowingWork(interview, speech);
}
