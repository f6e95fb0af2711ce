// age's passphrase stanza (the scrypt recipient of age-encryption.org/v1), derived with Node's
// scrypt in the thread pool rather than age-encryption's JavaScript one on the main thread: a
// key derivation of a second or two must not freeze the window. The stanza is byte for byte what
// age writes (salt, work factor, the file key sealed with ChaCha20-Poly1305 under a zero nonce),
// so `age -d` and age-encryption's own passphrase identity open it; opening stays with them.
import { createCipheriv, randomBytes, scrypt } from 'node:crypto';
import { Stanza, type Recipient } from 'age-encryption';

const LABEL = 'age-encryption.org/v1/scrypt';
/** age's default work factor: 2^18 iterations, 256 MiB of memory. */
export const SCRYPT_WORK_FACTOR = 18;

function derive(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  const memory = 128 * 8 * 2 ** logN;
  return new Promise((resolve, reject) =>
    scrypt(passphrase, Buffer.concat([Buffer.from(LABEL), salt]), 32, { N: 2 ** logN, r: 8, p: 1, maxmem: memory + 32 * 2 ** 20 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export class ScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN = SCRYPT_WORK_FACTOR,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await derive(this.passphrase, salt, this.logN);
    const cipher = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    return [new Stanza(['scrypt', salt.toString('base64').replace(/=+$/, ''), String(this.logN)], body)];
  }
}
