import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
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
