// Every byte the library stores passes through here, so encryption at rest can be added in this
// one module without touching callers.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Test seam: lets a unit test stop a write between the temp file and the rename, like a crash. */
export type WriteHooks = { beforeRename?: (tempPath: string) => Promise<void> };

/** Temp files are named so that a sweep can recognise them: `.<name>.<pid>.<12 hex>.tmp`. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;
const tempPathFor = (folder: string, path: string) => join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

/** What a durable write takes: text, bytes, or bytes that arrive in pieces (never whole in memory). */
export type FileContent = string | Uint8Array | AsyncIterable<Uint8Array>;

/** Pieces are gathered up to this size and written with one call: a write per 64 KiB chunk costs more than the disk. */
const WRITE_BATCH = 1024 * 1024;

/**
 * Writes pieces as they come, gathered into writes of about a mebibyte. One write is left to run
 * while the next batch is made (read, sealed): the disk and the processor work side by side
 * instead of in turn. Pieces must not be reused by their producer once handed over (none here
 * are: each sealed chunk, each read, is a buffer of its own).
 */
async function writePieces(file: FileHandle, pieces: AsyncIterable<Uint8Array>): Promise<void> {
  let batch: Uint8Array[] = [];
  let batched = 0;
  let writing: Promise<void> = Promise.resolve();
  const writeBatch = async (gathered: Uint8Array[], length: number) => {
    const { bytesWritten } = await file.writev(gathered);
    // A short write (rare, but allowed) leaves the rest to a plain write.
    if (bytesWritten < length) await file.write(Buffer.concat(gathered).subarray(bytesWritten));
  };
  const flush = async () => {
    const gathered = batch;
    const length = batched;
    batch = [];
    batched = 0;
    await writing; // one write at a time, in order
    writing = writeBatch(gathered, length);
    writing.catch(() => undefined); // met by the next flush or at the end
  };
  try {
    for await (const piece of pieces) {
      batch.push(piece);
      batched += piece.length;
      if (batched >= WRITE_BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    await writing.catch(() => undefined);
  }
  await writing;
}

/** Writes the temp file fully and durably; a failed write (a full disk) removes what it began. */
async function writeTemp(tempPath: string, content: FileContent): Promise<void> {
  const file = await open(tempPath, 'wx', 0o600);
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) await file.writeFile(content);
    else await writePieces(file, content);
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
export async function writeFileDurably(path: string, content: FileContent, hooks: WriteHooks = {}): Promise<void> {
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
export async function writeFileThroughScratch(path: string, content: FileContent, scratchDir: string): Promise<void> {
  await mkdir(scratchDir, { recursive: true, mode: 0o700 });
  const tempPath = tempPathFor(scratchDir, path);
  await writeTemp(tempPath, content);
  try {
    await rename(tempPath, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') {
      await rm(tempPath, { force: true });
      throw error;
    }
    // Content that arrived in pieces cannot be asked for twice: the finished temp file is copied.
    const besideTarget = tempPathFor(dirname(path), path);
    try {
      await copyFile(tempPath, besideTarget);
      const copy = await open(besideTarget, 'r+');
      await copy.sync().finally(() => copy.close());
      await rename(besideTarget, path);
    } catch (copyError) {
      await rm(besideTarget, { force: true });
      throw copyError;
    } finally {
      await rm(tempPath, { force: true });
    }
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
