// Paths are built here, on the main side only, from ids that were validated first. Nothing the
// renderer sends is ever used as a path.
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { EntityId } from '../../shared/interview';
import { DeskError } from './desk-error';

/** Resolves `parts` under `root` and refuses anything that would land outside it. */
export function resolveInside(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const target = resolve(base, ...parts);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new DeskError('invalid-input', 'That path is outside the library folder.');
  }
  return target;
}

const isInside = (root: string, target: string) => {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * The real path of an existing file inside `root`, following links: a symlink planted in the
 * library that leads outside it is refused like a path with "..". Null when there is no file.
 */
export async function realPathInside(root: string, path: string): Promise<string | null> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return null;
  }
  const realRoot = await realpath(root).catch(() => resolve(root));
  if (!isInside(realRoot, real)) throw new DeskError('invalid-input', 'That path is outside the library folder.');
  return real;
}

/** A recording's stored file name: as strict as an id, so it can never name a path. */
export const RECORDING_FILE_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

export function assertEntityId(id: string): string {
  if (!EntityId.safeParse(id).success) throw new DeskError('invalid-input', 'That is not a valid id.');
  return id;
}

export const libraryFilePath = (dataDir: string): string => join(resolve(dataDir), 'library.json');
export const interviewsFolder = (dataDir: string): string => join(resolve(dataDir), 'interviews');
export const interviewFolder = (dataDir: string, id: string): string =>
  resolveInside(interviewsFolder(dataDir), assertEntityId(id));
export const interviewFilePath = (dataDir: string, id: string): string => join(interviewFolder(dataDir, id), 'interview.json');
/** Changes saved since interview.json was last written whole, a file each (interview-document.ts). */
export const interviewChangesFolder = (dataDir: string, id: string): string => join(interviewFolder(dataDir, id), 'changes');
export const mediaFolder = (dataDir: string, id: string): string => join(interviewFolder(dataDir, id), 'media');
/** Where an interview's recording is stored (read through the store: it may be encrypted). */
export const recordingPath = (dataDir: string, interview: { id: string; recording: { fileName: string } | null }): string => {
  if (!interview.recording) throw new DeskError('not-found', 'This interview has no recording.');
  return join(mediaFolder(dataDir, interview.id), interview.recording.fileName);
};
/** The library's own scratch folder: temp files of exports and uploads live here, swept on open. */
export const scratchFolder = (dataDir: string): string => join(resolve(dataDir), '.scratch');
