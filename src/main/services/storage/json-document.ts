// A lowdb adapter for one JSON file: validated on read (through migrations), written durably,
// and refusing to stand in for a file it could not read.
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import type { FileStore } from './file-store';
import { LatestWinsWriter } from './latest-wins-writer';
import { patientJson } from './patient-json';
import { migrateToCurrent, type Migrations } from './migrations';
import { UnreadableFileError } from './unreadable-file';

export class JsonDocumentAdapter<T> implements Adapter<T> {
  /** Text, or (for a large file) a producer of its bytes. */
  private readonly writer: LatestWinsWriter<string | (() => AsyncIterable<Uint8Array>)>;

  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly migrations: Migrations,
    private readonly currentVersion: number,
    private readonly store: FileStore,
  ) {
    this.writer = new LatestWinsWriter((payload) => (typeof payload === 'string' ? store.writeText(path, payload) : store.writeStream(path, payload())));
  }

  async read(): Promise<T | null> {
    const text = await this.store.readText(this.path);
    if (text === null) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      // The parser's message quotes the text around the fault: say where it is, never what.
      throw new UnreadableFileError(this.path, `not valid JSON (${whereParsingFailed(text, error)})`);
    }
    const migrated = migrateToCurrent(raw, this.migrations, this.currentVersion, this.path);
    const parsed = this.schema.safeParse(migrated);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first?.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part).slice(0, 40))).join('.') || 'top level';
      throw new UnreadableFileError(this.path, `unexpected content at ${field.slice(0, 120)}: ${(first?.message ?? 'invalid').slice(0, 120)}`);
    }
    return parsed.data;
  }

  write(data: T): Promise<void> {
    return this.writer.write(JSON.stringify(data, null, 1));
  }

  /** The same file, made and written a piece at a time, so the main process keeps answering (a large interview's fold). */
  writePatiently(data: T): Promise<void> {
    return this.writer.write(() => patientJson(data));
  }
}

/** "line 3, column 14" from the parser's position, or a plain word when it gives none. */
export function whereParsingFailed(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  }
  return /end of JSON input/i.test(message) ? 'the file ends too early' : 'the file is damaged';
}
