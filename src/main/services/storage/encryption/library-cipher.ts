// Encryption at rest with age (age-encryption.org/v1), through the `age-encryption` package:
// every file of an encrypted library is encrypted to one X25519 identity, which the user's
// passphrase protects (see keyring.ts). Files stay readable by the standard `age` tool:
//   age -d -i identity.txt interviews/<id>/interview.json
import { Decrypter, Encrypter } from 'age-encryption';

const MAGIC = new TextEncoder().encode('age-encryption.org/v1\n');

/** True when the bytes begin like an age file (text files of a plain library never do). */
export function isAgeEncrypted(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let index = 0; index < MAGIC.length; index += 1) if (bytes[index] !== MAGIC[index]) return false;
  return true;
}

export class LibraryCipher {
  private identity: string | null;
  private readonly encrypter = new Encrypter();
  private decrypter: Decrypter | null = new Decrypter();

  constructor(identity: string, readonly recipient: string) {
    this.identity = identity;
    this.encrypter.addRecipient(recipient);
    this.decrypter!.addIdentity(identity);
  }

  /** The identity as text (AGE-SECRET-KEY-1…), for wrapping it with a passphrase. */
  get secretIdentity(): string {
    if (!this.identity) throw new Error('locked');
    return this.identity;
  }

  seal(content: string | Uint8Array): Promise<Uint8Array> {
    return this.encrypter.encrypt(content);
  }

  sealStream(source: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
    return this.encrypter.encrypt(source);
  }

  open(bytes: Uint8Array): Promise<Uint8Array> {
    return this.requireDecrypter().decrypt(bytes);
  }

  openText(bytes: Uint8Array): Promise<string> {
    return this.requireDecrypter().decrypt(bytes, 'text');
  }

  openStream(source: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
    return this.requireDecrypter().decrypt(source);
  }

  /** The file key of one file, from its header: enough to decrypt any of its chunks. */
  fileKey(header: Uint8Array): Promise<Uint8Array> {
    return this.requireDecrypter().decryptHeader(header);
  }

  /** Drops the identity: after a lock nothing here can decrypt again. */
  forget(): void {
    this.identity = null;
    this.decrypter = null;
  }

  private requireDecrypter(): Decrypter {
    if (!this.decrypter) throw new Error('The library is locked.');
    return this.decrypter;
  }
}
