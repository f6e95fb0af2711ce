import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers';
import { LibrarySession } from '../library-session';
import { LibraryLock } from './library-lock';

const options = (dataDir: string, lock: LibraryLock) => ({
  session: new LibrarySession({ dataDir, resourcesDir: resolve(__dirname, '../../../../resources'), lock, createIfNew: 'plain' }),
  dataDir,
  resourcesDir: resolve(__dirname, '../../../../resources'),
  version: 'test',
  mediaBaseUrl: 'x/',
  chooseExportPath: async () => null,
  chooseRecording: async () => null,
});

describe('one writer per library', () => {
  it('refuses a second opener, naming who holds the library; after release it opens again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lock-'));
    const first = await LibraryLock.acquire(dataDir, 'the Testimony Desk window');
    await createHandlers(options(dataDir, first));
    const second = LibraryLock.acquire(dataDir, 'the testimony command line');
    await expect(second).rejects.toMatchObject({ code: 'locked' });
    await expect(second).rejects.toThrow(/open in the Testimony Desk window \(process \d+, since /);
    await first.release();
    const again = await LibraryLock.acquire(dataDir, 'the testimony command line');
    expect(await readdir(dataDir)).toContain('library.lock');
    await again.release();
    expect(await readdir(dataDir)).not.toContain('library.lock');
  });

  it('takes over a lock left by a process that no longer runs (a crash)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lock-stale-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    await writeFile(join(dataDir, 'library.lock'), JSON.stringify({ pid: Number(dead), host: hostname(), holder: 'the Testimony Desk window', since: '2026-01-01' }));
    const lock = await LibraryLock.acquire(dataDir, 'the testimony command line');
    await lock.release();
  });

  it('a lock from another computer is kept unless the user breaks it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lock-remote-'));
    await writeFile(join(dataDir, 'library.lock'), JSON.stringify({ pid: 1, host: 'other-laptop', holder: 'the Testimony Desk window', since: '2026-01-01' }));
    await expect(LibraryLock.acquire(dataDir, 'cli')).rejects.toThrow(/on other-laptop.*--break-lock/);
    const lock = await LibraryLock.acquire(dataDir, 'cli', { breakStale: true });
    await lock.release();
  });
});
