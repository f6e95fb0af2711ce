// The recording as it may be published: every stretch where a listed name is spoken (and every
// withdrawn passage) silenced or covered by a tone, the voice optionally disguised (pitch and
// formants shifted together by ffmpeg's rubberband filter), encoded to Ogg Opus or MP3. One
// ffmpeg decodes (the library's recording, decrypted on the way in when encrypted) to PCM, this
// module covers the stretches sample by sample, a second ffmpeg encodes; the encoded bytes come
// out as a stream for the gate to write. Nothing plain is written anywhere but the target, and
// memory stays flat however long the recording is.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { MediaInput } from '../storage/file-store';
import { ffmpegPath, inputArguments } from './ffmpeg';

export const PUBLISHED_SAMPLE_RATE = 48_000;

export type PublishedRecordingOptions = {
  /** What replaces a name: silence, or a 1 kHz tone a listener knows for a cut. */
  cover: 'silence' | 'tone';
  /** Voice disguise, in semitones (0: the voice as it is). */
  pitchSemitones: number;
  container: 'ogg' | 'mp3';
  /** The original's length: the published one is cut to it. */
  durationSeconds?: number | null;
};

/** The container a file name asks for, or null for one this export does not write. */
export function containerFor(fileName: string): PublishedRecordingOptions['container'] | null {
  const extension = fileName.toLowerCase().split('.').at(-1);
  return extension === 'ogg' || extension === 'opus' ? 'ogg' : extension === 'mp3' ? 'mp3' : null;
}

const TONE_HZ = 1000;
const TONE_LEVEL = 0.1;

/** Covers the samples of `chunk` (starting at sample `first`) that fall inside any stretch. */
export function coverStretches(chunk: Float32Array, first: number, stretches: readonly { start: number; end: number }[], cover: PublishedRecordingOptions['cover']): void {
  const last = first + chunk.length;
  for (const stretch of stretches) {
    const from = Math.max(first, Math.floor(stretch.start * PUBLISHED_SAMPLE_RATE));
    const to = Math.min(last, Math.ceil(stretch.end * PUBLISHED_SAMPLE_RATE));
    if (from >= to) continue;
    if (cover === 'silence') chunk.fill(0, from - first, to - first);
    else for (let sample = from; sample < to; sample += 1) chunk[sample - first] = TONE_LEVEL * Math.sin((2 * Math.PI * TONE_HZ * sample) / PUBLISHED_SAMPLE_RATE);
  }
}

function spawnQuiet(args: string[], stdin: 'pipe' | 'ignore', signal?: AbortSignal): ChildProcess {
  const child = spawn(ffmpegPath(), ['-hide_banner', '-nostdin', '-v', 'error', ...args], { stdio: [stdin, 'pipe', 'pipe'], signal });
  child.stderr!.resume(); // read and dropped: ffmpeg's messages may quote file names
  child.once('error', () => undefined);
  return child;
}

const exitOf = (child: ChildProcess): Promise<number | null> => (child.exitCode !== null ? Promise.resolve(child.exitCode) : once(child, 'close').then(([code]) => code as number | null));

/**
 * The published recording's bytes, as they are encoded. Stretches are seconds from the start;
 * they must be in time order (silencedStretches gives them so).
 */
export async function* publishedRecording(input: MediaInput, stretches: readonly { start: number; end: number }[], options: PublishedRecordingOptions, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const source = inputArguments(input);
  const disguise = options.pitchSemitones !== 0 ? ['-af', `rubberband=pitch=${Math.pow(2, options.pitchSemitones / 12).toFixed(5)}:formant=shifted`] : [];
  const decoder = spawnQuiet([...source.args, '-vn', '-ac', '1', '-ar', String(PUBLISHED_SAMPLE_RATE), '-f', 'f32le', 'pipe:1'], source.stdin, signal);
  source.feed(decoder);
  const encoding = options.container === 'ogg' ? ['-c:a', 'libopus', '-b:a', '64k', '-f', 'ogg'] : ['-c:a', 'libmp3lame', '-b:a', '96k', '-f', 'mp3'];
  // The disguise comes after the names are covered, so whatever the filter smears in time, it has
  // no name left to smear.
  const length = options.durationSeconds ? ['-t', options.durationSeconds.toFixed(3)] : [];
  const encoder = spawnQuiet(['-f', 'f32le', '-ar', String(PUBLISHED_SAMPLE_RATE), '-ac', '1', '-i', 'pipe:0', ...disguise, ...encoding, ...length, 'pipe:1'], 'pipe', signal);
  encoder.stdin!.on('error', () => undefined); // EPIPE once the encoder is gone: its exit code says what happened

  // PCM flows decoder → cover → encoder while the encoded bytes are handed out below.
  const pumped = (async () => {
    let sample = 0;
    let carry = Buffer.alloc(0);
    const write = async (samples: Float32Array) => {
      coverStretches(samples, sample, stretches, options.cover);
      sample += samples.length;
      // An encoder that died (killed when the export stops) closes its stdin: no drain comes then.
      if (!encoder.stdin!.write(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength))) await Promise.race([once(encoder.stdin!, 'drain'), once(encoder.stdin!, 'close')]);
    };
    for await (const chunk of decoder.stdout! as AsyncIterable<Buffer>) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const usable = bytes.length - (bytes.length % 4);
      carry = Buffer.from(bytes.subarray(usable));
      if (usable === 0) continue;
      const samples = new Float32Array(usable / 4);
      Buffer.from(samples.buffer).set(bytes.subarray(0, usable));
      await write(samples);
    }
    // Rubberband holds back its last fraction of a second: half a second of silence after the
    // end lets it out, and -t cuts the file back to the original's length.
    if (disguise.length > 0) await write(new Float32Array(PUBLISHED_SAMPLE_RATE / 2));
    encoder.stdin!.end();
    if ((await exitOf(decoder)) !== 0) throw new Error('the recording could not be decoded');
  })();
  pumped.catch(() => encoder.kill('SIGKILL')); // a failed decode stops the encoder too; the error is thrown below

  try {
    for await (const chunk of encoder.stdout! as AsyncIterable<Buffer>) yield chunk;
    await pumped;
    if ((await exitOf(encoder)) !== 0) throw new Error('the published recording could not be encoded');
    if (signal?.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
  } finally {
    for (const child of [decoder, encoder]) if (child.exitCode === null) child.kill('SIGKILL');
    await pumped.catch(() => undefined);
  }
}
