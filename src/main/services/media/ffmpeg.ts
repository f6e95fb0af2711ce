// The ffmpeg shipped inside @ffmpeg-installer's platform package (a binary in the npm package,
// nothing downloaded). It decodes every recording format the app accepts, as a stream.
import { spawn, type ChildProcess } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import type { MediaInput } from '../storage/file-store';
import { createRequire } from 'node:module';

let cachedPath: string | null = null;

export function ffmpegPath(): string {
  if (!cachedPath) {
    const require = createRequire(__filename);
    const path = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    // In a packaged app the binary lives beside the archive, not inside it.
    cachedPath = path.replace('app.asar', 'app.asar.unpacked');
  }
  return cachedPath;
}

/** `-i` for an input, and how to feed it: a decrypted recording arrives on stdin. */
export function inputArguments(input: MediaInput): { args: string[]; stdin: 'ignore' | 'pipe'; feed(child: ChildProcess): void } {
  if (typeof input === 'string') return { args: ['-i', input], stdin: 'ignore', feed: () => undefined };
  return {
    args: ['-i', 'pipe:0'],
    stdin: 'pipe',
    // ffmpeg may stop reading early (a probe, an error): a closed stdin is no failure of ours.
    feed: (child) => void pipeline(input.stream(), child.stdin!).catch(() => undefined),
  };
}

/** Runs ffmpeg on an input to completion, collecting stderr (where it reports streams and errors). */
export function runFfmpeg(input: MediaInput, args: string[], signal?: AbortSignal): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const source = inputArguments(input);
    const child = spawn(ffmpegPath(), ['-hide_banner', '-nostdin', ...source.args, ...args], { stdio: [source.stdin, 'ignore', 'pipe'], signal });
    source.feed(child);
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      if (stderr.length < 200_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** ffmpeg decoding an input to mono 32-bit float PCM at `sampleRate` on its stdout. */
function spawnPcmDecoder(input: MediaInput, sampleRate: number, signal?: AbortSignal): ChildProcess {
  const source = inputArguments(input);
  const child = spawn(
    ffmpegPath(),
    ['-hide_banner', '-nostdin', '-v', 'error', ...source.args, '-vn', '-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', 'pipe:1'],
    { stdio: [source.stdin, 'pipe', 'pipe'], signal },
  );
  source.feed(child);
  return child;
}

/**
 * Decodes a recording to mono 32-bit float PCM at `sampleRate`, handing each chunk to `onSamples`
 * as it arrives: memory stays flat however long the recording is.
 */
export function decodeToPcm(
  input: MediaInput,
  sampleRate: number,
  onSamples: (samples: Float32Array) => void,
  signal?: AbortSignal,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnPcmDecoder(input, sampleRate, signal);
    let stderr = '';
    let carry: Buffer = Buffer.alloc(0);
    child.stdout!.on('data', (chunk: Buffer) => {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const usable = bytes.length - (bytes.length % 4);
      carry = bytes.subarray(usable);
      if (usable > 0) {
        const aligned = new Float32Array(usable / 4);
        Buffer.from(aligned.buffer).set(bytes.subarray(0, usable));
        onSamples(aligned);
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      if (stderr.length < 50_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * The same decode as a pull stream: the next chunk is read only when the caller asks, so a slow
 * consumer (speech recognition) holds ffmpeg back instead of piling three hours of PCM in memory.
 * Throws when the recording cannot be decoded; stops ffmpeg when the caller stops early.
 */
export async function* pcmChunks(input: MediaInput, sampleRate: number, signal?: AbortSignal): AsyncGenerator<Float32Array> {
  const child = spawnPcmDecoder(input, sampleRate, signal);
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  child.once('error', () => undefined);
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of child.stdout! as AsyncIterable<Buffer>) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const usable = bytes.length - (bytes.length % 4);
      carry = bytes.subarray(usable);
      if (usable === 0) continue;
      const samples = new Float32Array(usable / 4);
      Buffer.from(samples.buffer).set(bytes.subarray(0, usable));
      yield samples;
    }
    const code = await exited;
    if (signal?.aborted) throw new DOMException('Decoding was cancelled.', 'AbortError');
    if (code !== 0) throw new Error('the recording could not be decoded');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
