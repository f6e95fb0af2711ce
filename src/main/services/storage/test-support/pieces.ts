// For tests of code that streams: bytes handed over the way the app's readers hand them over.

/**
 * `bytes` in pieces of `size`, always in the same buffer, refilled once the next piece is asked
 * for (and scrambled first), as the package and recording readers do: a consumer that kept a
 * piece instead of using it at once would see it change.
 */
export async function* inOneReusedBuffer(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const reused = Buffer.alloc(size);
  for (let offset = 0; offset < bytes.length; offset += size) {
    const piece = bytes.subarray(offset, offset + size);
    reused.fill(0xee);
    reused.set(piece);
    yield reused.subarray(0, piece.length);
  }
}
