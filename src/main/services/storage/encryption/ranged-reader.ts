// Reading a byte range of an age-encrypted file without decrypting the rest. age's payload is a
// 16-byte nonce then 64 KiB chunks, each ChaCha20-Poly1305-sealed on its own (STREAM, with the
// chunk counter and a last-chunk flag as nonce), under a key derived from the file key:
// HKDF-SHA-256(file key, salt = nonce, info = "payload"). So a range maps to whole chunks, and a
// seek in a three-hour recording decrypts a few of them. Every chunk is authenticated.
import { open, type FileHandle } from 'node:fs/promises';
import { headerLength, openChunk, payloadKey } from './age-payload';
import type { LibraryCipher } from './library-cipher';

const CHUNK = 64 * 1024;
const TAG = 16;
const SEALED_CHUNK = CHUNK + TAG;
const NONCE = 16;
/** Headers with one X25519 or scrypt stanza are a few hundred bytes; this bounds the search. */
const MAX_HEADER = 64 * 1024;

export class EncryptedFileError extends Error {}

export class EncryptedFile {
  private constructor(
    private readonly file: FileHandle,
    private readonly payloadStart: number,
    private readonly payloadKey: Buffer,
    private readonly chunkCount: number,
    /** The plaintext's length in bytes. */
    readonly size: number,
  ) {}

  static async open(path: string, cipher: LibraryCipher): Promise<EncryptedFile> {
    const file = await open(path, 'r');
    try {
      const { size: fileSize } = await file.stat();
      const head = new Uint8Array(Math.min(fileSize, MAX_HEADER));
      await file.read(head, 0, head.length, 0);
      let length: number;
      try {
        length = headerLength(head);
      } catch {
        throw new EncryptedFileError('not an age file, or its header is damaged');
      }
      const fileKey = await cipher.fileKey(head.subarray(0, length));
      const nonce = head.subarray(length, length + NONCE);
      if (nonce.length !== NONCE) throw new EncryptedFileError('the file is cut short');
      const key = payloadKey(fileKey, nonce);
      const sealed = fileSize - length - NONCE;
      const chunkCount = Math.max(1, Math.ceil(sealed / SEALED_CHUNK));
      const size = sealed - chunkCount * TAG;
      if (size < 0) throw new EncryptedFileError('the file is cut short');
      const opened = new EncryptedFile(file, length + NONCE, key, chunkCount, size);
      // The final chunk is authenticated before any byte is served: a file cut short (or with a
      // chunk too short to hold its tag) would otherwise pass for a shorter, complete recording.
      const [final] = await opened.chunks(chunkCount - 1, chunkCount - 1);
      if (chunkCount > 1 && final!.length === 0) throw new EncryptedFileError('the file ends with an empty chunk: it was altered');
      return opened;
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** Decrypts and authenticates the chunks first…final, read from the disk in one piece. */
  private async chunks(first: number, final: number): Promise<Buffer[]> {
    const sealed = Buffer.allocUnsafe((final - first + 1) * SEALED_CHUNK);
    const { bytesRead } = await this.file.read(sealed, 0, sealed.length, this.payloadStart + first * SEALED_CHUNK);
    const opened: Buffer[] = [];
    for (let index = first; index <= final; index += 1) {
      const from = (index - first) * SEALED_CHUNK;
      try {
        opened.push(openChunk(this.payloadKey, index, index === this.chunkCount - 1, sealed.subarray(from, Math.min(bytesRead, from + SEALED_CHUNK))));
      } catch {
        throw new EncryptedFileError('a piece of the file failed its check: it is damaged or was altered');
      }
    }
    return opened;
  }

  /** Plaintext bytes [start, end] (inclusive, like HTTP ranges). */
  async read(start: number, end: number): Promise<Uint8Array> {
    const last = Math.min(end, this.size - 1);
    if (start > last) return new Uint8Array(0);
    const first = Math.floor(start / CHUNK);
    const final = Math.floor(last / CHUNK);
    const out = new Uint8Array(last - start + 1);
    let written = 0;
    const opened = await this.chunks(first, final);
    for (let index = first; index <= final; index += 1) {
      const plain = opened[index - first]!;
      const from = index === first ? start - index * CHUNK : 0;
      const to = index === final ? last - index * CHUNK + 1 : plain.length;
      out.set(plain.subarray(from, to), written);
      written += to - from;
    }
    return out;
  }

  /** The plaintext from `start` to `end` in pieces, for serving and decoding. */
  async *pieces(start = 0, end = this.size - 1): AsyncGenerator<Uint8Array> {
    const last = Math.min(end, this.size - 1);
    // Sixteen chunks (1 MiB) a step: few reads, little memory.
    for (let position = start; position <= last; ) {
      const until = Math.min(last, (Math.floor(position / CHUNK) + 16) * CHUNK - 1);
      yield await this.read(position, until);
      position = until + 1;
    }
  }

  close(): Promise<void> {
    return this.file.close();
  }
}
