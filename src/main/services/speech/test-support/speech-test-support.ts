// Shared by the speech tests and benchmarks: generated models, a recording with a long
// silence in it, and the built worker (the test command builds before it runs the unit tests).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ffmpegPath } from '../../media/ffmpeg';
import { TINY_MULTILINGUAL, writeRandomWhisperModel, type RandomModelShape } from './random-whisper-model';

export const projectRoot = resolve(__dirname, '../../../../..');
export const resourcesDir = join(projectRoot, 'resources');
export const sampleRecording = join(resourcesDir, 'sample/recording.ogg');
export const vadModelPath = join(resourcesDir, 'models/silero_vad.onnx');

/** The worker as the app runs it: out/main/speech-worker.js from `npm run build`. */
export function builtWorkerEntry(): string {
  const entry = join(projectRoot, 'out/main/speech-worker.js');
  if (!existsSync(entry)) throw new Error('out/main/speech-worker.js is missing: run `npm run build` first (npm test does).');
  return entry;
}

export async function makeModel(directory: string, name: string, shape: Partial<RandomModelShape> = {}): Promise<string> {
  const path = join(directory, name);
  await writeRandomWhisperModel(path, { ...TINY_MULTILINGUAL, ...shape });
  return path;
}

/** The sample with `silenceSeconds` of digital silence inserted at `at` seconds (an 8 kHz-safe WAV). */
export async function recordingWithSilence(directory: string, at: number, silenceSeconds: number): Promise<string> {
  const output = join(directory, 'with-silence.wav');
  await promisify(execFile)(ffmpegPath(), [
    '-v', 'error', '-y', '-i', sampleRecording,
    '-filter_complex',
    `[0:a]aresample=16000,aformat=channel_layouts=mono,asplit=2[x][y];[x]atrim=0:${at},asetpts=N/SR/TB[a];` +
      `anullsrc=r=16000:cl=mono,atrim=0:${silenceSeconds}[s];[y]atrim=${at},asetpts=N/SR/TB[b];[a][s][b]concat=n=3:v=0:a=1[out]`,
    '-map', '[out]', output,
  ]);
  return output;
}
