import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../storage/file-store';
import { RecordingUploads } from './recording-uploads';

describe('recording uploads', () => {
  it('appends pieces in order into the library’s own folder and discards them after', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'uploads-'));
    const uploads = new RecordingUploads(dataDir, () => new FileStore(null));
    const id = await uploads.begin('int-1', '../../etc/evil.mp3', 6);
    await uploads.append(id, 0, Buffer.from('abc'));
    await expect(uploads.append(id, 5, Buffer.from('x'))).rejects.toThrow(/out of order/);
    await expect(uploads.finish(id)).rejects.toThrow(/did not arrive whole/);
    await uploads.append(id, 3, Buffer.from('def'));
    await expect(uploads.append(id, 6, Buffer.from('g'))).rejects.toThrow(/More arrived/);
    const { path, interviewId } = await uploads.finish(id);
    expect(interviewId).toBe('int-1');
    expect(path.startsWith(join(dataDir, '.uploads'))).toBe(true); // the given name never becomes a path
    expect(await readFile(path, 'utf8')).toBe('abcdef');
    await uploads.discard(id);
    expect(await readdir(join(dataDir, '.uploads'))).toEqual([]);
  });

  it('refuses what is not a recording, or nothing at all', async () => {
    const uploads = new RecordingUploads(await mkdtemp(join(tmpdir(), 'uploads-')), () => new FileStore(null));
    await expect(uploads.begin('int-1', 'notes.docx', 10)).rejects.toThrow(/not a recording/);
    await expect(uploads.begin('int-1', 'empty.wav', 0)).rejects.toThrow(/empty/);
    await expect(uploads.append('nope', 0, Buffer.from('x'))).rejects.toThrow(/no longer open/);
  });
});
