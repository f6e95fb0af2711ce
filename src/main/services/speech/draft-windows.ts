// Cuts a recording into the windows a draft sends to the engine. Silero finds the speech; speech
// separated by ordinary pauses travels together in one window (the engine reads it in its own
// 30-second steps, exactly as it would read the bare recording), while silences of two seconds or
// more are never sent at all, so the model cannot invent text over them. The first window is
// short so the first proposals come quickly; later ones are up to five minutes. The decode is
// pulled chunk by chunk, so at most one window and half a minute more of PCM are held, however
// long the recording.
import type { TimeSpan } from '../../../shared/speech';
import { intersectSpans } from '../../../shared/speech';
import { createVad, feedVad, SAMPLE_RATE } from '../media/voice-activity';

/** The first window: one of Whisper's 30-second steps, so proposals start arriving at once. */
const FIRST_WINDOW_SECONDS = 28;
/** Later windows: long enough that window edges cost nothing, short enough to hold in memory. */
const MAX_WINDOW_SECONDS = 300;
/** A pause this long ends a window: no audio from inside it reaches the engine. */
const SILENCE_SECONDS = 2;
/** whisper.cpp ignores input under 1 s; shorter speech is padded with silence. */
const MIN_ENGINE_SECONDS = 1.1;
/** The longest utterance the VAD reports (its maxSpeechDuration) plus its padding. */
const VAD_LAG_SECONDS = 35;

export type DraftWindow = {
  /** Where the audio sits on the recording's clock. */
  span: TimeSpan;
  samples: Float32Array;
  /** How far the decode had got when this window was cut (seconds), for progress. */
  decodedSeconds: number;
};

/** Keeps the most recent decoded chunks, addressable by absolute sample index. */
class SampleWindow {
  private chunks: { first: number; samples: Float32Array }[] = [];
  endIndex = 0;

  append(samples: Float32Array): void {
    this.chunks.push({ first: this.endIndex, samples });
    this.endIndex += samples.length;
  }

  slice(fromIndex: number, toIndex: number): Float32Array {
    const out = new Float32Array(Math.max(0, toIndex - fromIndex));
    for (const chunk of this.chunks) {
      const from = Math.max(fromIndex, chunk.first);
      const to = Math.min(toIndex, chunk.first + chunk.samples.length);
      if (to > from) out.set(chunk.samples.subarray(from - chunk.first, to - chunk.first), from - fromIndex);
    }
    return out;
  }

  /** Forgets the chunks that end before `index`. */
  dropBefore(index: number): void {
    for (let first = this.chunks[0]; first && first.first + first.samples.length <= index; first = this.chunks[0]) this.chunks.shift();
  }
}

/** The windows of speech inside `wanted`, in order. */
export async function* draftWindows(chunks: AsyncIterable<Float32Array>, vadModelPath: string, wanted: readonly TimeSpan[]): AsyncGenerator<DraftWindow> {
  const vad = createVad(vadModelPath);
  const audio = new SampleWindow();
  let pending: Float32Array = new Float32Array(0);
  let group: TimeSpan | null = null;
  let windowsCut = 0;
  const limit = () => (windowsCut === 0 ? FIRST_WINDOW_SECONDS : MAX_WINDOW_SECONDS);
  const cut = (span: TimeSpan): DraftWindow[] => {
    windowsCut += 1;
    return intersectSpans(span, wanted).map((part) => {
      const samples = audio.slice(Math.round(part.start * SAMPLE_RATE), Math.round(part.end * SAMPLE_RATE));
      return { span: part, samples, decodedSeconds: audio.endIndex / SAMPLE_RATE };
    });
  };
  /** Speech found by the VAD, joined into windows; returns the windows that are complete. */
  const take = (speech: TimeSpan): DraftWindow[] => {
    if (group && speech.start - group.end < SILENCE_SECONDS && speech.end - group.start <= limit()) {
      group.end = speech.end;
      return [];
    }
    const done = group ? cut(group) : [];
    group = { ...speech };
    return done;
  };
  const collect = (): DraftWindow[] => {
    const done: DraftWindow[] = [];
    while (!vad.isEmpty()) {
      const segment = vad.front(false);
      done.push(...take({ start: segment.start / SAMPLE_RATE, end: (segment.start + segment.samples.length) / SAMPLE_RATE }));
      vad.pop();
    }
    return done;
  };
  for await (const chunk of chunks) {
    audio.append(chunk);
    pending = feedVad(vad, pending, chunk);
    for (const window of collect()) yield window;
    const now = audio.endIndex / SAMPLE_RATE;
    // Speech the VAD has not reported yet began at most one utterance ago: once even that could
    // not join the group (too far after it, or too long with it), the group is complete.
    const open = group as TimeSpan | null;
    if (open && (now - VAD_LAG_SECONDS > open.end + SILENCE_SECONDS || now - 1 > open.start + limit())) {
      for (const window of cut(open)) yield window;
      group = null;
    }
    // Keep the open group and what the VAD may still report (one utterance of at most 30 s).
    const keepFrom = Math.min((group as TimeSpan | null)?.start ?? Number.POSITIVE_INFINITY, now - VAD_LAG_SECONDS);
    audio.dropBefore(Math.floor(keepFrom * SAMPLE_RATE));
  }
  vad.flush();
  for (const window of collect()) yield window;
  if (group) for (const window of cut(group)) yield window;
}

/** What the engine is given: 16-bit PCM, at least a second long. */
export function engineInput(samples: Float32Array): Int16Array {
  const length = Math.max(samples.length, Math.ceil(MIN_ENGINE_SECONDS * SAMPLE_RATE));
  const pcm = new Int16Array(length);
  samples.forEach((sample, i) => {
    pcm[i] = Math.max(-32768, Math.min(32767, Math.round(sample * 32767)));
  });
  return pcm;
}
