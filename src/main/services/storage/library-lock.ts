// One writer per library: the window and the command line take `library.lock` before they open
// a library, so two of them never overwrite each other's edits. The file names its holder, so the
// refusal can say who has the library; a lock whose process is gone (a crash) is taken over.
import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DeskError } from '../desk-error';

type LockHolder = { pid: number; host: string; holder: string; since: string };

export const LOCK_FILE_NAME = 'library.lock';

/** Locks this process holds, by folder: a second open in the same process is refused too. */
const heldHere = new Set<string>();

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, holder: String(parsed.holder ?? 'another program').slice(0, 80), since: String(parsed.since ?? '').slice(0, 40) };
  } catch {
    return null;
  }
}

const describeHolder = (holder: LockHolder) =>
  `${holder.holder} (process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host.slice(0, 60)}`}${holder.since ? `, since ${holder.since}` : ''})`;

const refusal = (holder: LockHolder) =>
  `This library is open in ${describeHolder(holder)}. Close it there first. If that program is no longer running (after a crash on another computer), start again with --break-lock, or remove ${LOCK_FILE_NAME} from the library folder.`;

export class LibraryLock {
  private constructor(
    readonly path: string,
    private readonly folder: string,
    /** The folder cannot be written (a read-only disk or share): nothing to lock, nothing to save. */
    readonly readOnly: boolean,
  ) {}

  /**
   * Takes the library's lock or refuses with a message naming who holds it. `breakStale` takes
   * over a lock from another computer (a shared folder) that the user says is no longer in use.
   */
  static async acquire(dataDir: string, holderName: string, options: { breakStale?: boolean } = {}): Promise<LibraryLock> {
    const folder = resolve(dataDir);
    const path = join(folder, LOCK_FILE_NAME);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const current = heldHere.has(folder) ? await readHolder(path) : null;
      if (current) throw new DeskError('locked', refusal(current));
      try {
        const file = await open(path, 'wx', 0o600);
        await file.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), holder: holderName, since: new Date().toISOString() }));
        await file.close();
        heldHere.add(folder);
        return new LibraryLock(path, folder, false);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
          heldHere.add(folder);
          return new LibraryLock(path, folder, true);
        }
        if (code !== 'EEXIST') throw error;
      }
      const holder = await readHolder(path);
      // Within this process the lock is never stale: a second opener here is refused too.
      const stale =
        holder === null || (holder.host === hostname() && !processIsAlive(holder.pid)) || (holder.pid !== process.pid && options.breakStale === true);
      if (!stale) throw new DeskError('locked', refusal(holder));
      await rm(path, { force: true }); // a crashed holder's lock: take it over
    }
    throw new DeskError('locked', `The library's lock could not be taken. Remove ${LOCK_FILE_NAME} from the library folder if nothing else uses it.`);
  }

  async release(): Promise<void> {
    heldHere.delete(this.folder);
    if (this.readOnly) return;
    const current = await readHolder(this.path);
    if (current?.pid === process.pid) await rm(this.path, { force: true });
  }
}
