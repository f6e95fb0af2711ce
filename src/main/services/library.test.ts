import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { newSegment, type Interview } from '../../shared/interview';
import { changesBetween } from '../../shared/interview-changes';
import { Library } from './library';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'library-test-'));
});

describe('Library', () => {
  it('keeps interviews across reopening, listed by summary without the real name', async () => {
    const library = await Library.open(dataDir);
    const created = await library.create('  Market days  ');
    await library.save({ ...created, narrator: { ...created.narrator, pseudonym: 'Min', realName: '박영희' } });

    const reopened = await Library.open(dataDir);
    const listing = await reopened.list();
    expect(listing.unreadable).toEqual([]);
    expect(listing.interviews).toHaveLength(1);
    expect(listing.interviews[0]).toMatchObject({ id: created.id, title: 'Market days', pseudonym: 'Min' });
    expect(JSON.stringify(listing)).not.toContain('박영희');
    expect((await reopened.get(created.id)).narrator.realName).toBe('박영희');
  });
});

describe('Library with damaged files', () => {
  it('reports a damaged interview, keeps one untouched copy, and refuses to save over it', async () => {
    const library = await Library.open(dataDir);
    const good = await library.create('Good');
    const damaged = await library.create('Damaged');
    const damagedPath = join(dataDir, 'interviews', damaged.id, 'interview.json');
    await writeFile(damagedPath, '{"schemaVersion":1,"id":');

    const reopened = await Library.open(dataDir);
    const listing = await reopened.list();
    await reopened.list(); // listing twice must not pile up copies
    expect(listing.interviews.map((summary) => summary.id)).toEqual([good.id]);
    expect(listing.unreadable).toHaveLength(1);
    expect(listing.unreadable[0]).toMatchObject({ id: damaged.id, reason: expect.stringContaining('not valid JSON') });

    const files = await readdir(join(dataDir, 'interviews', damaged.id));
    const copies = files.filter((name) => name.startsWith('interview.json.unreadable-'));
    expect(copies).toHaveLength(1);
    expect(await readFile(join(dataDir, 'interviews', damaged.id, copies[0]!), 'utf8')).toBe('{"schemaVersion":1,"id":');

    await expect(reopened.get(damaged.id)).rejects.toThrow(/could not be read/);
    await expect(reopened.save({ ...damaged, title: 'overwrite' })).rejects.toThrow(/cannot be saved over/);
    expect(await readFile(damagedPath, 'utf8')).toBe('{"schemaVersion":1,"id":');
  });

  it('treats valid JSON with the wrong shape as damaged too', async () => {
    const library = await Library.open(dataDir);
    const interview = await library.create('Shape');
    await writeFile(join(dataDir, 'interviews', interview.id, 'interview.json'), JSON.stringify({ ...interview, segments: 'lots' }));
    const listing = await (await Library.open(dataDir)).list();
    expect(listing.unreadable[0]?.reason).toMatch(/segments/);
  });

  it('opens with a damaged library.json, says so, and never overwrites it', async () => {
    const library = await Library.open(dataDir);
    const kept = await library.create('Still here');
    await writeFile(join(dataDir, 'library.json'), 'garbage{');

    const reopened = await Library.open(dataDir);
    expect(reopened.libraryProblem).toMatch(/library\.json could not be read.*copy was kept/);
    expect((await reopened.list()).interviews.map((summary) => summary.id)).toEqual([kept.id]);
    await reopened.updateSettings({ interfaceLanguage: 'ko' });
    await reopened.create('Another');
    expect(await readFile(join(dataDir, 'library.json'), 'utf8')).toBe('garbage{');
  });

  it('notices an interview changed on disk since it was indexed', async () => {
    const library = await Library.open(dataDir);
    const interview = await library.create('Before');
    const path = join(dataDir, 'interviews', interview.id, 'interview.json');
    const stored = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...stored, title: 'After, edited elsewhere' }));
    const listing = await (await Library.open(dataDir)).list();
    expect(listing.interviews[0]?.title).toBe('After, edited elsewhere');
  });

  it('deletes an interview folder and refuses ids that are not ids', async () => {
    const library = await Library.open(dataDir);
    const interview = await library.create('Gone soon');
    await library.delete(interview.id);
    expect(await readdir(join(dataDir, 'interviews'))).toEqual([]);
    await expect(library.delete(interview.id)).rejects.toThrow(/no longer exists/);
    await expect(library.get('../../etc')).rejects.toThrow(/not a valid id/);
  });

  it('ends in the latest state after rapid saves', async () => {
    const library = await Library.open(dataDir);
    const interview = await library.create('Rapid');
    await Promise.all(Array.from({ length: 30 }, (_, index) => library.save({ ...interview, title: `Title ${index}` })));
    const stored = JSON.parse(await readFile(join(dataDir, 'interviews', interview.id, 'interview.json'), 'utf8'));
    expect(stored.title).toBe('Title 29');
    expect((await (await Library.open(dataDir)).list()).interviews[0]?.title).toBe('Title 29');
  });
});

