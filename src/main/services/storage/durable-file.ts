// Every byte the library stores passes through here, so encryption at rest can be added in this
// one module without touching callers.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Test seam: lets a unit test stop a write between the temp file and the rename, like a crash. */
export type WriteHooks = { beforeRename?: (tempPath: string) => Promise<void> };

/**
 * Writes `content` so that a reader sees either the old file or the new one, never half of either:
 * a unique temp file beside the target, fsync, rename over the target, fsync the folder.
 */
export async function writeFileDurably(path: string, content: string | Uint8Array, hooks: WriteHooks = {}): Promise<void> {
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(tempPath, 'wx', 0o600);
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await hooks.beforeRename?.(tempPath);
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

async function syncFolder(folder: string): Promise<void> {
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
