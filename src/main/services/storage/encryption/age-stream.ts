// age's STREAM payload as it goes: plaintext pieces in, sealed 64 KiB chunks out, and back again,
// through staging buffers reused for every chunk. A three-hour recording is never whole in memory
// on its way into a package or out of one. On the machine we measure on, touching fresh memory
// costs more than the encryption itself (≈ 2.8 ms per MiB against ≈ 0.8), which is why nothing
// here allocates in proportion to the file, and why the sealed side hands out one reused buffer.
import { randomBytes } from 'node:crypto';
import { CHUNK_SIZE, NONCE_SIZE, openChunk, payloadKey, SEALED_CHUNK_SIZE, sealChunkInto, TAG_SIZE } from './age-payload';

/** The payload failed its check: cut short, altered, or not sealed with this key. */
export class PayloadCheckError extends Error {}

/**
 * The bytes of `source` in pieces of exactly `size` (the last one shorter or empty), each told
 * whether it is the last: a full piece is handed on only once more bytes follow it. A piece that
 * lies whole inside one chunk of the source is handed on as a view of it, without a copy (a
 * mebibyte read holds fifteen or sixteen); the rest is gathered in a staging buffer. Each piece must be used
 * before the next is asked for. In turn, nothing of a source chunk is kept once the next chunk is
 * asked for, so the source may reuse its buffers (the package reader and the recording reader do).
 */
async function* inPiecesOf(size: number, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<{ piece: Buffer; last: boolean }> {
  const staging = Buffer.allocUnsafe(size);
  /** Where a full piece waits, copied, while the next source chunk is fetched. */
  const waiting = Buffer.allocUnsafe(size);
  let filled = 0;
  /** A full piece waiting to learn whether more bytes follow it. */
  let held: Buffer | null = null;
  for await (const chunk of source) {
    for (let offset = 0; offset < chunk.length; ) {
      if (held) {
        yield { piece: held, last: false };
        held = null;
      }
      if (filled === 0 && chunk.length - offset >= size) {
        held = Buffer.from(chunk.buffer, chunk.byteOffset + offset, size);
        offset += size;
        continue;
      }
      const taken = Math.min(size - filled, chunk.length - offset);
      staging.set(chunk.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
      if (filled === size) {
        held = staging;
        filled = 0;
      }
    }
    // A held view of this chunk is copied aside before the next chunk may overwrite it.
    if (held && held !== staging && held !== waiting) {
      waiting.set(held);
      held = waiting;
    }
  }
  yield held ? { piece: held, last: true } : { piece: staging.subarray(0, filled), last: true };
}

/**
 * The payload of an age file (its nonce, then every sealed chunk, ciphertext and tag together)
 * for a plaintext that arrives in pieces. The last chunk carries a flag of its own; an empty
 * plaintext is one empty chunk, as age writes it. Every sealed chunk is handed out in the same
 * buffer: it must be used (written, copied) before the next is asked for.
 */
export async function* sealPayload(fileKey: Uint8Array, plaintext: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const nonce = randomBytes(NONCE_SIZE);
  const key = payloadKey(fileKey, nonce);
  yield nonce;
  const sealed = Buffer.allocUnsafe(SEALED_CHUNK_SIZE);
  let index = 0;
  for await (const { piece, last } of inPiecesOf(CHUNK_SIZE, plaintext)) {
    yield sealed.subarray(0, sealChunkInto(key, index++, last, piece, sealed, 0));
  }
}

/**
 * The plaintext of an age payload that arrives in pieces, every chunk authenticated before any of
 * its bytes are handed on. A sealed chunk is opened as the last one only when the payload ends
 * right after it, so a file cut at a chunk boundary fails its check instead of ending early.
 */
export async function* openPayloadStream(fileKey: Uint8Array, payload: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  let key: Buffer | null = null;
  let index = 0;
  for await (const { piece, last } of inPiecesOf(SEALED_CHUNK_SIZE, withoutNonce(payload, (nonce) => (key = payloadKey(fileKey, nonce))))) {
    if (!key || piece.length < TAG_SIZE) throw new PayloadCheckError('the file is cut short');
    // age forbids an empty last chunk after full ones: it would let a cut file pass as whole.
    if (last && piece.length === TAG_SIZE && index > 0) throw new PayloadCheckError('the file ends with an empty piece');
    let opened: Buffer;
    try {
      opened = openChunk(key, index, last, piece);
    } catch {
      throw new PayloadCheckError('a piece of the file failed its check: it is damaged, cut short or was altered');
    }
    yield opened;
    index += 1;
  }
}

/** The payload after its 16-byte nonce, which is handed to `onNonce` as soon as it has arrived. */
async function* withoutNonce(payload: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, onNonce: (nonce: Buffer) => void): AsyncGenerator<Uint8Array> {
  const nonce = Buffer.allocUnsafe(NONCE_SIZE);
  let filled = 0;
  for await (const chunk of payload) {
    if (filled === NONCE_SIZE) {
      yield chunk;
      continue;
    }
    const taken = Math.min(NONCE_SIZE - filled, chunk.length);
    nonce.set(chunk.subarray(0, taken), filled);
    filled += taken;
    if (filled === NONCE_SIZE) onNonce(nonce);
    if (taken < chunk.length) yield chunk.subarray(taken);
  }
}