describe('received interviews', () => {
  it('moves the recording in beside the interview, and keeps no interview whose recording did not arrive', async () => {
    const library = await Library.open(dataDir);
    const template = await library.create('Sent from elsewhere');
    const stashed = join(dataDir, 'stashed-recording');
    await writeFile(stashed, 'audio bytes');
    const received = await library.addReceived({ ...template, id: 'received-1', recording: { fileName: 'recording.ogg', mimeType: 'audio/ogg', durationSeconds: 3 } }, { fileName: 'recording.ogg', stashedAt: stashed });
    expect(received.recording).toEqual({ fileName: 'recording.ogg', mimeType: 'audio/ogg', durationSeconds: 3 });
    expect(await readFile(join(dataDir, 'interviews', 'received-1', 'media', 'recording.ogg'), 'utf8')).toBe('audio bytes');
    expect((await library.get('received-1')).recording?.fileName).toBe('recording.ogg');

    await expect(library.addReceived({ ...template, id: 'received-2' }, { fileName: 'recording.ogg', stashedAt: join(dataDir, 'never-stashed') })).rejects.toThrow();
    expect(await library.interviewIds()).not.toContain('received-2');
    expect(await readdir(join(dataDir, 'interviews'))).not.toContain('received-2');
  });
});

describe('library index', () => {
  it('re-reads interviews whose cached summary has an older shape, without calling library.json damaged', async () => {
    const library = await Library.open(dataDir);
    const interview = await library.create('Cached');
    const file = join(dataDir, 'library.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    stored.index[interview.id].summary = { id: interview.id, title: 'old shape' };
    await writeFile(file, JSON.stringify(stored));
    const reopened = await Library.open(dataDir);
    expect(reopened.libraryProblem).toBeNull();
    expect((await reopened.list()).interviews[0]).toMatchObject({ title: 'Cached', coverage: 0 });
  });
});

describe('library settings', () => {
  it('fills settings added since the file was written with their defaults', async () => {
    const library = await Library.open(dataDir);
    await library.updateSettings({ interfaceLanguage: 'ko' });
    const file = join(dataDir, 'library.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    delete stored.settings.playback;
    await writeFile(file, JSON.stringify(stored));
    const reopened = await Library.open(dataDir);
    expect(reopened.libraryProblem).toBeNull();
    expect(reopened.settings).toMatchObject({ interfaceLanguage: 'ko', playback: { stepSeconds: 1.5, rewindOnResumeSeconds: 1.5 } });
  });
});

describe('autosaves of what changed', () => {
  async function libraryWithSegments(count: number) {
    const library = await Library.open(dataDir);
    const created = await library.create('Changes');
    const withSegments = { ...created, segments: Array.from({ length: count }, (_, index) => newSegment({ id: `seg-${index}`, start: index, end: index + 1, source: `원문 ${index}` })) };
    await library.save(withSegments);
    return { library, saved: await library.get(created.id) };
  }

  const folderOf = (id: string) => join(dataDir, 'interviews', id);

  it('writes one small file per save, leaves interview.json alone, and a reopened library reads both', async () => {
    const { library, saved } = await libraryWithSegments(50);
    const fileBefore = await readFile(join(folderOf(saved.id), 'interview.json'), 'utf8');
    const first = { ...saved, segments: saved.segments.map((segment, index) => (index === 3 ? { ...segment, translation: 'I sold rice.' } : segment)) };
    const { updatedAt } = await library.saveChanges(changesBetween(saved, first, saved.updatedAt));
    const second = { ...first, title: 'Market days', segments: [...first.segments, newSegment({ id: 'seg-new', start: 60, end: 61, source: '끝' })] };
    await library.saveChanges(changesBetween(first, second, updatedAt));

    expect(await readFile(join(folderOf(saved.id), 'interview.json'), 'utf8')).toBe(fileBefore);
    const changeFiles = await readdir(join(folderOf(saved.id), 'changes'));
    expect(changeFiles).toEqual(['00000001.json', '00000002.json']);
    expect((await readFile(join(folderOf(saved.id), 'changes', '00000001.json'))).length).toBeLessThan(1000);

    const reopened = await Library.open(dataDir);
    const read = await reopened.get(saved.id);
    expect(read.title).toBe('Market days');
    expect(read.segments[3]!.translation).toBe('I sold rice.');
    expect(read.segments.map((segment) => segment.id).at(-1)).toBe('seg-new');
    expect((await reopened.list()).interviews[0]).toMatchObject({ title: 'Market days', segmentCount: 51, translatedCount: 1 });
    await library.stopBackgroundWork();
  });

  it('refuses changes made against an older copy, so the window saves whole instead', async () => {
    const { library, saved } = await libraryWithSegments(3);
    await library.save({ ...saved, title: 'Changed by an import' });
    const edited = { ...saved, segments: saved.segments.map((segment, index) => (index === 0 ? { ...segment, source: '고침' } : segment)) };
    await expect(library.saveChanges(changesBetween(saved, edited, saved.updatedAt))).rejects.toMatchObject({ code: 'stale' });
    expect((await library.get(saved.id)).segments[0]!.source).toBe('원문 0');
  });

  it('folds the changes into interview.json once the typing stops, and removes them', async () => {
    const { library, saved } = await libraryWithSegments(3);
    const edited = { ...saved, segments: saved.segments.map((segment, index) => (index === 1 ? { ...segment, source: '고침' } : segment)) };
    await library.saveChanges(changesBetween(saved, edited, saved.updatedAt));
    await expect.poll(async () => readdir(folderOf(saved.id)), { timeout: 5000 }).not.toContain('changes');
    const onDisk = JSON.parse(await readFile(join(folderOf(saved.id), 'interview.json'), 'utf8')) as Interview;
    expect(onDisk.segments[1]!.source).toBe('고침');
    expect((await (await Library.open(dataDir)).list()).interviews[0]!.segmentCount).toBe(3);
  });

  it('replays changes over a file that already holds them (a compaction cut short) to the same interview', async () => {
    const { library, saved } = await libraryWithSegments(3);
    const edited = { ...saved, segments: [saved.segments[2]!, saved.segments[0]!, { ...saved.segments[1]!, source: '고침' }] };
    await library.saveChanges(changesBetween(saved, edited, saved.updatedAt));
    const change = await readFile(join(folderOf(saved.id), 'changes', '00000001.json'), 'utf8');
    await library.stopBackgroundWork();
    // As if the app stopped after writing interview.json whole but before removing the change.
    const other = await Library.open(dataDir);
    await other.save(await other.get(saved.id));
    expect(await readdir(folderOf(saved.id))).not.toContain('changes');
    await mkdir(join(folderOf(saved.id), 'changes'));
    await writeFile(join(folderOf(saved.id), 'changes', '00000001.json'), change);
    const read = await (await Library.open(dataDir)).get(saved.id);
    expect(read.segments.map((segment) => [segment.id, segment.source])).toEqual([
      ['seg-2', '원문 2'],
      ['seg-0', '원문 0'],
      ['seg-1', '고침'],
    ]);
  });

  it('keeps a damaged change aside, reads what came before it, and writes the interview whole', async () => {
    const { library, saved } = await libraryWithSegments(3);
    const first = { ...saved, segments: saved.segments.map((segment, index) => (index === 0 ? { ...segment, source: '첫째' } : segment)) };
    const { updatedAt } = await library.saveChanges(changesBetween(saved, first, saved.updatedAt));
    const second = { ...first, segments: first.segments.map((segment, index) => (index === 1 ? { ...segment, source: '둘째' } : segment)) };
    await library.saveChanges(changesBetween(first, second, updatedAt));
    await library.stopBackgroundWork();
    await writeFile(join(folderOf(saved.id), 'changes', '00000002.json'), '{"id": "broken');

    const read = await (await Library.open(dataDir)).get(saved.id);
    expect(read.segments.map((segment) => segment.source)).toEqual(['첫째', '원문 1', '원문 2']);
    const files = await readdir(folderOf(saved.id));
    expect(files).not.toContain('changes');
    const copy = files.find((name) => name.startsWith('changes-00000002.json.unreadable-'));
    expect(copy).toBeDefined();
    expect(await readFile(join(folderOf(saved.id), copy!), 'utf8')).toBe('{"id": "broken');
    expect((JSON.parse(await readFile(join(folderOf(saved.id), 'interview.json'), 'utf8')) as Interview).segments[0]!.source).toBe('첫째');
  });

});
