// "Encrypt this library" stopped between any two of its writes (a crash, a kill, a full disk):
// the next start either rolls it back (nothing was encrypted yet) or, once the passphrase opens
// the library, finishes it — and says which. Never a keyring beside a library that opens as plain.
import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newSegment } from '../../../../shared/interview';
import { LibrarySession } from '../../library-session';
import { afterDurableWrite } from '../durable-file';
import { LibraryLock } from '../library-lock';
import { plainFiles } from './convert-library';
import { IDENTITY_FILE, RECOVERY_FILE } from './keyring';

const resourcesDir = resolve(__dirname, '../../../../../resources');
const keyring = { scryptLogN: 10 };
const PASSPHRASE = 'correct horse battery';

async function start(dataDir: string) {
  const lock = await LibraryLock.acquire(dataDir, 'interrupted encryption test');
  const session = new LibrarySession({ dataDir, resourcesDir, lock, keyring });
  await session.start();
  return { session, close: async () => (await session.close(), await lock.release()) };
}

/** A plain library with two interviews, made once and copied for each interruption. */
async function plainLibrary(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'interrupted-original-'));
  const { session, close } = await start(dataDir);
  await session.setUp('plain');
  const { library } = session.open();
  for (const title of ['첫 인터뷰', '둘째 인터뷰']) {
    const interview = await library.create(title);
    await library.save({ ...interview, segments: [newSegment({ id: 'seg-1', start: 0, end: 4, source: `${title} 원문`, translation: 'translation' })] });
  }
  await close();
  return dataDir;
}

class Stopped extends Error {}

/** Runs "Encrypt this library" and stops it right after its `stopAfter`-th write (never, when 0); how many writes it made. */
async function encryptStoppingAfter(dataDir: string, stopAfter: number): Promise<number> {
  const { session, close } = await start(dataDir);
  let writes = 0;
  afterDurableWrite.hook = () => {
    writes += 1;
    if (writes === stopAfter) throw new Stopped(`stopped after write ${writes}`);
  };
  try {
    await session.encrypt(PASSPHRASE);
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
  } finally {
    afterDurableWrite.hook = null;
    await close();
  }
  return writes;
}

async function titles(session: LibrarySession): Promise<string[]> {
  const { library } = session.open();
  const ids = await library.interviewIds();
  return (await Promise.all(ids.map(async (id) => (await library.get(id)).segments[0]!.source))).sort();
}

describe('an interrupted “encrypt this library”', () => {
  it('is rolled back or finished at the next start, after every one of its writes, and says which', async () => {
    const original = await plainLibrary();
    const total = await encryptStoppingAfter(await copyOf(original), 0);
    expect(total).toBeGreaterThanOrEqual(4); // recovery key, identity, and the library's files
    const outcomes = { rolledBack: 0, finished: 0 };
    for (let stopAfter = 1; stopAfter < total; stopAfter += 1) {
      const dataDir = await copyOf(original);
      await encryptStoppingAfter(dataDir, stopAfter);
      const { session, close } = await start(dataDir);
      try {
        if (existsSync(join(dataDir, IDENTITY_FILE))) {
          // Encrypted: it waits for the passphrase, then finishes what was left plain.
          expect(session.state, `after write ${stopAfter}`).toBe('locked');
          await session.unlock(PASSPHRASE);
          expect(await plainFiles(dataDir)).toEqual([]);
          outcomes.finished += 1;
          expect(session.keyringNotice ?? 'nothing was left', `after write ${stopAfter}`).toMatch(/finished now|nothing was left/);
        } else {
          // Rolled back: no key file is left beside a library that opens plain.
          expect(existsSync(join(dataDir, RECOVERY_FILE)), `after write ${stopAfter}`).toBe(false);
          expect(session.state).toBe('open');
          expect(session.keyringNotice).toMatch(/rolled back/);
          outcomes.rolledBack += 1;
        }
        expect(await titles(session)).toEqual(['둘째 인터뷰 원문', '첫 인터뷰 원문']);
      } finally {
        await close();
      }
    }
    expect(outcomes.rolledBack).toBe(1); // stopped after the recovery key, before the identity
    expect(outcomes.finished).toBe(total - 2);
  }, 120_000);
});

async function copyOf(original: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'interrupted-'));
  await cp(original, copy, { recursive: true });
  return copy;
}
