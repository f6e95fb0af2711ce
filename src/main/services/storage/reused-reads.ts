// A long file read into two buffers used in turn, for the paths that stream a whole recording
// or package (sending, receiving). A stream's fresh buffer per read is fresh memory, and on the
// machine we measure on a first send spent more time faulting in those pages than reading the
// 83 MiB (180 ms against 40). Here the next piece is read while the last one is used.
import { open } from 'node:fs/promises';

const READ_SIZE = 1024 * 1024;

/**
 * The bytes of `path` from `start` to `end` (inclusive; the file's end when left out), in pieces
 * of up to a mebibyte. A piece is refilled once the next one is asked for: it must be used (or
 * copied) before then. The sealer and the opener in age-stream.ts work that way.
 */
export async function* reusedReads(path: string, start = 0, end = Number.POSITIVE_INFINITY): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  const buffers = [Buffer.allocUnsafeSlow(READ_SIZE), Buffer.allocUnsafeSlow(READ_SIZE)];
  const readAt = async (buffer: Buffer, position: number) => {
    const wanted = Math.min(READ_SIZE, end + 1 - position);
    if (wanted <= 0) return buffer.subarray(0, 0);
    const { bytesRead } = await file.read(buffer, 0, wanted, position);
    return buffer.subarray(0, bytesRead);
  };
  let position = start;
  let turn = 0;
  let next = readAt(buffers[turn]!, position);
  try {
    for (;;) {
      const piece = await next;
      if (piece.length === 0) return;
      position += piece.length;
      turn = 1 - turn;
      // The other buffer was handed out before this one, and the consumer has asked for more since.
      next = readAt(buffers[turn]!, position);
      next.catch(() => undefined); // met on the next turn, or dropped with the generator
      yield piece;
    }
  } finally {
    await next.catch(() => undefined);
    await file.close();
  }
}
