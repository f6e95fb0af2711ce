// What a file is, as ffmpeg reads its header: duration and the audio stream's codec.
import { runFfmpeg } from './ffmpeg';

export type MediaProbe = { durationSeconds: number; codec: string; container: string };

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
  if (!duration || !audio) return null;
  const seconds = Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]);
  return { durationSeconds: seconds, codec: audio[1]!, container: container?.[1] ?? 'unknown' };
}

export async function probeMedia(path: string): Promise<MediaProbe> {
  const { stderr } = await runFfmpeg(['-i', path]);
  const probe = parseProbe(stderr);
  if (!probe) throw new MediaRefused('This file is not a recording the app can play: no audio was found in it.');
  if (!(probe.durationSeconds > 0)) throw new MediaRefused('This recording has no length: it may be empty or cut short.');
  return probe;
}
