// Opening a library sweeps what interrupted work left behind: temp files of writes that never
// reached their rename (each a full plaintext copy), half-copied recordings, abandoned uploads,
// export temps, and interview folders whose interview.json never got written. Runs only while
// holding the library's lock, so nothing it removes is still being written.
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EntityId } from '../../../shared/interview';
import { TEMP_FILE_PATTERN } from './durable-file';

const HALF_IMPORTED = /^\.importing-[0-9a-f]+\./;
const isLeftover = (name: string) => TEMP_FILE_PATTERN.test(name) || HALF_IMPORTED.test(name);

async function names(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

async function removeLeftoversIn(folder: string): Promise<number> {
  let removed = 0;
  for (const name of await names(folder)) {
    if (!isLeftover(name)) continue;
    await rm(join(folder, name), { force: true });
    removed += 1;
  }
  return removed;
}

/** Removes leftovers; returns how many files or folders went. */
export async function sweepLeftovers(dataDir: string): Promise<number> {
  const root = resolve(dataDir);
  let removed = await removeLeftoversIn(root);
  for (const scratch of ['.scratch', '.uploads']) {
    for (const name of await names(join(root, scratch))) {
      await rm(join(root, scratch, name), { recursive: true, force: true });
      removed += 1;
    }
  }
  const interviews = join(root, 'interviews');
  for (const id of await names(interviews)) {
    if (!EntityId.safeParse(id).success) continue;
    const folder = join(interviews, id);
    removed += await removeLeftoversIn(folder);
    removed += await removeLeftoversIn(join(folder, 'media'));
    removed += await removeLeftoversIn(join(folder, 'changes'));
    const files = await names(folder);
    // A folder with no interview (a create or a copy that never finished, or media recreated
    // after a delete) holds nothing anyone can open: it goes, unless a damaged file was kept there.
    if (!files.some((name) => name === 'interview.json' || name.startsWith('interview.json.unreadable-'))) {
      await rm(folder, { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}
