// Encryption at rest with age (age-encryption.org/v1), through the `age-encryption` package:
// every file of an encrypted library is encrypted to one X25519 identity, which the user's
// passphrase protects (see keyring.ts). Files stay readable by the standard `age` tool:
//   age -d -i identity.txt interviews/<id>/interview.json
import { Decrypter } from 'age-encryption';
import { headerLength, newFileKey, openPayload, sealFile } from './age-payload';
import { sealPayload } from './age-stream';
import { utf8Bytes } from '../utf8';

const MAGIC = new TextEncoder().encode('age-encryption.org/v1\n');

/** True when the bytes begin like an age file (text files of a plain library never do). */
export function isAgeEncrypted(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let index = 0; index < MAGIC.length; index += 1) if (bytes[index] !== MAGIC[index]) return false;
  return true;
}

export class LibraryCipher {
  private identity: string | null;
  private decrypter: Decrypter | null = new Decrypter();

  constructor(identity: string, readonly recipient: string) {
    this.identity = identity;
    this.decrypter!.addIdentity(identity);
  }

  /** The identity as text (AGE-SECRET-KEY-1…), for wrapping it with a passphrase. */
  get secretIdentity(): string {
    if (!this.identity) throw new Error('locked');
    return this.identity;
  }

  /**
   * A whole document. The header (a fresh file key wrapped for the library's recipient) comes
   * from age-encryption; the payload is sealed natively (age-payload.ts): same format, faster.
   */
  async seal(content: string | Uint8Array): Promise<Uint8Array> {
    // The next file's key is prepared while this one is written: no key exchange on the save path.
    const ready = this.spareKey ?? this.freshKey();
    this.spareKey = this.freshKey();
    this.spareKey.catch(() => undefined);
    const { header, fileKey } = await ready;
    return sealFile(header, fileKey, typeof content === 'string' ? utf8Bytes(content) : content);
  }

  private spareKey: Promise<{ header: Uint8Array; fileKey: Uint8Array }> | null = null;

  /** A new random file key, wrapped for the library's recipient in an age header. */
  private freshKey(): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
    return newFileKey(this.recipient);
  }

  /** A file that arrives in pieces (a recording): the header, then the payload sealed as it comes. */
  async *sealStream(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    const { header, fileKey } = await this.freshKey();
    yield header;
    yield* sealPayload(fileKey, source);
  }

  async open(bytes: Uint8Array): Promise<Uint8Array> {
    const length = headerLength(bytes);
    const fileKey = await this.fileKey(bytes.subarray(0, length));
    try {
      return openPayload(fileKey, bytes.subarray(length));
    } catch {
      throw new Error('The file failed its check: it is damaged or was altered.');
    }
  }

  async openText(bytes: Uint8Array): Promise<string> {
    return Buffer.from(await this.open(bytes)).toString('utf8');
  }

  /** The file key of one file, from its header: enough to decrypt any of its chunks. */
  fileKey(header: Uint8Array): Promise<Uint8Array> {
    return this.requireDecrypter().decryptHeader(header);
  }

  /** Drops the identity: after a lock nothing here can decrypt again. */
  forget(): void {
    this.identity = null;
    this.decrypter = null;
    this.spareKey = null;
  }

  private requireDecrypter(): Decrypter {
    if (!this.decrypter) throw new Error('The library is locked.');
    return this.decrypter;
  }
}
