// age's passphrase stanza (the scrypt recipient of age-encryption.org/v1), both ways, derived with
// Node's native scrypt in the thread pool rather than age-encryption's JavaScript one on the main
// thread: a key derivation of a second or two must not freeze the window, and the JavaScript one
// costs ~2 s of CPU and ~260 MB at age's work factor where the native one takes a fraction.
// The stanza is byte for byte what age writes (salt, work factor, the file key sealed with
// ChaCha20-Poly1305 under a zero nonce), so `age -d` opens what this writes and this opens what
// age (or age-encryption's own passphrase code) wrote.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { Stanza, type Identity, type Recipient } from 'age-encryption';

const LABEL = 'age-encryption.org/v1/scrypt';
/** age's default work factor: 2^18 iterations, 256 MiB of memory. */
export const SCRYPT_WORK_FACTOR = 18;
let workFactor = SCRYPT_WORK_FACTOR;
/** The work factor new passphrase stanzas get: age's default, unless a test lowered it. */
export const currentScryptWorkFactor = () => workFactor;
/**
 * For tests where scrypt is not what is tested (a command line run, a package sent): a cheap work
 * factor for everything locked afterwards in this process. The app never calls it (a unit test
 * checks that only test files do).
 */
export function lowerScryptWorkFactorForTests(logN: number): void {
  workFactor = logN;
}

/** The highest work factor a file may ask of us (as age-encryption and age cap it): more is a denial of service. */
const MAX_WORK_FACTOR = 20;

function derive(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  // scrypt needs 128·r·N bytes; Node refuses more than `maxmem`, 32 MiB by default (too little for N = 2^18).
  const memory = 128 * 8 * 2 ** logN;
  return new Promise((resolve, reject) =>
    scrypt(passphrase, Buffer.concat([Buffer.from(LABEL), salt]), 32, { N: 2 ** logN, r: 8, p: 1, maxmem: memory + 32 * 2 ** 20 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const base64NoPad = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export class ScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN = currentScryptWorkFactor(),
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await derive(this.passphrase, salt, this.logN);
    const cipher = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    return [new Stanza(['scrypt', base64NoPad(salt), String(this.logN)], body)];
  }
}

/** Opens a passphrase stanza, with the same checks age makes (the only stanza, a 16-byte salt, a sane work factor). */
export class ScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header');
      const [, saltText, logNText] = stanza.args;
      if (stanza.args.length !== 3 || !saltText || !logNText || !/^[1-9][0-9]*$/.test(logNText)) throw new Error('invalid scrypt stanza');
      const salt = Buffer.from(saltText, 'base64');
      if (salt.length !== 16 || base64NoPad(salt) !== saltText) throw new Error('invalid scrypt stanza');
      const logN = Number(logNText);
      if (logN > MAX_WORK_FACTOR) throw new Error('scrypt work factor is too high');
      if (stanza.body.length !== 32) throw new Error('invalid stanza');
      const key = await derive(this.passphrase, salt, logN);
      const decipher = createDecipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
      decipher.setAuthTag(stanza.body.subarray(16));
      try {
        return new Uint8Array(Buffer.concat([decipher.update(stanza.body.subarray(0, 16)), decipher.final()]));
      } catch {
        return null; // another passphrase: not an error, the next identity may open it
      }
    }
    return null;
  }
}
