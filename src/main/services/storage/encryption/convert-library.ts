// Turning a plain library into an encrypted one, in place: every file that is not yet an age
// file is rewritten through the store (temp, fsync, rename over the plain file), so an
// interruption leaves each file either plain or encrypted, never half — and the next unlock
// finishes the rest. What it cannot do: erase the blocks the disk held the plain files in.
import { open, readdir } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join, relative } from 'node:path';
import type { FileStore } from '../file-store';
import { TEMP_FILE_PATTERN } from '../durable-file';
import { isAgeEncrypted } from './library-cipher';
import { IDENTITY_FILE, RECOVERY_FILE } from './keyring';
import { LOCK_FILE_NAME } from '../library-lock';

const NEVER_CONVERTED = new Set([IDENTITY_FILE, RECOVERY_FILE, LOCK_FILE_NAME]);

async function isPlain(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null; // removed since the folder was listed
    throw error;
  });
  if (!handle) return false;
  try {
    const head = Buffer.alloc(32);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return !isAgeEncrypted(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Every file of the library still stored plain, relative to the library folder. */
export async function plainFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || NEVER_CONVERTED.has(entry.name) || TEMP_FILE_PATTERN.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    if (relative(dataDir, path).startsWith('.scratch')) continue;
    if (await isPlain(path)) found.push(relative(dataDir, path));
  }
  return found.sort();
}

/** Encrypts every plain file in place; returns the ones it replaced. */
export async function encryptPlainFiles(dataDir: string, store: FileStore): Promise<string[]> {
  if (!store.encrypted) throw new Error('The store has no key to encrypt with.');
  const replaced: string[] = [];
  for (const file of await plainFiles(dataDir)) {
    const path = join(dataDir, file);
    try {
      await store.writeStream(path, createReadStream(path));
    } catch (error) {
      // Removed meanwhile by work still running (saved changes folded into their interview):
      // nothing plain is left of it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    replaced.push(file);
  }
  return replaced;
}
