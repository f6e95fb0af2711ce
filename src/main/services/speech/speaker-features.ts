// A segment's voice as numbers: MFCCs (Meyda) of every voiced 32 ms frame, summarised as each
// coefficient's mean and spread. Coefficient 0 (loudness) is left out, so a voice is found
// whether it speaks close to the microphone or not. Runs in the speech worker process.
import Meyda from 'meyda';
import { VOICE_SAMPLE_RATE } from './worker-protocol';

const FRAME = 512;
const COEFFICIENTS = 13;
/** Frames quieter than this share of the segment's loudest are pauses, not voice. */
const VOICED_SHARE = 0.15;
const FEWEST_FRAMES = 6;

export function voiceVector(pcm: Float32Array): number[] | null {
  const frames: { rms: number; mfcc: number[] }[] = [];
  Meyda.bufferSize = FRAME;
  Meyda.sampleRate = VOICE_SAMPLE_RATE;
  Meyda.numberOfMFCCCoefficients = COEFFICIENTS;
  for (let start = 0; start + FRAME <= pcm.length; start += FRAME) {
    const features = Meyda.extract(['rms', 'mfcc'], pcm.subarray(start, start + FRAME)) as { rms: number; mfcc: number[] } | null;
    if (features && features.mfcc.every(Number.isFinite)) frames.push(features);
  }
  const loudest = Math.max(0, ...frames.map((frame) => frame.rms));
  const voiced = frames.filter((frame) => frame.rms >= loudest * VOICED_SHARE && frame.rms > 1e-4);
  if (voiced.length < FEWEST_FRAMES) return null;
  const mean = Array.from({ length: COEFFICIENTS - 1 }, (_, c) => voiced.reduce((sum, frame) => sum + frame.mfcc[c + 1]!, 0) / voiced.length);
  const spread = mean.map((average, c) => Math.sqrt(voiced.reduce((sum, frame) => sum + (frame.mfcc[c + 1]! - average) ** 2, 0) / voiced.length));
  return [...mean, ...spread];
}
