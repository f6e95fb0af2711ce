// A lowdb adapter for one JSON file: validated on read (through migrations), written durably,
// and refusing to stand in for a file it could not read.
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { readTextFile, writeFileDurably } from './durable-file';
import { LatestWinsWriter } from './latest-wins-writer';
import { migrateToCurrent, type Migrations } from './migrations';
import { UnreadableFileError } from './unreadable-file';

export class JsonDocumentAdapter<T> implements Adapter<T> {
  private readonly writer: LatestWinsWriter;

  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly migrations: Migrations,
    private readonly currentVersion: number,
  ) {
    this.writer = new LatestWinsWriter((text) => writeFileDurably(path, text));
  }

  async read(): Promise<T | null> {
    const text = await readTextFile(this.path);
    if (text === null) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new UnreadableFileError(this.path, `not valid JSON (${(error as Error).message})`);
    }
    const migrated = migrateToCurrent(raw, this.migrations, this.currentVersion, this.path);
    const parsed = this.schema.safeParse(migrated);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new UnreadableFileError(this.path, `unexpected content at ${first?.path.join('.') || 'top level'}: ${first?.message}`);
    }
    return parsed.data;
  }

  write(data: T): Promise<void> {
    return this.writer.write(JSON.stringify(data, null, 1));
  }
}
