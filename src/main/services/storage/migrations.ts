// Every stored file carries `schemaVersion`. A migration turns version N into N + 1; files are
// upgraded in memory on read and written in the current version on the next save.
import { UnreadableFileError } from './unreadable-file';

export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
/** migrations[n] upgrades a version-n document to version n + 1. */
export type Migrations = Readonly<Record<number, Migration>>;

export function migrateToCurrent(raw: unknown, migrations: Migrations, currentVersion: number, path: string): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UnreadableFileError(path, 'not a JSON object');
  }
  let document = raw as Record<string, unknown>;
  let version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new UnreadableFileError(path, 'no schema version');
  }
  if (version > currentVersion) {
    throw new UnreadableFileError(path, `written by a newer version of Testimony Desk (schema ${version})`);
  }
  while (version < currentVersion) {
    const migrate = migrations[version];
    if (!migrate) throw new UnreadableFileError(path, `no migration from schema ${version}`);
    document = { ...migrate(document), schemaVersion: version + 1 };
    version += 1;
  }
  return document;
}
