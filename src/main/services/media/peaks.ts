// Waveform peaks: min and max per bucket, computed from a streaming decode so a three-hour
// recording never sits in memory. Stored as 16-bit integers, base64 in a small JSON file.
import type { MediaInput } from '../storage/file-store';
import { decodeToPcm } from './ffmpeg';

export const PEAKS_PER_SECOND = 50;
const DECODE_RATE = 8000; // enough to find each bucket's extremes; decoding is the slow part

export type Peaks = { version: 1; peaksPerSecond: number; durationSeconds: number; data: string };

export async function computePeaks(
  input: MediaInput,
  expectedSeconds: number,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ peaks: Peaks; decodedSeconds: number; failed: string | null }> {
  const samplesPerBucket = DECODE_RATE / PEAKS_PER_SECOND;
  const buckets: number[] = [];
  let min = 0;
  let max = 0;
  let inBucket = 0;
  let decoded = 0;
  let lastReport = 0;
  const result = await decodeToPcm(
    input,
    DECODE_RATE,
    (samples) => {
      for (let index = 0; index < samples.length; index += 1) {
        const value = samples[index]!;
        if (value < min) min = value;
        if (value > max) max = value;
        if (++inBucket === samplesPerBucket) {
          buckets.push(min, max);
          min = 0;
          max = 0;
          inBucket = 0;
        }
      }
      decoded += samples.length;
      const fraction = Math.min(1, decoded / DECODE_RATE / expectedSeconds);
      if (fraction - lastReport >= 0.01) {
        lastReport = fraction;
        onProgress(fraction);
      }
    },
    signal,
  );
  if (inBucket > 0) buckets.push(min, max);
  const data = Int16Array.from(buckets, (value) => Math.round(Math.max(-1, Math.min(1, value)) * 32767));
  const decodedSeconds = decoded / DECODE_RATE;
  const failed = result.code === 0 ? null : result.stderr.trim().split('\n').at(-1) ?? 'decoding failed';
  return {
    peaks: { version: 1, peaksPerSecond: PEAKS_PER_SECOND, durationSeconds: decodedSeconds, data: Buffer.from(data.buffer).toString('base64') },
    decodedSeconds,
    failed,
  };
}

/** The min/max pairs as numbers in -1…1, for a waveform. */
export function decodePeaks(peaks: Peaks): Float32Array {
  const bytes = Buffer.from(peaks.data, 'base64');
  const ints = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  return Float32Array.from(ints, (value) => value / 32767);
}
