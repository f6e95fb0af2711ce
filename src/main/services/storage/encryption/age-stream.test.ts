import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, headerLength, openPayload } from './age-payload';
import { openPayloadStream, PayloadCheckError, sealPayload } from './age-stream';
import { hasAgeTool } from './age-tool';
import { ScryptIdentity, ScryptRecipient } from './scrypt-recipient';
import { inOneReusedBuffer } from '../test-support/pieces';

/** Bytes handed over in pieces of the given sizes, cycling. */
async function* inPieces(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let offset = 0, turn = 0; offset < bytes.length; turn += 1) {
    const size = sizes[turn % sizes.length]!;
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

/** Copies each piece as it comes: the sealer hands every chunk out in the same buffer. */
async function collect(pieces: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const all: Uint8Array[] = [];
  for await (const piece of pieces) all.push(Buffer.from(piece));
  return Buffer.concat(all);
}

const patterned = (length: number) => new Uint8Array(length).map((_, index) => (index * 7919 + 13) % 251);

/** A header from age-encryption for a fresh file key, the way the app makes one. */
async function headerFor(recipient: string): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  let fileKey: Uint8Array | null = null;
  encrypter.addRecipient({ wrapFileKey: (key) => ((fileKey = key), []) });
  const empty = await encrypter.encrypt(new Uint8Array(0));
  return { header: empty.subarray(0, headerLength(empty)), fileKey: fileKey! };
}

