import { mkdir, mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../storage/file-store';
import { runFfmpeg } from './ffmpeg';
import { RecordingCutOff, importRecording, peaksFileName } from './import-recording';
import { decodePeaks, PEAKS_PER_SECOND, type Peaks } from './peaks';
import { parseProbe } from './probe';

const sample = resolve(__dirname, '../../../../resources/sample/recording.ogg');
let work: string;
let dataDir: string;
const interviewId = 'int-media';
const progress: string[] = [];
const options = (sourcePath: string) => ({ dataDir, interviewId, sourcePath, onProgress: (phase: string) => progress.push(phase), store: new FileStore(null) });
const mediaFiles = () => readdir(join(dataDir, 'interviews', interviewId, 'media'));

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'media-'));
  dataDir = join(work, 'library');
  await mkdir(join(dataDir, 'interviews', interviewId, 'media'), { recursive: true });
});

describe('importing a recording', () => {
  it('copies the sample in, reports progress, and caches peaks that match its length', async () => {
    const recording = await importRecording(options(sample));
    expect(recording).toMatchObject({ fileName: 'recording.ogg', mimeType: 'audio/ogg' });
    expect(recording.durationSeconds).toBeCloseTo(124.78, 0);
    expect(progress).toContain('copying');
    expect(progress).toContain('analysing');
    expect(await mediaFiles()).toEqual(['recording.ogg', 'recording.ogg.peaks.json']);
    const peaks = JSON.parse(await readFile(join(dataDir, 'interviews', interviewId, 'media', peaksFileName('recording.ogg')), 'utf8')) as Peaks;
    const values = decodePeaks(peaks);
    expect(values.length / 2).toBeCloseTo(124.78 * PEAKS_PER_SECOND, -1);
    expect(Math.max(...values)).toBeGreaterThan(0.1); // there is speech in it
  });

  it('imports audio from other formats too (wav, mp3, m4a, flac) via the same decoder', async () => {
    for (const [extension, codec] of [['wav', 'pcm_s16le'], ['mp3', 'libmp3lame'], ['m4a', 'aac'], ['flac', 'flac']]) {
      const file = join(work, `clip.${extension}`);
      await runFfmpeg(sample, ['-y', '-t', '6', '-c:a', codec!, file]);
      const recording = await importRecording(options(file));
      expect(recording.durationSeconds, extension).toBeCloseTo(6, 0);
    }
  });

  it.each([
    ['an empty file', 'empty.mp3', '', /empty/],
    ['text with an audio name', 'notes.mp3', 'these are my notes, not a recording', /no audio/],
    ['a format it does not take', 'slides.pdf', '%PDF-1.4', /not recordings the app can import/],
  ])('refuses %s with a clear message and leaves nothing behind', async (_name, fileName, content, message) => {
    const before = await mediaFiles();
    const file = join(work, fileName);
    await writeFile(file, content);
    await expect(importRecording(options(file))).rejects.toThrow(message);
    expect(await mediaFiles()).toEqual(before);
  });

  it('refuses a recording cut short (its header promises more than is there)', async () => {
    const before = await mediaFiles();
    const file = join(work, 'cut.wav');
    await runFfmpeg(sample, ['-y', '-t', '20', file]);
    await truncate(file, 200_000);
    await expect(importRecording(options(file))).rejects.toThrow(/cut short/);
    expect(await mediaFiles()).toEqual(before);
    const copy = join(work, 'copy.m4a');
    await runFfmpeg(sample, ['-y', '-t', '20', '-c:a', 'aac', copy]);
    await truncate(copy, 20_000);
    await expect(importRecording(options(copy))).rejects.toThrow(/recording/);
    expect(await mediaFiles()).toEqual(before);
    // FLAC says how many samples it holds: decoding fewer is caught after the copy.
    const flac = join(work, 'cut.flac');
    await runFfmpeg(sample, ['-y', '-t', '60', flac]);
    const { size } = await (await import('node:fs/promises')).stat(flac);
    await truncate(flac, Math.floor(size / 3));
    await expect(importRecording(options(flac))).rejects.toThrow(/This recording seems cut off at 00:00:\d\d of 00:01:00: the rest of the file is missing\. Import the 00:00:\d\d that is there\?/);
    expect(await mediaFiles()).toEqual(before);
  });

  it('asks about an Ogg recording cut short (nothing in it says so but its last page), and keeps what is there when told to', async () => {
    const before = await mediaFiles();
    const bytes = await (await import('node:fs/promises')).readFile(sample);
    const cut = join(work, 'cut-short.ogg');
    await (await import('node:fs/promises')).writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.26)));
    const asked = await importRecording(options(cut)).catch((error: unknown) => error);
    expect(asked).toBeInstanceOf(RecordingCutOff);
    expect((asked as RecordingCutOff).message).toMatch(/^This recording seems cut off at 00:00:\d\d: the file ends without its closing page, so the rest is missing\. Import the 00:00:\d\d that is there\?$/);
    expect(await mediaFiles()).toEqual(before);
    const kept = await importRecording({ ...options(cut), acceptCutOff: true });
    expect(kept.durationSeconds).toBeGreaterThan(20);
    expect(kept.durationSeconds).toBeLessThan(40);
  });

  it('reads ffmpeg’s description of a file', () => {
    expect(
      parseProbe("Input #0, ogg, from 'x.ogg':\n  Duration: 00:02:04.78, start: 0.000000, bitrate: 44 kb/s\n    Stream #0:0: Audio: vorbis, 22050 Hz, mono, fltp"),
    ).toEqual({ durationSeconds: 124.78, codec: 'vorbis', container: 'ogg' });
    expect(parseProbe('x.txt: Invalid data found when processing input')).toBeNull();
  });
});

