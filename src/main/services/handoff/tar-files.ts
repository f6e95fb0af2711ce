// A package's files as a tar archive (through `tar-stream`): unlike zip, tar has no checksum to
// compute over a three-hour recording, so packing costs little more than a copy — age's chunks
// authenticate every byte anyway. Any `tar` reads it. Both directions stream: a recording goes
// into the archive, and comes out of it, in pieces.
import { pipeline } from 'node:stream/promises';
import { extract, pack } from 'tar-stream';

/**
 * A file to pack: small ones as bytes; a recording as pieces of known total length, each of which
 * its reader may refill once the next is asked for (see reused-reads.ts).
 */
export type PackedFile = { name: string; bytes: Uint8Array } | { name: string; size: number; pieces: () => AsyncIterable<Uint8Array> };

/**
 * The archive's bytes in pieces, as tar-stream produces them; the recording is read as they are
 * taken. Each piece must be used before the next is asked for: a piece of the recording is handed
 * to tar-stream (which passes it on as it is) only once the one before it has come out of the
 * archive and been used, so its reader can refill it.
 */
export async function* packFiles(files: PackedFile[], mtime: Date): AsyncGenerator<Uint8Array> {
  const archive = pack();
  /** The recording's piece inside the archive, and what to call once its reader may refill it. */
  let lent: { piece: Buffer; returned: () => void; lost: (error: Error) => void } | null = null;
  archive.once('close', () => lent?.lost(new Error('the archive was closed')));
  const returnIfLent = (piece: unknown) => {
    const returning = lent;
    if (!returning || returning.piece !== piece) return;
    lent = null;
    returning.returned();
  };
  const filling = (async () => {
    for (const file of files) {
      if ('bytes' in file) {
        archive.entry({ name: file.name, size: file.bytes.length, mtime, mode: 0o600 }, Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
        continue;
      }
      let entryDone: (error?: Error | null) => void = () => undefined;
      const ended = new Promise<void>((resolve, reject) => (entryDone = (error) => (error ? reject(error) : resolve())));
      ended.catch(() => undefined); // met below, unless the archive fails first
      const entry = archive.entry({ name: file.name, size: file.size, mtime, mode: 0o600 }, (error) => entryDone(error));
      for await (const bytes of file.pieces()) {
        // tar-stream pushes a Buffer it is given as it is: the same object comes out of the archive.
        const piece = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        await new Promise<void>((returned, lost) => {
          lent = { piece, returned, lost };
          entry.write(piece);
        });
      }
      entry.end(null); // no last bytes: the recording ends here
      await ended;
    }
    archive.finalize();
  })();
  filling.catch((error: unknown) => archive.destroy(error as Error));
  try {
    for await (const piece of archive) {
      yield piece as Uint8Array;
      // Asked for the next piece: this one has been used, and its reader may refill it.
      returnIfLent(piece);
    }
    await filling;
  } finally {
    archive.destroy();
  }
}

/**
 * Reads an archive as it arrives: each regular file goes to `onFile` as a stream, which must
 * consume it (to memory or to disk) before the next one is read. tar-stream hands on views of the
 * archive's pieces and keeps some of them a while: the pieces must not be refilled afterwards.
 */
export type ArchivedFile = AsyncIterable<Uint8Array> & { resume(): void };

export async function unpackFiles(archive: AsyncIterable<Uint8Array>, onFile: (name: string, size: number, content: ArchivedFile) => Promise<void>): Promise<void> {
  const reader = extract();
  const feeding = pipeline(archive, reader);
  feeding.catch(() => undefined); // reported through the loop below, or awaited at the end
  for await (const entry of reader) {
    // tar-stream's entries yield Buffers; its types only say `unknown`.
    if (entry.header.type === 'file') await onFile(entry.header.name, entry.header.size ?? 0, entry as unknown as ArchivedFile);
    else entry.resume();
  }
  await feeding;
}

/** A small file's bytes, refusing more than `limit` (a package cannot make the app run out of memory). */
export async function readSmallFile(content: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  for await (const piece of content) {
    length += piece.length;
    if (length > limit) throw new Error('a file in the archive is larger than it may be');
    pieces.push(piece);
  }
  return Buffer.concat(pieces);
}
