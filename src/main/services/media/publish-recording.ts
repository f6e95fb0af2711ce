// The recording as it may be published: every stretch where a listed name is spoken (and every
// withdrawn passage) silenced or covered by a tone, the voice optionally disguised (pitch and
// formants shifted together by ffmpeg's filters), encoded to Ogg Opus or MP3. One
// ffmpeg decodes (the library's recording, decrypted on the way in when encrypted) to PCM, this
// module covers the stretches sample by sample, a second ffmpeg encodes; the encoded bytes come
// out as a stream for the gate to write. Nothing plain is written anywhere but the target, and
// memory stays flat however long the recording is.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { MediaInput } from '../storage/file-store';
import { ffmpegPath, inputArguments } from './ffmpeg';

/**
 * Speech published at 24 kHz (Opus's "super-wideband": everything a voice carries) keeps a
 * three-hour encode within two minutes on two cores; 48 kHz doubles the encoder's work for
 * nothing a listener to an interview hears.
 */
export const PUBLISHED_SAMPLE_RATE = 24_000;

export type PublishedRecordingOptions = {
  /** What replaces a name: silence, or a 1 kHz tone a listener knows for a cut. */
  cover: 'silence' | 'tone';
  /** Voice disguise, in semitones (0: the voice as it is). */
  pitchSemitones: number;
  container: 'ogg' | 'mp3';
  /** The original's length: the published one is cut to it. */
  durationSeconds?: number | null;
  /** Only this part (a preview to listen to in the app): seconds from the start, and how long. */
  excerpt?: { from: number; seconds: number };
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

/** atempo takes 0.5–2 per filter: a factor outside that is a chain of them. */
function tempoChain(factor: number): string {
  const steps: number[] = [];
  let rest = factor;
  while (rest < 0.5) [steps[steps.length], rest] = [0.5, rest / 0.5];
  while (rest > 2) [steps[steps.length], rest] = [2, rest / 2];
  return [...steps, rest].map((step) => `atempo=${step.toFixed(5)}`).join(',');
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
  // The disguise plays the voice faster (pitch and formants rise together, as a resampled voice
  // does) and stretches it back to its own tempo: ffmpeg's asetrate and atempo. Rubberband does
  // the same with finer sound but took 1.3 s per minute of speech here, over the two-minute goal.
  const ratio = Math.pow(2, options.pitchSemitones / 12);
  const disguise = options.pitchSemitones !== 0 ? ['-af', `asetrate=${Math.round(PUBLISHED_SAMPLE_RATE * ratio)},aresample=${PUBLISHED_SAMPLE_RATE},${tempoChain(1 / ratio)}`] : [];
  // An excerpt starts the decode at its time; the stretches are moved to the excerpt's clock.
  const excerpt = options.excerpt;
  const seek = excerpt ? ['-ss', excerpt.from.toFixed(3), '-t', excerpt.seconds.toFixed(3)] : [];
  const covered = excerpt ? stretches.map((stretch) => ({ start: stretch.start - excerpt.from, end: stretch.end - excerpt.from })) : stretches;
  const decoder = spawnQuiet([...source.args, ...seek, '-vn', '-ac', '1', '-ar', String(PUBLISHED_SAMPLE_RATE), '-f', 'f32le', 'pipe:1'], source.stdin, signal);
  source.feed(decoder);
  // Encoder effort chosen by measurement (ten minutes of speech): Opus at its default effort 10
  // took 23 s, at 4 about 4 s; LAME at 7 about 3 s — audibly the same for speech at these rates.
  const encoding = options.container === 'ogg' ? ['-c:a', 'libopus', '-b:a', '48k', '-compression_level', '4', '-f', 'ogg'] : ['-c:a', 'libmp3lame', '-b:a', '64k', '-compression_level', '7', '-f', 'mp3'];
  // The disguise comes after the names are covered, so whatever the filter smears in time, it has
  // no name left to smear.
  const lengthSeconds = excerpt?.seconds ?? options.durationSeconds;
  const length = lengthSeconds ? ['-t', lengthSeconds.toFixed(3)] : [];
  const encoder = spawnQuiet(['-f', 'f32le', '-ar', String(PUBLISHED_SAMPLE_RATE), '-ac', '1', '-i', 'pipe:0', ...disguise, ...encoding, ...length, 'pipe:1'], 'pipe', signal);

  // PCM flows decoder → cover → encoder while the encoded bytes are handed out below. The encoder
  // may finish first (-t reached: the disguise's tail, a recording longer than it said): from then
  // on nothing more is written and the decoder is stopped; that is the end, not a failure.
  let encoderTookAll = false;
  encoder.stdin!.on('error', () => undefined); // EPIPE once the encoder is done: handled by the flag below
  const stdinClosed = new Promise<void>((resolve) => {
    encoder.stdin!.once('close', resolve);
    encoder.stdin!.once('error', resolve);
  }).then(() => void (encoderTookAll = true));
  const pumped = (async () => {
    let sample = 0;
    let carry = Buffer.alloc(0);
    const write = async (samples: Float32Array) => {
      if (encoderTookAll) return;
      coverStretches(samples, sample, covered, options.cover);
      sample += samples.length;
      if (!encoder.stdin!.write(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength))) {
        await Promise.race([once(encoder.stdin!, 'drain').catch(() => undefined), stdinClosed]);
      }
    };
    for await (const chunk of decoder.stdout! as AsyncIterable<Buffer>) {
      if (encoderTookAll) break;
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const usable = bytes.length - (bytes.length % 4);
      carry = Buffer.from(bytes.subarray(usable));
      if (usable === 0) continue;
      const samples = new Float32Array(usable / 4);
      Buffer.from(samples.buffer).set(bytes.subarray(0, usable));
      await write(samples);
    }
    if (encoderTookAll) {
      decoder.kill('SIGKILL');
      return;
    }
    // The tempo filter holds back its last fraction of a second: half a second of silence after
    // the end lets it out, and -t cuts the file back to the original's length.
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
