// Proposes segment boundaries from the pauses in a recording: Silero VAD (model shipped in
// resources/models, MIT) run by sherpa-onnx on a streaming 16 kHz decode. Each decoded chunk is
// handled as it arrives, so the main process keeps answering the window while this runs.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { MediaInput } from '../storage/file-store';
import { decodeToPcm } from './ffmpeg';

export type SpeechSpan = { start: number; end: number };

export const SAMPLE_RATE = 16_000;
export const WINDOW = 512; // what Silero expects at 16 kHz

export type SherpaVad = {
  acceptWaveform(samples: Float32Array): void;
  isEmpty(): boolean;
  front(enableExternalBuffer?: boolean): { start: number; samples: Float32Array };
  pop(): void;
  flush(): void;
};

export function createVad(modelPath: string): SherpaVad {
  const require = createRequire(__filename);
  const sherpa = require('sherpa-onnx-node') as { Vad: new (config: object, bufferSeconds: number) => SherpaVad };
  return new sherpa.Vad(
    {
      sileroVad: { model: modelPath, threshold: 0.5, minSilenceDuration: 0.5, minSpeechDuration: 0.25, windowSize: WINDOW, maxSpeechDuration: 30 },
      sampleRate: SAMPLE_RATE,
      numThreads: 1,
      debug: false,
    },
    60,
  );
}

/** Gives the VAD every whole 512-sample window of `pending` + `samples`; returns what is left over. */
export function feedVad(vad: SherpaVad, pending: Float32Array, samples: Float32Array): Float32Array {
  const all = new Float32Array(pending.length + samples.length);
  all.set(pending);
  all.set(samples, pending.length);
  let offset = 0;
  for (; offset + WINDOW <= all.length; offset += WINDOW) vad.acceptWaveform(all.subarray(offset, offset + WINDOW));
  return all.slice(offset);
}

export async function detectSpeech(options: {
  recording: MediaInput;
  resourcesDir: string;
  expectedSeconds: number;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<SpeechSpan[]> {
  const vad = createVad(join(options.resourcesDir, 'models', 'silero_vad.onnx'));
  const spans: SpeechSpan[] = [];
  const collect = () => {
    while (!vad.isEmpty()) {
      const segment = vad.front(false);
      spans.push({ start: segment.start / SAMPLE_RATE, end: (segment.start + segment.samples.length) / SAMPLE_RATE });
      vad.pop();
    }
  };
  let pending: Float32Array = new Float32Array(0);
  let seen = 0;
  let reported = 0;
  const result = await decodeToPcm(
    options.recording,
    SAMPLE_RATE,
    (samples) => {
      pending = feedVad(vad, pending, samples);
      collect();
      seen += samples.length;
      const fraction = Math.min(1, seen / SAMPLE_RATE / Math.max(1, options.expectedSeconds));
      if (fraction - reported >= 0.01) {
        reported = fraction;
        options.onProgress(fraction);
      }
    },
    options.signal,
  );
  if (options.signal?.aborted) throw new DOMException('Voice detection was cancelled.', 'AbortError');
  if (result.code !== 0) throw new Error('the recording could not be decoded');
  vad.flush();
  collect();
  return spans.map((span) => ({ start: Math.round(span.start * 1000) / 1000, end: Math.round(span.end * 1000) / 1000 }));
}

/**
 * How well proposed spans find the true pauses: the share of true boundaries (every start and
 * end) that have a proposed boundary within `tolerance` seconds.
 */
export function boundaryAgreement(proposed: SpeechSpan[], truth: SpeechSpan[], tolerance = 0.3): { matched: number; total: number; worst: number } {
  const proposedEdges = proposed.flatMap((span) => [span.start, span.end]);
  let matched = 0;
  let worst = 0;
  const edges = truth.flatMap((span) => [span.start, span.end]);
  for (const edge of edges) {
    const nearest = Math.min(...proposedEdges.map((candidate) => Math.abs(candidate - edge)));
    worst = Math.max(worst, nearest);
    if (nearest <= tolerance) matched += 1;
  }
  return { matched, total: edges.length, worst };
}
