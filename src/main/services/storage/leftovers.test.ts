import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers';
import { Library } from '../library';
import { writeFileDurably } from './durable-file';
import { canMountTmpfs } from './test-support/tmpfs';
import { teamPass, writeOutgoing } from '../export/gate';
import { LibrarySession } from '../library-session';
import { LibraryLock } from './library-lock';

const resourcesDir = resolve(__dirname, '../../../../resources');

async function openHandlers(dataDir: string) {
  const lock = await LibraryLock.acquire(dataDir, 'leftovers test');
  const handlers = await createHandlers({ session: new LibrarySession({ dataDir, resourcesDir, lock, createIfNew: 'plain' }), dataDir, resourcesDir, version: 'test', mediaBaseUrl: 'x/', chooseExportPath: async () => null, chooseRecording: async () => null });
  return { handlers, lock };
}

/** Every file under a folder, relative to it. */
async function allFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1)).sort();
}

describe('no trace of a transcript outside what the library holds', () => {
  it('a save killed between its temp file and the rename leaves a temp that the next open removes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kill-'));
    const library = await Library.open(dataDir);
    const interview = await library.create('Kill during save');
    const path = join(dataDir, 'interviews', interview.id, 'interview.json');
    // A "kill": the writer stops for good after its temp file is on disk; no cleanup ever runs.
    void writeFileDurably(path, JSON.stringify({ ...interview, title: '최순희의 이야기' }), { beforeRename: () => new Promise(() => undefined) });
    await expect.poll(async () => (await readdir(join(dataDir, 'interviews', interview.id))).some((name) => name.endsWith('.tmp'))).toBe(true);

    const { handlers, lock } = await openHandlers(dataDir);
    const files = await allFiles(dataDir);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await handlers['interview.get']({ id: interview.id })).title).toBe('Kill during save');
    await lock.release();
  });

  it('a failed write removes its own temp file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'failed-'));
    const path = join(folder, 'interview.json');
    await writeFile(path, 'old');
    await expect(writeFileDurably(path, 'new', { beforeRename: async () => Promise.reject(new Error('rename failed')) })).rejects.toThrow('rename failed');
    expect(await readdir(folder)).toEqual(['interview.json']);
  });


  it.skipIf(!canMountTmpfs)(
    canMountTmpfs ? 'a full disk fails the save, keeps the old file and leaves no partial temp' : 'a full disk … (skipped: this machine cannot mount a small tmpfs)',
    async () => {
      const folder = await mkdtemp(join(tmpdir(), 'full-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder]);
      try {
        const path = join(folder, 'interview.json');
        await writeFile(path, 'old state');
        const attempt = writeFileDurably(path, 'x'.repeat(200_000));
        await expect(attempt).rejects.toMatchObject({ code: 'ENOSPC' });
        expect(await readdir(folder)).toEqual(['interview.json']);
        expect(await readFile(path, 'utf8')).toBe('old state');
        // An export on a full disk: its temp beside the target goes again, no half file stays.
        await expect(writeOutgoing(join(folder, 'export.docx'), new Uint8Array(200_000), teamPass())).rejects.toMatchObject({ code: 'ENOSPC' });
        expect(await readdir(folder)).toEqual(['interview.json']);
        expect(existsSync(join(folder, 'export.docx'))).toBe(false);
      } finally {
        execFileSync('umount', [folder]);
      }
    },
  );

  it('opening a library sweeps temps, half imports, abandoned uploads and export temps, and orphaned folders', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sweep-'));
    const library = await Library.open(dataDir);
    const interview = await library.create('Keep me');
    const media = join(dataDir, 'interviews', interview.id, 'media');
    await writeFile(join(dataDir, '.library.json.123.0123456789ab.tmp'), '{"partial":');
    await writeFile(join(dataDir, 'interviews', interview.id, '.interview.json.77.abcdefabcdef.tmp'), '{"title":"최순희"}');
    await writeFile(join(media, '.importing-0a1b2c.ogg'), 'half a recording');
    await mkdir(join(dataDir, '.uploads'));
    await writeFile(join(dataDir, '.uploads', 'abandoned.ogg'), 'dropped and never finished');
    await mkdir(join(dataDir, '.scratch'));
    await writeFile(join(dataDir, '.scratch', '.article.docx.9.ffffffffffff.tmp'), 'export temp');
    await mkdir(join(dataDir, 'interviews', 'orphan-123', 'media'), { recursive: true });
    await writeFile(join(dataDir, 'interviews', 'orphan-123', 'media', 'recording.ogg'), 'recording of a deleted interview');

    const { lock } = await openHandlers(dataDir);
    // What remains: the interview, its translation-memory index, the library.
    expect(await allFiles(dataDir)).toEqual(['interviews/' + interview.id + '/interview.json', 'interviews/' + interview.id + '/memory.idx', 'library.json', 'library.lock'].sort());
    await lock.release();
    await rm(dataDir, { recursive: true });
  });
});
