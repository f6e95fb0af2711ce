// Every byte the library stores passes through here, so encryption at rest can be added in this
// one module without touching callers.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Test seam: lets a unit test stop a write between the temp file and the rename, like a crash. */
export type WriteHooks = { beforeRename?: (tempPath: string) => Promise<void> };

/** Temp files are named so that a sweep can recognise them: `.<name>.<pid>.<12 hex>.tmp`. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;
const tempPathFor = (folder: string, path: string) => join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

/** Writes the temp file fully and durably; a failed write (a full disk) removes what it began. */
async function writeTemp(tempPath: string, content: string | Uint8Array): Promise<void> {
  const file = await open(tempPath, 'wx', 0o600);
  try {
    await file.writeFile(content);
    await file.sync();
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw error;
  }
}

/**
 * Writes `content` so that a reader sees either the old file or the new one, never half of either:
 * a unique temp file beside the target, fsync, rename over the target, fsync the folder.
 */
export async function writeFileDurably(path: string, content: string | Uint8Array, hooks: WriteHooks = {}): Promise<void> {
  const tempPath = tempPathFor(dirname(path), path);
  await writeTemp(tempPath, content);
  try {
    await hooks.beforeRename?.(tempPath);
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/**
 * For files written outside the library (exports): the temp file lives in the library's scratch
 * folder, which is swept on every open, so an interrupted export leaves nothing in the user's
 * folder. Across disks a rename is impossible: then the temp goes beside the target after all.
 */
export async function writeFileThroughScratch(path: string, content: Uint8Array, scratchDir: string): Promise<void> {
  await mkdir(scratchDir, { recursive: true, mode: 0o700 });
  const tempPath = tempPathFor(scratchDir, path);
  await writeTemp(tempPath, content);
  try {
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await writeFileDurably(path, content);
    return;
  }
  await syncFolder(dirname(path));
}

export async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable. Some platforms (Windows) cannot open a folder; the rename
  // is still atomic there, so that is not an error.
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    /* not supported on this platform */
  } finally {
    await handle?.close();
  }
}

/** The file's text, or null when it does not exist. */
export async function readTextFile(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
