import { createHash } from 'node:crypto';
import { copyFile, readFile, stat } from 'node:fs/promises';

/** A stored file that could not be parsed or validated. It is never overwritten. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} could not be read: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

/**
 * Keeps an untouched copy of a damaged file beside it (or beside `copyNamedAfter`, for a file in a
 * folder about to be removed), named by its content hash so that listing the library again does
 * not pile up copies. Returns the copy's path.
 */
export async function keepCopyOfUnreadableFile(path: string, copyNamedAfter = path): Promise<string> {
  const bytes = await readFile(path);
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const copyPath = `${copyNamedAfter}.unreadable-${digest}`;
  const exists = await stat(copyPath).then(
    () => true,
    () => false,
  );
  if (!exists) {
    try {
      await copyFile(path, copyPath);
    } catch (error) {
      // A read-only library: the damaged file itself stays untouched, which is what matters.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return path;
      throw error;
    }
  }
  return copyPath;
}
