import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from './handlers';
import { LibrarySession } from './library-session';
import { LibraryLock } from './storage/library-lock';

const resourcesDir = resolve(__dirname, '../../../resources');
const sampleRecording = join(resourcesDir, 'sample', 'recording.ogg');

async function setUp() {
  const dataDir = await mkdtemp(join(tmpdir(), 'delete-busy-'));
  const lock = await LibraryLock.acquire(dataDir, 'test');
  const handlers = await createHandlers({
    session: new LibrarySession({ dataDir, resourcesDir, lock, createIfNew: 'plain' }),
    dataDir,
    resourcesDir,
    version: 'test',
    mediaBaseUrl: 'x/',
    chooseExportPath: async () => null,
    chooseRecording: async () => sampleRecording,
  });
  return { dataDir, handlers, lock };
}

describe('deleting an interview while its recording is still arriving', () => {
  it('cancels the upload: finishing it recreates nothing, and no file of the interview is left', async () => {
    const { dataDir, handlers, lock } = await setUp();
    const interview = await handlers['interview.create']({ title: 'Upload then delete' });
    const bytes = await readFile(sampleRecording);
    const { uploadId } = await handlers['media.uploadBegin']({ id: interview.id, fileName: 'talk.ogg', size: bytes.length });
    await handlers['media.uploadChunk']({ uploadId, offset: 0, data: bytes.subarray(0, 100_000).toString('base64') });
    await handlers['interview.delete']({ id: interview.id });
    await expect(handlers['media.uploadChunk']({ uploadId, offset: 100_000, data: bytes.subarray(100_000).toString('base64') })).rejects.toThrow(/no longer open/);
    await expect(handlers['media.uploadFinish']({ uploadId, confirmed: false })).rejects.toThrow();
    expect(existsSync(join(dataDir, 'interviews', interview.id))).toBe(false);
    expect(await readdir(join(dataDir, '.uploads'))).toEqual([]);
    await lock.release();
  });

  it('stops an import from the dialog: the media folder is not made again', async () => {
    const { dataDir, handlers, lock } = await setUp();
    const interview = await handlers['interview.create']({ title: 'Import then delete' });
    const importing = handlers['media.import']({ id: interview.id, confirmed: false }).then(
      () => 'imported',
      (error: Error) => error.message,
    );
    await handlers['interview.delete']({ id: interview.id });
    expect(await importing).toMatch(/no longer exists|was stopped|does not exist/);
    expect(existsSync(join(dataDir, 'interviews', interview.id))).toBe(false);
    await lock.release();
  });
});

describe('closing the library while work still runs', () => {
  it('stops a waveform being computed: nothing is written into the library after close', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'close-busy-'));
    const lock = await LibraryLock.acquire(dataDir, 'test');
    const session = new LibrarySession({ dataDir, resourcesDir, lock, createIfNew: 'plain' });
    const handlers = await createHandlers({ session, dataDir, resourcesDir, version: 'test', mediaBaseUrl: 'x/', chooseExportPath: async () => null, chooseRecording: async () => sampleRecording });
    const interview = await handlers['interview.create']({ title: 'Peaks then close' });
    const imported = await handlers['media.import']({ id: interview.id, confirmed: false });
    if (!imported.imported) throw new Error('not imported');
    const media = join(dataDir, 'interviews', interview.id, 'media');
    const cache = join(media, `${imported.interview.recording!.fileName}.peaks.json`);
    await rm(cache); // so the waveform has to be computed again

    const drawing = handlers['media.peaks']({ id: interview.id }).then(
      () => 'drawn',
      () => 'stopped',
    );
    await session.close();
    const filesAtClose = await readdir(media);
    await lock.release();
    expect(await drawing).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readdir(media)).toEqual(filesAtClose);
    expect(existsSync(cache)).toBe(false);
  });
});
