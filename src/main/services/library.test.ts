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
