// The C2SP/CCTV age test vectors (npm `cctv-age`), run against every way this app decrypts:
// library documents (whole files), the ranged reader that plays recordings, and hand-off packages
// (streamed). A vector applies to a path when the path can take its key: library files and
// recordings open with one X25519 identity, packages with a passphrase or this library's X25519
// identity; armored files and post-quantum (hybrid) identities are never read here.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { identityToRecipient } from 'age-encryption';
import * as vectors from 'cctv-age';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptedPackage } from '../../handoff/package-file';
import { LibraryCipher } from './library-cipher';
import { EncryptedFile } from './ranged-reader';

type Vector = { name: string; expect: string; payload: string | null; identities: string[]; passphrase: string | null; armored: boolean; file: Buffer };

function readVector(name: string, bytes: Uint8Array): Vector {
  const all = Buffer.from(bytes);
  const split = all.indexOf('\n\n');
  const fields = new Map<string, string[]>();
  for (const line of all.subarray(0, split).toString('utf8').split('\n')) {
    const at = line.indexOf(': ');
    fields.set(line.slice(0, at), [...(fields.get(line.slice(0, at)) ?? []), line.slice(at + 2)]);
  }
  const body = all.subarray(split + 2);
  return {
    name,
    expect: fields.get('expect')![0]!,
    payload: fields.get('payload')?.[0] ?? null,
    identities: fields.get('identity') ?? [],
    passphrase: fields.get('passphrase')?.[0] ?? null,
    armored: fields.get('armored')?.[0] === 'yes',
    file: fields.get('compressed')?.[0] === 'zlib' ? inflateSync(body) : body,
  };
}

const all = Object.entries(vectors as unknown as Record<string, Uint8Array>).filter(([, bytes]) => bytes instanceof Uint8Array).map(([name, bytes]) => readVector(name, bytes));
const x25519Only = (vector: Vector) => !vector.armored && vector.identities.length === 1 && vector.identities[0]!.startsWith('AGE-SECRET-KEY-1') && !vector.passphrase;
const forLibrary = all.filter(x25519Only);
const forPackages = all.filter((vector) => !vector.armored && (vector.passphrase !== null || x25519Only(vector)));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const cipherFor = async (vector: Vector) => new LibraryCipher(vector.identities[0]!, await identityToRecipient(vector.identities[0]!));

/** What a path did with a vector: the plaintext, or that it refused. */
async function outcome(run: () => Promise<Uint8Array>): Promise<{ ok: true; hash: string } | { ok: false }> {
  try {
    return { ok: true, hash: sha256(await run()) };
  } catch {
    return { ok: false };
  }
}

function expectConformant(vector: Vector, result: Awaited<ReturnType<typeof outcome>>) {
  if (vector.expect === 'success') expect(result, vector.name).toEqual({ ok: true, hash: vector.payload });
  else expect(result.ok, `${vector.name} (${vector.expect}) was accepted`).toBe(false);
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cctv-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('age conformance (C2SP/CCTV vectors)', () => {
  it('covers the vectors that apply to each path', () => {
    expect(all.length).toBeGreaterThan(140);
    expect(forLibrary.length).toBeGreaterThan(60);
    expect(forPackages.length).toBeGreaterThan(forLibrary.length);
  });

  it.each(forLibrary.map((vector) => [vector.name, vector] as const))('library document: %s', async (_, vector) => {
    const cipher = await cipherFor(vector);
    expectConformant(vector, await outcome(() => cipher.open(vector.file)));
  });

  it.each(forLibrary.map((vector) => [vector.name, vector] as const))('ranged recording reader: %s', async (_, vector) => {
    const cipher = await cipherFor(vector);
    const path = join(folder, `${vector.name}.age`);
    await writeFile(path, vector.file);
    expectConformant(
      vector,
      await outcome(async () => {
        const file = await EncryptedFile.open(path, cipher);
        try {
          const pieces: Uint8Array[] = [];
          for await (const piece of file.pieces()) pieces.push(piece);
          return Buffer.concat(pieces);
        } finally {
          await file.close();
        }
      }),
    );
  });

  it.each(forPackages.map((vector) => [vector.name, vector] as const))('hand-off package: %s', async (_, vector) => {
    const keys = vector.passphrase !== null ? { passphrase: vector.passphrase } : { cipher: await cipherFor(vector) };
    expectConformant(
      vector,
      await outcome(async () => {
        const pieces: Uint8Array[] = [];
        for await (const piece of decryptedPackage({ bytes: vector.file }, keys)) pieces.push(Buffer.from(piece));
        return Buffer.concat(pieces);
      }),
    );
  });
});
