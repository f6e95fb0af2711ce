// An encrypted library, searched byte for byte: after creating it, importing the sample
// recording (from disk and as a drop), saving a transcript with names, drawing peaks, proposing
// segments, serving ranges, exporting, a kill during a save and a relaunch, no file under the
// data folder holds the interview's text, a name, or a stretch of the recording.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { identityToRecipient } from 'age-encryption';
import { hasAgeTool } from './storage/encryption/age-tool';
import { describe, expect, it } from 'vitest';
import { newSegment } from '../../shared/interview';
import { changesBetween } from '../../shared/interview-changes';
import { serveRecording } from './asset-responses';
import { createHandlers } from './handlers';
import { LibrarySession } from './library-session';
import { isAgeEncrypted } from './storage/encryption/library-cipher';
import { plainFiles } from './storage/encryption/convert-library';
import { LibraryLock } from './storage/library-lock';

const resourcesDir = resolve(__dirname, '../../../resources');
const sampleRecording = join(resourcesDir, 'sample', 'recording.ogg');
const keyring = { scryptLogN: 10 };

async function launch(dataDir: string, exportTo: string) {
  const lock = await LibraryLock.acquire(dataDir, 'encrypted test');
  const session = new LibrarySession({ dataDir, resourcesDir, lock, keyring });
  const handlers = await createHandlers({
    session,
    dataDir,
    resourcesDir,
    version: 'test',
    mediaBaseUrl: 'x/',
    chooseExportPath: async () => exportTo,
    chooseRecording: async () => sampleRecording,
  });
  return {
    handlers,
    session,
    close: async () => {
      await session.close();
      await lock.release();
    },
  };
}

async function everyFile(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Fails if any file under the folder contains one of the needles (as UTF-8 or raw bytes). */
async function expectNoTrace(folder: string, needles: (string | Buffer)[]) {
  for (const path of await everyFile(folder)) {
    // A temp file renamed away between listing and reading (a deferred index write in flight)
    // holds nothing any more: what it became is in the listing's next read, or the next call's.
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return Buffer.alloc(0);
      throw error;
    });
    for (const needle of needles) expect(bytes.includes(needle), `${path} holds ${typeof needle === 'string' ? needle : 'recording bytes'}`).toBe(false);
  }
}

