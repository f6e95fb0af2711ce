import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasAgeTool } from './age-tool';
import { changePassphrase, createKeyring, unlockKeyring } from './keyring';
import { isAgeEncrypted } from './library-cipher';
import { EncryptedFile } from './ranged-reader';

const fast = { scryptLogN: 10 }; // tests only: the app uses age's default work factor
const hasAge = hasAgeTool();

describe('keyring', () => {
  it('creates an identity protected by the passphrase and a recovery key; a wrong passphrase changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keyring-'));
    const { cipher, recoveryKey } = await createKeyring(dir, 'correct horse battery', fast);
    expect(recoveryKey).toMatch(/^([A-Z2-9]{5}-){5}[A-Z2-9]{5}$/);
    const before = await readFile(join(dir, 'identity.age'));
    await expect(unlockKeyring(dir, 'wrong passphrase')).rejects.toMatchObject({ code: 'locked' });
    expect(await readFile(join(dir, 'identity.age'))).toEqual(before);
    expect((await unlockKeyring(dir, 'correct horse battery')).recipient).toBe(cipher.recipient);
    expect((await unlockKeyring(dir, recoveryKey.toLowerCase())).recipient).toBe(cipher.recipient);
  });

  it('changes the passphrase by re-wrapping the identity only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keyring-change-'));
    const { cipher } = await createKeyring(dir, 'first passphrase', fast);
    const sealed = await cipher.seal('최순희');
    await changePassphrase(dir, 'first passphrase', 'second passphrase', fast);
    await expect(unlockKeyring(dir, 'first passphrase')).rejects.toThrow(/does not open/);
    const reopened = await unlockKeyring(dir, 'second passphrase');
    expect(await reopened.openText(sealed)).toBe('최순희');
  });
});

describe('ranged reads of an encrypted file', () => {
  it('match the whole decryption for ranges across chunk boundaries, the last chunk included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ranged-'));
    const { cipher } = await createKeyring(dir, 'a passphrase!', fast);
    const plain = new Uint8Array(5 * 65536 + 1234).map((_, index) => (index * 7919) % 256);
    const path = join(dir, 'recording.ogg');
    await writeFile(path, await cipher.seal(plain));
    const file = await EncryptedFile.open(path, cipher);
    expect(file.size).toBe(plain.length);
    for (const [start, end] of [[0, 0], [0, 65535], [65530, 65545], [100_000, 300_000], [5 * 65536, plain.length - 1], [plain.length - 10, plain.length + 100]] as const) {
      expect(Buffer.from(await file.read(start, end)).equals(Buffer.from(plain.subarray(start, Math.min(end, plain.length - 1) + 1)))).toBe(true);
    }
    const pieces: Uint8Array[] = [];
    for await (const piece of file.pieces(1000, 200_000)) pieces.push(piece);
    const streamed = Buffer.concat(pieces);
    expect(streamed.equals(Buffer.from(plain.subarray(1000, 200_001)))).toBe(true);
    await file.close();
  });

  it('refuses an altered chunk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ranged-tamper-'));
    const { cipher } = await createKeyring(dir, 'a passphrase!', fast);
    const sealed = await cipher.seal(new Uint8Array(200_000));
    const inSecondChunk = Buffer.from(sealed);
    inSecondChunk[sealed.length - (200_000 - 70_000)]! ^= 1; // 65 536 + 16 + … : inside the second chunk
    await writeFile(join(dir, 'x'), inSecondChunk);
    const file = await EncryptedFile.open(join(dir, 'x'), cipher);
    expect((await file.read(0, 10)).length).toBe(11); // untouched chunks still read
    await expect(file.read(70_000, 70_010)).rejects.toThrow(/failed its check/);
    await file.close();
    // The final chunk is checked when the file is opened: a recording cut or altered at its end never plays as a shorter one.
    const inLastChunk = Buffer.from(sealed);
    inLastChunk[sealed.length - 10]! ^= 1;
    await writeFile(join(dir, 'y'), inLastChunk);
    await expect(EncryptedFile.open(join(dir, 'y'), cipher)).rejects.toThrow(/failed its check/);
  });
});

describe.skipIf(!hasAge)(hasAge ? 'interoperability with the age command-line tool' : 'interoperability with age (skipped: the age tool is not installed)', () => {
  it('files written by the app decrypt with age; files written by age open in the app', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'age-interop-'));
    const { cipher } = await createKeyring(dir, 'interop passphrase', fast);
    const sealed = await cipher.seal('{"narrator":"최순희"}');
    expect(isAgeEncrypted(sealed)).toBe(true);
    await writeFile(join(dir, 'interview.json'), sealed);
    await writeFile(join(dir, 'identity.txt'), `${cipher.secretIdentity}\n`);
    expect(execFileSync('age', ['-d', '-i', join(dir, 'identity.txt'), join(dir, 'interview.json')]).toString()).toBe('{"narrator":"최순희"}');

    const big = Buffer.alloc(3 * 65536 + 77, 0x5a);
    await writeFile(join(dir, 'plain.bin'), big);
    execFileSync('age', ['-r', cipher.recipient, '-o', join(dir, 'by-age.age'), join(dir, 'plain.bin')]);
    const fromAge = await readFile(join(dir, 'by-age.age'));
    expect(Buffer.from(await cipher.open(fromAge)).equals(big)).toBe(true);
    const file = await EncryptedFile.open(join(dir, 'by-age.age'), cipher);
    expect(Buffer.from(await file.read(65_000, 140_000)).equals(big.subarray(65_000, 140_001))).toBe(true);
    await file.close();
  });
});
