import { describe, expect, it } from 'vitest';
import { migrateToCurrent } from './migrations';
import { UnreadableFileError } from './unreadable-file';

// An old fixture in a made-up version 1 layout, where the narrator was a plain string.
const versionOneFixture = { schemaVersion: 1, title: 'Old', narrator: 'Ji-woo' };
const migrations = {
  1: (old: Record<string, unknown>) => ({ ...old, narrator: { pseudonym: old.narrator } }),
  2: (old: Record<string, unknown>) => ({ ...old, speakers: [] }),
};

describe('migrateToCurrent', () => {
  it('upgrades an old document step by step to the current version', () => {
    expect(migrateToCurrent(versionOneFixture, migrations, 3, 'x.json')).toEqual({
      schemaVersion: 3,
      title: 'Old',
      narrator: { pseudonym: 'Ji-woo' },
      speakers: [],
    });
  });

  it('leaves a current document as it is', () => {
    const current = { schemaVersion: 3, title: 'Now' };
    expect(migrateToCurrent(current, migrations, 3, 'x.json')).toEqual(current);
  });

  it.each([
    ['a file from a newer app', { schemaVersion: 9 }, /newer version/],
    ['no version', { title: 'x' }, /no schema version/],
    ['not an object', [1, 2], /not a JSON object/],
    ['a gap in the migrations', { schemaVersion: 0 }, /no migration from schema 0/],
  ])('refuses %s', (_name, document, message) => {
    expect(() => migrateToCurrent(document, migrations, 3, 'x.json')).toThrow(UnreadableFileError);
    expect(() => migrateToCurrent(document, migrations, 3, 'x.json')).toThrow(message);
  });
});
