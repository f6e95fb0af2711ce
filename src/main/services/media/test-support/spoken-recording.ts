// Recordings built from known pieces for tests: espeak-ng speaks each piece (in the voice asked
// for), the pieces are laid end to end with pauses between, and where each piece lies is known to
// the sample.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pcmChunks } from '../ffmpeg';

export const hasEspeak = spawnSync('espeak-ng', ['--version']).status === 0;

/** Mono float samples of a file, at `rate`. */
export async function decoded(path: string, rate: number): Promise<Float32Array> {
  const chunks: Float32Array[] = [];
  for await (const chunk of pcmChunks(path, rate)) chunks.push(chunk);
  const all = new Float32Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** What espeak-ng says in `voice` (e.g. en+m3, en+f4), as mono float samples at `rate`. */
export async function spoken(text: string, voice: string, folder: string, rate: number): Promise<Float32Array> {
  const wav = join(folder, `${Math.random().toString(36).slice(2)}.wav`);
  execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', wav, text]);
  return decoded(wav, rate);
}

/** A 16-bit mono WAV of the samples. */
export function wavBytes(samples: Float32Array, rate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, index) => data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(sample * 32767))), index * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Pieces laid end to end in a WAV at `path`; returns where each starts and ends (seconds) and the samples. */
export async function laidEndToEnd(pieces: Float32Array[], rate: number, path: string): Promise<{ samples: Float32Array; spans: { start: number; end: number }[] }> {
  const spans: { start: number; end: number }[] = [];
  let length = 0;
  for (const piece of pieces) {
    spans.push({ start: length / rate, end: (length + piece.length) / rate });
    length += piece.length;
  }
  const samples = new Float32Array(length);
  pieces.forEach((piece, index) => samples.set(piece, Math.round(spans[index]!.start * rate)));
  await writeFile(path, wavBytes(samples, rate));
  return { samples, spans };
}
