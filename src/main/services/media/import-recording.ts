// Bringing a recording into an interview: refuse what is not audio, copy it in (with progress),
// decode it once for the waveform, and only then put it in place. A file that turns out empty or
// damaged leaves nothing behind; one that seems cut off is imported only once the user says so.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { DeskError } from '../desk-error';
import { extname, join } from 'node:path';
import type { Recording } from '../../../shared/interview';
import { formatTimecode } from '../../../shared/timecode';
import { mediaFolder } from '../data-paths';
import type { FileStore } from '../storage/file-store';
import { mediaTypeOf, recordingExtensions } from './media-types';
import { computePeaks, type Peaks } from './peaks';
import { wavIsCutShort } from './wav-header';
import { oggIsCutShort } from './ogg-end';
import { MediaRefused, probeMedia } from './probe';
import { speechFileName } from './speech-stretches';

export type ImportPhase = 'copying' | 'analysing';
export type ImportProgress = (phase: ImportPhase, fraction: number) => void;

export const peaksFileName = (recordingFileName: string) => `${recordingFileName}.peaks.json`;

/** The recording plays, but ends early: the caller asks the user whether to keep what is there. */
export class RecordingCutOff extends Error {
  constructor(
    readonly decodedSeconds: number,
    readonly statedSeconds: number | null,
  ) {
    super(
      statedSeconds
        ? `This recording seems cut off at ${formatTimecode(decodedSeconds)} of ${formatTimecode(statedSeconds)}: the rest of the file is missing. Import the ${formatTimecode(decodedSeconds)} that is there?`
        : `This recording seems cut off at ${formatTimecode(decodedSeconds)}: the file ends without its closing page, so the rest is missing. Import the ${formatTimecode(decodedSeconds)} that is there?`,
    );
    this.name = 'RecordingCutOff';
  }
}

export async function importRecording(options: {
  dataDir: string;
  interviewId: string;
  sourcePath: string;
  onProgress: ImportProgress;
  signal?: AbortSignal;
  store: FileStore;
  /** The source is already stored the library's way (a dropped recording's upload): move it in. */
  sourceInLibrary?: boolean;
  /** The user chose to keep a recording that seems cut off. */
  acceptCutOff?: boolean;
}): Promise<Recording> {
  const { dataDir, interviewId, sourcePath, onProgress, signal, store } = options;
  const extension = extname(sourcePath).toLowerCase().slice(1);
  if (!recordingExtensions.includes(extension)) {
    throw new MediaRefused(`“.${extension || '?'}” files are not recordings the app can import. Use ${recordingExtensions.join(', ')}.`);
  }
  const info = await stat(sourcePath).catch(() => null);
  if (!info?.isFile()) throw new MediaRefused('That file could not be found.');
  if (info.size === 0) throw new MediaRefused('This file is empty: there is no recording in it.');
  const source = options.sourceInLibrary ? await store.mediaInput(sourcePath) : sourcePath;
  const probe = await probeMedia(source);
  if (typeof source === 'string' && extension === 'wav' && (await wavIsCutShort(source))) {
    throw new MediaRefused('This recording seems cut short: its header promises more sound than the file holds. Nothing was imported.');
  }

  const folder = mediaFolder(dataDir, interviewId);
  // Only under an interview that exists: a deleted interview's folder is never made again.
  await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new DeskError('not-found', 'That interview no longer exists.');
    if (error.code !== 'EEXIST') throw error;
  });
  const temp = join(folder, `.importing-${randomBytes(6).toString('hex')}.${extension}`);
  try {
    if (!options.sourceInLibrary) {
      let copied = 0;
      let reported = 0;
      await store.copyIn(sourcePath, temp, {
        signal,
        onBytes: (count) => {
          copied += count;
          if (copied / info.size - reported >= 0.02) onProgress('copying', (reported = copied / info.size));
        },
      });
    }
    // Decoded from the source, never from a decrypted copy on disk: nothing plain is written.
    const analysed = await computePeaks(source, probe.durationSeconds ?? 1, (fraction) => onProgress('analysing', fraction), signal);
    const stated = probe.durationSeconds ?? analysed.decodedSeconds;
    const missing = stated - analysed.decodedSeconds;
    if (analysed.failed || analysed.decodedSeconds === 0) {
      throw new MediaRefused(
        `This recording seems damaged: only ${formatTimecode(analysed.decodedSeconds)} of ${formatTimecode(stated)} could be read. Nothing was imported.`,
      );
    }
    // Ends before its header says, or (Ogg) without its closing page: ask, do not guess.
    const endsEarly = missing > 2 && missing / stated > 0.02;
    const oggCut = typeof source === 'string' && ['ogg', 'oga', 'opus'].includes(extension) && (await oggIsCutShort(source));
    if ((endsEarly || oggCut) && !options.acceptCutOff) throw new RecordingCutOff(analysed.decodedSeconds, endsEarly ? stated : null);
    if (options.sourceInLibrary) await rename(sourcePath, temp);
    const fileName = await freeName(folder, `recording.${extension}`);
    await store.writeText(join(folder, peaksFileName(fileName)), JSON.stringify(analysed.peaks));
    await rename(temp, join(folder, fileName));
    onProgress('analysing', 1);
    return { fileName, mimeType: mediaTypeOf(fileName), durationSeconds: Math.round(analysed.decodedSeconds * 1000) / 1000 };
  } finally {
    await rm(temp, { force: true });
  }
}

/** Peaks for an interview's recording: from the cache, or computed (and cached) now. */
export async function recordingPeaks(
  dataDir: string,
  interviewId: string,
  recording: Recording,
  onProgress: (fraction: number) => void,
  store: FileStore,
  signal?: AbortSignal,
): Promise<Peaks> {
  const folder = mediaFolder(dataDir, interviewId);
  const cache = join(folder, peaksFileName(recording.fileName));
  const cached = await store.readText(cache).catch(() => null);
  if (cached) {
    try {
      const peaks = JSON.parse(cached) as Peaks;
      if (peaks.version === 1) return peaks;
    } catch {
      /* a damaged cache is recomputed */
    }
  }
  const analysed = await computePeaks(await store.mediaInput(join(folder, recording.fileName)), recording.durationSeconds ?? 1, onProgress, signal);
  signal?.throwIfAborted(); // stopped (the window closed): the decode was cut short, nothing is cached
  if (analysed.failed) throw new MediaRefused('The recording could not be read to draw its waveform.');
  await store.writeText(cache, JSON.stringify(analysed.peaks));
  return analysed.peaks;
}

/** Old recordings, their peaks and their speech go once a new one is in place. */
export async function removeOtherRecordings(dataDir: string, interviewId: string, keep: string): Promise<void> {
  const folder = mediaFolder(dataDir, interviewId);
  for (const name of await readdir(folder)) {
    if (name !== keep && name !== peaksFileName(keep) && name !== speechFileName(keep) && !name.startsWith('.')) await rm(join(folder, name), { force: true });
  }
}

async function freeName(folder: string, wanted: string): Promise<string> {
  const existing = new Set(await readdir(folder));
  if (!existing.has(wanted)) return wanted;
  const dot = wanted.lastIndexOf('.');
  for (let index = 2; ; index += 1) {
    const candidate = `${wanted.slice(0, dot)}-${index}${wanted.slice(dot)}`;
    if (!existing.has(candidate)) return candidate;
  }
}