describe('age payloads sealed and opened in pieces', () => {
  it('give age files that age-encryption opens, whatever the piece sizes and lengths (empty, exact chunks, odd tails)', async () => {
    const identity = await generateIdentity();
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    for (const length of [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE, 3 * CHUNK_SIZE + 777]) {
      const plain = patterned(length);
      const { header, fileKey } = await headerFor(await identityToRecipient(identity));
      const sealed = Buffer.concat([header, await collect(sealPayload(fileKey, inPieces(plain, [1, 70_000, 512, 65_536, 3])))]);
      expect(Buffer.from(await decrypter.decrypt(sealed)).equals(Buffer.from(plain)), `length ${length}`).toBe(true);
      // …and the streaming opener agrees with the whole-file one, in any pieces.
      const payload = sealed.subarray(header.length);
      expect((await collect(openPayloadStream(fileKey, inPieces(payload, [5, 65_552, 100_000])))).equals(Buffer.from(plain))).toBe(true);
      expect(openPayload(fileKey, payload).equals(Buffer.from(plain))).toBe(true);
    }
  });

  it('refuses a payload cut at a chunk boundary, cut inside a chunk, altered, or ending in an empty chunk', async () => {
    const identity = await generateIdentity();
    const { fileKey } = await headerFor(await identityToRecipient(identity));
    const payload = await collect(sealPayload(fileKey, inPieces(patterned(3 * CHUNK_SIZE + 100), [40_000])));
    const sealedChunk = CHUNK_SIZE + 16;
    const open = (bytes: Uint8Array) => collect(openPayloadStream(fileKey, inPieces(bytes, [65_000])));
    await expect(open(payload.subarray(0, 16 + 2 * sealedChunk))).rejects.toBeInstanceOf(PayloadCheckError);
    await expect(open(payload.subarray(0, payload.length - 5))).rejects.toBeInstanceOf(PayloadCheckError);
    await expect(open(payload.subarray(0, 10))).rejects.toBeInstanceOf(PayloadCheckError);
    const altered = Buffer.from(payload);
    altered[16 + sealedChunk + 100]! ^= 1;
    await expect(open(altered)).rejects.toBeInstanceOf(PayloadCheckError);
    // A plaintext of exactly two chunks has no empty third one; one made up must not pass.
    const twoChunks = await collect(sealPayload(fileKey, inPieces(patterned(2 * CHUNK_SIZE), [CHUNK_SIZE])));
    expect(twoChunks.length).toBe(16 + 2 * sealedChunk);
    await expect(open(Buffer.concat([twoChunks, Buffer.alloc(16)]))).rejects.toBeInstanceOf(PayloadCheckError);
  });

  it('carry every byte value both ways (the chunks pass through latin1 text)', async () => {
    const identity = await generateIdentity();
    const { header, fileKey } = await headerFor(await identityToRecipient(identity));
    const everyByte = new Uint8Array(CHUNK_SIZE + 3000).map((_, index) => (index * 37) % 256);
    const sealed = Buffer.concat([header, await collect(sealPayload(fileKey, inPieces(everyByte, [9000])))]);
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    expect(Buffer.from(await decrypter.decrypt(sealed)).equals(Buffer.from(everyByte))).toBe(true);
    // age-encryption's own file opened here, chunk by chunk.
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(identity));
    const theirs = await encrypter.encrypt(everyByte);
    const theirKey = await decrypter.decryptHeader(theirs.subarray(0, headerLength(theirs)));
    expect((await collect(openPayloadStream(theirKey, inPieces(theirs.subarray(headerLength(theirs)), [5000])))).equals(Buffer.from(everyByte))).toBe(true);
  });

  it('keep nothing of a source chunk once the next is asked for, so a reader may refill one buffer', async () => {
    const { fileKey } = await headerFor(await identityToRecipient(await generateIdentity()));
    const plain = patterned(5 * CHUNK_SIZE + 321);
    // Reads of two whole chunks end on a chunk held back to learn whether it is the last.
    for (const readSize of [2 * CHUNK_SIZE, 100_000, CHUNK_SIZE, 7]) {
      const payload = await collect(sealPayload(fileKey, inOneReusedBuffer(plain, readSize)));
      expect(openPayload(fileKey, payload).equals(Buffer.from(plain))).toBe(true);
      expect((await collect(openPayloadStream(fileKey, inOneReusedBuffer(payload, readSize)))).equals(Buffer.from(plain))).toBe(true);
    }
  });

  it.runIf(hasAgeTool())('a passphrase stanza made with Node’s scrypt opens with the age tool and with age-encryption', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scrypt-stanza-'));
    const encrypter = new Encrypter();
    encrypter.addRecipient(new ScryptRecipient('told by phone', 12));
    const path = join(dir, 'file.age');
    await writeFile(path, await encrypter.encrypt('장마당'));
    const decrypter = new Decrypter();
    decrypter.addPassphrase('told by phone');
    expect(await decrypter.decrypt(await readFile(path), 'text')).toBe('장마당');
    const wrong = new Decrypter();
    wrong.addPassphrase('told by email');
    await expect(wrong.decrypt(await readFile(path))).rejects.toThrow();
    const out = execFileSync('script', ['-q', '-c', `age -d '${path}'`, '/dev/null'], { input: 'told by phone\n' }).toString('utf8');
    expect(out).toContain('장마당');
  });

  it.runIf(hasAgeTool())('a file the age tool locked with a passphrase opens with Node’s scrypt; a wrong passphrase or a greedy work factor does not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scrypt-identity-'));
    const plain = join(dir, 'plain.txt');
    const locked = join(dir, 'file.age');
    await writeFile(plain, '장마당에서 자란 아이');
    // age asks for the passphrase twice on a terminal; `script` gives it one.
    execFileSync('script', ['-q', '-c', `age -p -o '${locked}' '${plain}'`, '/dev/null'], { input: 'told by phone\ntold by phone\n' });
    const bytes = await readFile(locked);
    expect(bytes.toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S{22} 18\n/);
    const decrypter = new Decrypter();
    decrypter.addIdentity(new ScryptIdentity('told by phone'));
    expect(await decrypter.decrypt(bytes, 'text')).toBe('장마당에서 자란 아이');
    const wrong = new Decrypter();
    wrong.addIdentity(new ScryptIdentity('told by email'));
    await expect(wrong.decrypt(bytes)).rejects.toThrow(/no identity matched/i);
    // A stanza asking for 2^21 (2 GiB of memory) is refused before any work, as age refuses it.
    const greedy = Buffer.from(bytes.toString('latin1').replace(/(-> scrypt \S{22}) 18\n/, '$1 21\n'), 'latin1');
    await expect(wrong.decrypt(greedy)).rejects.toThrow(/work factor is too high/);
    // age's own work factor, three derivations (age's and ours twice): room for a busy machine.
  }, 60_000);

  it('lowers the work factor only from tests: no module of the app calls the test-only setter', async () => {
    const { readdir: list } = await import('node:fs/promises');
    const root = join(__dirname, '../../../..');
    const files = (await list(root, { recursive: true })).filter((name) => /\.tsx?$/.test(name) && !/\.(test|spec|bench)\.tsx?$|test-support|node_modules/.test(name));
    const callers: string[] = [];
    for (const name of files) if ((await readFile(join(root, name), 'utf8')).includes('lowerScryptWorkFactorForTests(')) callers.push(name);
    expect(callers).toEqual(['main/services/storage/encryption/scrypt-recipient.ts']);
  });

  it('what Node’s scrypt writes, Node’s scrypt opens, at a low work factor as the tests use', async () => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(new ScryptRecipient('told by phone', 10));
    const locked = await encrypter.encrypt('규찰대');
    const decrypter = new Decrypter();
    decrypter.addIdentity(new ScryptIdentity('told by phone'));
    expect(await decrypter.decrypt(locked, 'text')).toBe('규찰대');
  });
});
