// A file's modification time and size: enough to tell that a cache made from it is out of date,
// whoever changed the file (this app, the command line, a sync tool).
import { stat } from 'node:fs/promises';
import { z } from 'zod';

export const FileStamp = z.object({ mtimeMs: z.number(), size: z.number() });
export type FileStamp = z.infer<typeof FileStamp>;

export async function fileStamp(path: string): Promise<FileStamp | null> {
  try {
    const info = await stat(path);
    return { mtimeMs: info.mtimeMs, size: info.size };
  } catch {
    return null;
  }
}

export const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.mtimeMs === b.mtimeMs && a.size === b.size;
