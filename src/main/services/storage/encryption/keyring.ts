// The passphrase protects one library identity (an age X25519 key), kept in `identity.age`,
// itself an age file encrypted with the passphrase (scrypt). Unlocking costs one scrypt; each
// file then opens with the identity alone. A recovery key, shown once, wraps the same identity
// in `identity.recovery.age`. Changing the passphrase rewrites only `identity.age`.
//
// With the standard tool, and no help from this app:
//   age -d identity.age > identity.txt            (asks for the passphrase)
//   age -d -i identity.txt interviews/<id>/interview.json > interview.json
import { randomBytes } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { currentScryptWorkFactor, ScryptIdentity, ScryptRecipient } from './scrypt-recipient';
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { DeskError } from '../../desk-error';
import { writeFileDurably } from '../durable-file';
import { LibraryCipher } from './library-cipher';

export const IDENTITY_FILE = 'identity.age';
export const RECOVERY_FILE = 'identity.recovery.age';

export type KeyringOptions = {
  /** scrypt's log2 work factor; age's default (18) unless a test asks for less. */
  scryptLogN?: number;
};

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** An encrypted library is one with its identity file: the passphrase opens it. */
export const isEncryptedLibrary = (dataDir: string): Promise<boolean> => exists(join(dataDir, IDENTITY_FILE));

/**
 * "Encrypt this library" writes the recovery file first and the identity file last, and encrypts
 * no file before both are written. A library with the recovery file and no identity file was
 * interrupted in between: its key was never used and its recovery key never shown, so the only
 * safe way on is back. Removes the half keyring; true when there was one.
 */
export async function rollBackHalfKeyring(dataDir: string): Promise<boolean> {
  if ((await isEncryptedLibrary(dataDir)) || !(await exists(join(dataDir, RECOVERY_FILE)))) return false;
  await rm(join(dataDir, RECOVERY_FILE), { force: true });
  return true;
}

async function wrap(identity: string, passphrase: string, options: KeyringOptions): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(new ScryptRecipient(passphrase, options.scryptLogN ?? currentScryptWorkFactor()));
  return encrypter.encrypt(identity);
}

async function unwrap(bytes: Uint8Array, passphrase: string): Promise<string | null> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(new ScryptIdentity(passphrase));
  try {
    return (await decrypter.decrypt(bytes, 'text')).trim();
  } catch {
    return null;
  }
}

/** Six groups of five characters from an alphabet without look-alikes: easy to write down. */
function newRecoveryKey(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(30);
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
  return Array.from({ length: 6 }, (_, group) => characters.slice(group * 5, group * 5 + 5).join('')).join('-');
}

export const MIN_PASSPHRASE_LENGTH = 8;

export async function createKeyring(dataDir: string, passphrase: string, options: KeyringOptions = {}): Promise<{ cipher: LibraryCipher; recoveryKey: string }> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new DeskError('invalid-input', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  if (await isEncryptedLibrary(dataDir)) throw new DeskError('refused', 'This library is already encrypted.');
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const recoveryKey = newRecoveryKey();
  // The identity file last: until it is written the library is plain (see rollBackHalfKeyring).
  await writeFileDurably(join(dataDir, RECOVERY_FILE), await wrap(identity, recoveryKey, options));
  await writeFileDurably(join(dataDir, IDENTITY_FILE), await wrap(identity, passphrase, options));
  return { cipher: new LibraryCipher(identity, recipient), recoveryKey };
}

/** Opens the identity with the passphrase (or the recovery key); a wrong one changes nothing. */
export async function unlockKeyring(dataDir: string, passphrase: string): Promise<LibraryCipher> {
  const attempts: [string, string][] = [
    [IDENTITY_FILE, passphrase],
    // The recovery key is read back from paper: case and stray spaces do not matter.
    [RECOVERY_FILE, passphrase.trim().toUpperCase().replace(/\s+/g, '')],
  ];
  for (const [file, secret] of attempts) {
    const bytes = await readFile(join(dataDir, file)).catch(() => null);
    if (!bytes) continue;
    const identity = await unwrap(bytes, secret);
    if (identity) return new LibraryCipher(identity, await identityToRecipient(identity));
  }
  throw new DeskError('locked', 'That passphrase does not open this library. Nothing was changed.');
}

/** Re-wraps the identity with a new passphrase: one small atomic write, no file rewritten. */
export async function changePassphrase(dataDir: string, current: string, next: string, options: KeyringOptions = {}): Promise<void> {
  if (next.length < MIN_PASSPHRASE_LENGTH) throw new DeskError('invalid-input', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  const cipher = await unlockKeyring(dataDir, current);
  await writeFileDurably(join(dataDir, IDENTITY_FILE), await wrap(cipher.secretIdentity, next, options));
}
