// The long recordings several benchmarks share, made once with ffmpeg from the sample and kept in
// node_modules/.cache, outside the per-run temp folder that tests and benchmarks clean up after
// themselves.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ffmpegPath } from '../src/main/services/media/ffmpeg';

export const benchMediaFolder = resolve(__dirname, '../node_modules/.cache/testimony-bench-media');

/** The sample (124.8 s of speech) looped `loops` more times, as mono 64 kbit/s MP3, made once. */
function loopedSample(name: string, loops: number): string {
  const path = join(benchMediaFolder, name);
  if (!existsSync(path)) {
    mkdirSync(benchMediaFolder, { recursive: true });
    const sample = resolve(__dirname, '../resources/sample/recording.ogg');
    execFileSync(ffmpegPath(), ['-hide_banner', '-y', '-stream_loop', String(loops), '-i', sample, '-ac', '1', '-b:a', '64k', '-c:a', 'libmp3lame', path]);
  }
  return path;
}

/** 87 × 124.8 s ≈ 3 h 1 min (83 MiB). */
export const threeHourRecording = (): string => loopedSample('three-hours.mp3', 86);

/** 5 × 124.8 s ≈ 10 min. */
export const tenMinuteRecording = (): string => loopedSample('ten-minutes.mp3', 4);
