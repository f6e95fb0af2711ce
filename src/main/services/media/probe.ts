// What a file is, as ffmpeg reads its header: duration and the audio stream's codec.
import type { MediaInput } from '../storage/file-store';
import { runFfmpeg } from './ffmpeg';

/** What the header says. A stream (a decrypted recording on stdin) may not state its length. */
export type MediaProbe = { durationSeconds: number | null; codec: string; container: string };

export class MediaRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaRefused';
  }
}

export function parseProbe(stderr: string): MediaProbe | null {
  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  const audio = /Stream #\d+:\d+[^:]*: Audio: ([\w-]+)/.exec(stderr);
  const container = /Input #0, ([\w,-]+), from/.exec(stderr);
  if (!audio || (!duration && !/Duration: N\/A/.test(stderr))) return null;
  const seconds = duration ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]) : null;
  return { durationSeconds: seconds, codec: audio[1]!, container: container?.[1] ?? 'unknown' };
}

export async function probeMedia(input: MediaInput): Promise<MediaProbe> {
  const { stderr } = await runFfmpeg(input, []);
  const probe = parseProbe(stderr);
  if (!probe) throw new MediaRefused('This file is not a recording the app can play: no audio was found in it.');
  if (probe.durationSeconds !== null && !(probe.durationSeconds > 0)) throw new MediaRefused('This recording has no length: it may be empty or cut short.');
  return probe;
}