describe('an encrypted library', () => {
  it('keeps nothing readable on disk through import, editing, peaks, voice activity, playback, export, a crash and a relaunch', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'encrypted-'));
    const exportTo = join(await mkdtemp(join(tmpdir(), 'exports-')), 'subs.srt');
    const sample = await readFile(sampleRecording);
    const audioNeedles = [sample.subarray(4096, 4160), sample.subarray(100_000, 100_064), Buffer.from('OggS'), Buffer.from('vorbis')];
    const textNeedles = ['최순희', '박영희', '장마당', 'Park Young-hee', 'jangmadang', 'Arduous'];

    let app = await launch(dataDir, exportTo);
    expect(await app.handlers['library.status']({})).toEqual({ state: 'new', encrypted: false });
    await expect(app.handlers['library.list']({})).rejects.toMatchObject({ code: 'locked' });
    const { recoveryKey } = await app.handlers['library.setup']({ mode: 'encrypted', passphrase: 'long enough passphrase' });
    expect(recoveryKey).toMatch(/^[A-Z2-9-]{35}$/);

    const interview = await app.handlers['interview.create']({ title: '박영희 — Park Young-hee' });
    const withRecording = await app.handlers['media.import']({ id: interview.id, confirmed: false });
    if (!withRecording.imported) throw new Error('not imported');
    await app.handlers['interview.save']({
      interview: {
        ...withRecording.interview,
        narrator: { ...withRecording.interview.narrator, realName: '최순희', pseudonym: 'Lee Ji-woo' },
        segments: [newSegment({ id: 'seg-1', start: 0, end: 5, source: '장마당에서 박영희를 만났다.', translation: 'I met Park Young-hee at the jangmadang in the Arduous March.' })],
      },
    });
    // A dropped recording arrives in pieces and is sealed as it comes.
    const { uploadId } = await app.handlers['media.uploadBegin']({ id: interview.id, fileName: 'drop.ogg', size: sample.length });
    for (let offset = 0; offset < sample.length; offset += 200_000) {
      await app.handlers['media.uploadChunk']({ uploadId, offset, data: sample.subarray(offset, offset + 200_000).toString('base64') });
    }
    const dropped = (await app.handlers['media.uploadFinish']({ uploadId, confirmed: false })).interview;
    expect(dropped.recording?.durationSeconds).toBeGreaterThan(120);

    const peaks = await app.handlers['media.peaks']({ id: interview.id });
    expect(peaks.durationSeconds).toBeGreaterThan(120);
    const { spans } = await app.handlers['vad.propose']({ id: interview.id });
    expect(spans.length).toBeGreaterThan(5);

    // Playback: a range of the decrypted recording, byte for byte the original.
    const response = await serveRecording(dataDir, `/${interview.id}/${dropped.recording!.fileName}`, 'bytes=70000-140000', app.session.storeOrNull);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 70000-140000/${sample.length}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(sample.subarray(70_000, 140_001))).toBe(true);

    const exported = await app.handlers['export.save']({ id: interview.id, request: { format: 'srt', language: 'target', includeOpenQueries: false, includeNotes: false, includeStatus: false, draftMark: false, allowIncomplete: false, allowUnlisted: true } });
    expect(exported.saved).toBe(true);

    // An autosave of what changed is its own small file in the changes folder: sealed too.
    const current = await app.handlers['interview.get']({ id: interview.id });
    const noted = { ...current, segments: current.segments.map((segment) => ({ ...segment, notes: '박영희 sold at the jangmadang' })) };
    await app.handlers['interview.saveChanges']({ changes: changesBetween(current, noted, current.updatedAt) });
    expect(await readdir(join(dataDir, 'interviews', interview.id, 'changes'))).toEqual(['00000001.json']);

    // A kill during a save leaves a sealed temp, never a plain one; the relaunch sweeps it.
    const store = app.session.open().store;
    void store.writeText(join(dataDir, 'interviews', interview.id, 'interview.json'), '{"narrator":"최순희"}', { beforeRename: () => new Promise(() => undefined) });
    await expect.poll(async () => (await readdir(join(dataDir, 'interviews', interview.id))).some((name) => name.endsWith('.tmp'))).toBe(true);
    await expectNoTrace(dataDir, [...textNeedles, ...audioNeedles]);
    for (const path of await everyFile(dataDir)) {
      if (!path.endsWith('library.lock')) expect(isAgeEncrypted(await readFile(path)), path).toBe(true);
    }
    await app.close();

    app = await launch(dataDir, exportTo);
    expect(await app.handlers['library.status']({})).toEqual({ state: 'locked', encrypted: true });
    await expect(app.handlers['library.unlock']({ passphrase: 'wrong passphrase' })).rejects.toThrow(/does not open/);
    await app.handlers['library.unlock']({ passphrase: 'long enough passphrase' });
    expect((await app.handlers['interview.get']({ id: interview.id })).segments[0]!.translation).toContain('Park Young-hee');
    expect((await app.handlers['interview.get']({ id: interview.id })).segments[0]!.notes).toBe('박영희 sold at the jangmadang');
    expect((await readdir(join(dataDir, 'interviews', interview.id))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await app.handlers['library.lock']({});
    await expect(app.handlers['interview.get']({ id: interview.id })).rejects.toMatchObject({ code: 'locked' });
    expect((await serveRecording(dataDir, `/${interview.id}/${dropped.recording!.fileName}`, null, app.session.storeOrNull)).status).toBe(404);
    await app.handlers['library.unlock']({ passphrase: recoveryKey!.toLowerCase() });
    await app.handlers['library.changePassphrase']({ current: 'long enough passphrase', next: 'a brand new passphrase' });
    await app.close();
    await expectNoTrace(dataDir, [...textNeedles, ...audioNeedles]);
  }, 60_000);

  it('converts a plain library in place, resumes an interrupted conversion at the next unlock, and leaves no readable file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'convert-'));
    let app = await launch(dataDir, '/dev/null');
    await app.handlers['library.setup']({ mode: 'plain' });
    const interview = await app.handlers['interview.create']({ title: '최순희의 장마당' });
    await app.handlers['media.import']({ id: interview.id, confirmed: false });
    const plainBefore = await plainFiles(dataDir);
    expect(plainBefore).toEqual(expect.arrayContaining(['library.json', `interviews/${interview.id}/interview.json`, `interviews/${interview.id}/media/recording.ogg`]));
    const { recoveryKey, replaced } = await app.handlers['library.encrypt']({ passphrase: 'convert me please' });
    expect(recoveryKey).toBeTruthy();
    expect(replaced).toEqual(plainBefore);
    expect(await plainFiles(dataDir)).toEqual([]);
    expect((await app.handlers['interview.get']({ id: interview.id })).title).toBe('최순희의 장마당');
    await app.close();
    await expectNoTrace(dataDir, ['최순희', '장마당', Buffer.from('OggS')]);

    // Interrupted: the key exists but a file is still plain (as after a crash mid-conversion).
    await writeFile(join(dataDir, 'interviews', interview.id, 'media', 'recording.ogg.peaks.json'), '{"version":1,"note":"최순희"}');
    app = await launch(dataDir, '/dev/null');
    await app.handlers['library.unlock']({ passphrase: 'convert me please' });
    expect(await plainFiles(dataDir)).toEqual([]);
    await app.close();
    await expectNoTrace(dataDir, ['최순희']);
  }, 60_000);

  it.skipIf(!hasAgeTool())(hasAgeTool() ? 'opens with the age tool alone, given the passphrase-protected identity' : 'opens with the age tool (skipped: age is not installed)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'encrypted-age-'));
    const app = await launch(dataDir, '/dev/null');
    await app.handlers['library.setup']({ mode: 'encrypted', passphrase: 'long enough passphrase' });
    const interview = await app.handlers['interview.create']({ title: '장마당 이야기' });
    const identity = app.session.open().store.cipher!.secretIdentity;
    await app.close();
    await writeFile(join(dataDir, '..', 'key.txt'), `${identity}\n`);
    const plain = execFileSync('age', ['-d', '-i', join(dataDir, '..', 'key.txt'), join(dataDir, 'interviews', interview.id, 'interview.json')]).toString();
    expect(JSON.parse(plain).title).toBe('장마당 이야기');
    // And a file the age tool wrote is read by the app.
    execFileSync('age', ['-r', await identityToRecipient(identity), '-o', join(dataDir, 'note.age')], { input: 'from the age tool' });
    const reopened = await launch(dataDir, '/dev/null');
    await reopened.handlers['library.unlock']({ passphrase: 'long enough passphrase' });
    expect(await reopened.session.open().store.readText(join(dataDir, 'note.age'))).toBe('from the age tool');
    await reopened.close();
  });
});

