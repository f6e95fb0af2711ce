// Every byte the library stores passes through here, so encryption at rest can be added in this
// one module without touching callers.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { utf8Bytes } from './utf8';

/** Test seam: lets a unit test stop a write between the temp file and the rename, like a crash. */
export type WriteHooks = { beforeRename?: (tempPath: string) => Promise<void> };

/**
 * Test seam: called after every durable write is in place, so a test can stop a long job (the
 * conversion of a library to encrypted) between any two writes, as a crash would.
 */
export const afterDurableWrite: { hook: ((path: string) => void) | null } = { hook: null };

/** Temp files are named so that a sweep can recognise them: `.<name>.<pid>.<12 hex>.tmp`. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;
const tempPathFor = (folder: string, path: string) => join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

/** What a durable write takes: text, bytes, or bytes that arrive in pieces (never whole in memory). */
export type FileContent = string | Uint8Array | AsyncIterable<Uint8Array>;

/** Pieces are gathered up to this size and written with one call: a write per 64 KiB chunk costs more than the disk. */
const WRITE_BATCH = 1024 * 1024;

/**
 * Writes pieces as they come, copied into two batch buffers of a mebibyte used in turn: one is
 * written while the next is filled (read, sealed), so the disk and the processor work side by
 * side. Every piece is copied before the next is asked for, so a producer may reuse its buffer
 * as soon as it is asked for more (the sealer does: see age-stream.ts). Fresh memory is what a
 * long write must not ask for: on the machine we measure on, touching new pages cost more than
 * encrypting the bytes in them.
 */
async function writePieces(file: FileHandle, pieces: AsyncIterable<Uint8Array>): Promise<void> {
  const batches = spareBatches.pop() ?? [Buffer.allocUnsafeSlow(WRITE_BATCH), Buffer.allocUnsafeSlow(WRITE_BATCH)];
  let turn = 0;
  let filled = 0;
  let writing: Promise<void> = Promise.resolve();
  const flushing = new FlushAhead(file);
  const writeAll = async (bytes: Buffer) => {
    // A short write (rare, but allowed) leaves the rest to the next call.
    for (let done = 0; done < bytes.length; ) {
      const { bytesWritten } = await file.write(bytes, done, bytes.length - done);
      if (bytesWritten === 0) throw new Error('the disk took no more bytes');
      done += bytesWritten;
    }
    flushing.written(bytes.length);
  };
  const flush = async () => {
    const full = batches[turn]!.subarray(0, filled);
    await writing; // one write at a time, in order; the other buffer is free once it is done
    writing = writeAll(full);
    writing.catch(() => undefined); // met by the next flush or at the end
    turn = 1 - turn;
    filled = 0;
  };
  try {
    for await (const piece of pieces) {
      for (let offset = 0; offset < piece.length; ) {
        const taken = Math.min(WRITE_BATCH - filled, piece.length - offset);
        batches[turn]!.set(piece.subarray(offset, offset + taken), filled);
        filled += taken;
        offset += taken;
        if (filled === WRITE_BATCH) await flush();
      }
    }
    if (filled > 0) await flush();
  } finally {
    await writing.catch(() => undefined);
    await flushing.settled();
    if (spareBatches.length < MAX_SPARE_BATCHES) spareBatches.push(batches);
  }
  await writing;
}

/** Batch buffers kept for the next long write, already touched: two writers' worth at most. */
const spareBatches: Buffer[][] = [];
const MAX_SPARE_BATCHES = 2;

/** Past this many bytes written since the last flush, the disk is asked to start writing them out. */
const FLUSH_AHEAD = 8 * 1024 * 1024;

/**
 * Flushes a long file to disk while it is still being written, one flush at a time, so that the
 * final fsync has only the last few mebibytes left to wait for instead of the whole file (83 MiB
 * took 80–90 ms to flush at the end). Durability still rests on that final fsync.
 */
class FlushAhead {
  private unflushed = 0;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly file: FileHandle) {}

  written(bytes: number): void {
    this.unflushed += bytes;
    if (this.unflushed < FLUSH_AHEAD || this.inFlight) return;
    this.unflushed = 0;
    this.inFlight = this.file
      .datasync()
      .catch(() => undefined) // the final fsync reports a failing disk
      .finally(() => (this.inFlight = null));
  }

  async settled(): Promise<void> {
    await this.inFlight;
  }
}

/** Writes the temp file fully and durably; a failed write (a full disk) removes what it began. */
async function writeTemp(tempPath: string, content: FileContent): Promise<void> {
  const file = await open(tempPath, 'wx', 0o600);
  try {
    if (typeof content === 'string') await file.writeFile(utf8Bytes(content));
    else if (content instanceof Uint8Array) await file.writeFile(content);
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
  afterDurableWrite.hook?.(path);
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
