// The one door every byte of a library passes through. In a plain library it reads and writes
// files as they are; in an encrypted one it seals everything with the library's age identity
// before it reaches the disk — documents, peaks, recordings (streamed, never whole in memory) —
// and opens it again on the way back. Callers never learn which kind of library they are in.
// A plain file met in an encrypted library (one not converted yet) is still read; the next
// write of it is encrypted.
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open as openFile, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { readTextFile, syncFolder, writeFileDurably, type WriteHooks } from './durable-file';
import { isAgeEncrypted, type LibraryCipher } from './encryption/library-cipher';
import { EncryptedFile } from './encryption/ranged-reader';
import { reusedReads } from './reused-reads';

/** A recording's bytes, readable by range whatever its storage. */
export type RecordingReader = {
  size: number;
  /** Plaintext bytes [start, end] as a Node stream. */
  stream(start?: number, end?: number): Readable;
  /** All its plaintext, in pieces that may be refilled once the next is asked for (see reused-reads.ts). */
  pieces(): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
};

/** What ffmpeg decodes: a file path, or a stream fed to its standard input. */
export type MediaInput = string | { stream: () => Readable };

export class FileStore {
  constructor(private cipherOrNull: LibraryCipher | null) {}

  get encrypted(): boolean {
    return this.cipherOrNull !== null;
  }

  /** The cipher, for packages and conversion; null in a plain library. */
  get cipher(): LibraryCipher | null {
    return this.cipherOrNull;
  }

  /**
   * Starts sealing with a key (a plain library being encrypted). Work already under way holds
   * this same store, so whatever it writes from now on is sealed too.
   */
  useCipher(cipher: LibraryCipher): void {
    if (this.cipherOrNull) throw new Error('This store already has a key.');
    this.cipherOrNull = cipher;
  }

  /**
   * Forgets the key: nothing in this store can be read again (the library was locked), and
   * nothing can be written either — work still under way must not write plain files once the
   * key is gone.
   */
  forget(): void {
    this.cipherOrNull?.forget();
    this.cipherOrNull = null;
    this.forgotten = true;
  }

  private forgotten = false;

  private refuseIfForgotten(): void {
    if (this.forgotten) throw new LockedLibraryError();
  }

  async readText(path: string): Promise<string | null> {
    if (!this.cipherOrNull) {
      const text = await readTextFile(path);
      if (text !== null && text.startsWith('age-encryption.org/v1')) throw new LockedLibraryError();
      return text;
    }
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (bytes === null) return null;
    return isAgeEncrypted(bytes) ? this.cipherOrNull.openText(bytes) : bytes.toString('utf8');
  }

  /** A binary file's bytes (opened if sealed), or null when it does not exist. */
  async readBytes(path: string): Promise<Uint8Array | null> {
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (bytes === null || !isAgeEncrypted(bytes)) return bytes;
    if (!this.cipherOrNull) throw new LockedLibraryError();
    return this.cipherOrNull.open(bytes);
  }

  async writeBytes(path: string, bytes: Uint8Array, hooks?: WriteHooks): Promise<void> {
    this.refuseIfForgotten();
    await writeFileDurably(path, this.cipherOrNull ? await this.cipherOrNull.seal(bytes) : bytes, hooks);
  }

  async writeText(path: string, text: string, hooks?: WriteHooks): Promise<void> {
    this.refuseIfForgotten();
    await writeFileDurably(path, this.cipherOrNull ? await this.cipherOrNull.seal(text) : text, hooks);
  }

  /**
   * Writes a stream durably (temp, fsync, rename), sealed in an encrypted library. `onBytes`
   * counts the plaintext as it goes, for progress; an abort stops it at the next piece.
   */
  async writeStream(
    path: string,
    source: AsyncIterable<Uint8Array> & { destroy?: () => void },
    options: { signal?: AbortSignal; onBytes?: (count: number) => void } = {},
  ): Promise<void> {
    // A stream that fails before it is read (a missing file, an upload cancelled at once) must not
    // take the process down with an unheard 'error' event: its error is met when it is read.
    if (source instanceof Readable) source.on('error', () => undefined);
    if (this.forgotten) {
      source.destroy?.();
      throw new LockedLibraryError();
    }
    const counted = (async function* counting() {
      for await (const chunk of source) {
        options.signal?.throwIfAborted();
        options.onBytes?.(chunk.length);
        yield chunk;
      }
    })();
    try {
      await writeFileDurably(path, this.cipherOrNull ? this.cipherOrNull.sealStream(counted) : counted);
    } catch (error) {
      source.destroy?.();
      throw error;
    }
  }

  /**
   * Moves a file this store wrote (a received recording waiting in the scratch folder) to its
   * place in the library: a rename, as it is already in the library's form (sealed when
   * encrypted); across disks, a copy of the same bytes.
   */
  async moveStored(from: string, to: string): Promise<void> {
    this.refuseIfForgotten();
    await rename(from, to).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await copyFile(from, to);
      await rm(from, { force: true });
    });
    await syncFolder(dirname(to));
  }

  /** Copies a file from outside the library in, sealing it on the way. */
  copyIn(from: string, to: string, options: { signal?: AbortSignal; onBytes?: (count: number) => void } = {}): Promise<void> {
    return this.writeStream(to, createReadStream(from), options);
  }

  /** Opens a stored recording for ranged reading, decrypting only the chunks asked for. */
  async openRecording(path: string): Promise<RecordingReader> {
    if (await beginsLikeAge(path)) {
      if (!this.cipherOrNull) throw new LockedLibraryError();
      const file = await EncryptedFile.open(path, this.cipherOrNull);
      return { size: file.size, stream: (start = 0, end = file.size - 1) => Readable.from(file.pieces(start, end)), pieces: () => file.pieces(), close: () => file.close() };
    }
    const { size } = await stat(path);
    return {
      size,
      stream: (start = 0, end = size - 1) => createReadStream(path, { start, end, highWaterMark: 1024 * 1024 }),
      pieces: () => reusedReads(path, 0, size - 1),
      close: async () => undefined,
    };
  }

  /** How ffmpeg should read a stored recording: its path, or its decrypted bytes on stdin. */
  async mediaInput(path: string): Promise<MediaInput> {
    const cipher = this.cipherOrNull;
    if (!cipher || !(await beginsLikeAge(path))) return path;
    return {
      stream: () =>
        Readable.from(
          (async function* decrypted() {
            const file = await EncryptedFile.open(path, cipher);
            try {
              yield* file.pieces();
            } finally {
              await file.close();
            }
          })(),
        ),
    };
  }

  /** Appends to a stored stream: an upload arriving in pieces (sealed as one age stream). */
  async appendable(path: string): Promise<{ write(bytes: Uint8Array): Promise<void>; finish(): Promise<void>; abort(): Promise<void> }> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const incoming = new Readable({ read() {} });
    const done = this.writeStream(path, incoming);
    done.catch(() => undefined); // reported by finish()
    return {
      write: async (bytes) => {
        incoming.push(Buffer.from(bytes));
      },
      finish: async () => {
        incoming.push(null);
        await done;
      },
      abort: async () => {
        incoming.destroy(new Error('cancelled'));
        await done.catch(() => undefined);
        await rm(path, { force: true });
      },
    };
  }
}

async function beginsLikeAge(path: string): Promise<boolean> {
  const head = Buffer.alloc(32);
  const handle = await openFile(path, 'r');
  try {
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return isAgeEncrypted(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** An encrypted file met without the key: the library is locked. */
export class LockedLibraryError extends Error {
  constructor() {
    super('The library is locked.');
    this.name = 'LockedLibraryError';
  }
}

