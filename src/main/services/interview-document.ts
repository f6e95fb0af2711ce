// One interview on disk: interview.json, written whole now and then, and a `changes` folder
// beside it holding the autosaves made since — one small file each (a few hundred bytes where the
// whole interview is 4 MB at 10,000 segments), written durably through the store, so sealed like
// every other file in an encrypted library and converted with them. Reading replays the changes
// over interview.json in order; compacting writes interview.json whole, then removes the folder.
// Every change is given whole (a segment, a field), so changes replayed over a file that already
// holds them — a compaction interrupted between its two steps — give the same interview.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Interview } from '../../shared/interview';
import { applyChanges, InterviewChanges } from '../../shared/interview-changes';
import { FileStamp, fileStamp } from './storage/file-stamp';
import type { FileStore } from './storage/file-store';
import type { JsonDocumentAdapter } from './storage/json-document';
import { keepCopyOfUnreadableFile } from './storage/unreadable-file';

/** One saved change: the changes of one autosave and when it was saved. */
const ChangeRecord = InterviewChanges.omit({ basedOn: true }).extend({ updatedAt: z.string() }).strict();
export type ChangeRecord = z.infer<typeof ChangeRecord>;

/** Past this many saved changes they are folded in at once rather than when the typing stops. */
export const MAX_CHANGE_FILES = 500;

const RECORD_NAME = /^(\d{8})\.json$/;
const recordName = (sequence: number) => `${String(sequence).padStart(8, '0')}.json`;

export class InterviewDocument {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: JsonDocumentAdapter<Interview>,
    private readonly changesFolder: string,
    private readonly store: FileStore,
    /** The interview as saved, changes included. */
    public data: Interview,
    /** The number of the last change file on disk (0: none). */
    private lastChange = 0,
  ) {}

  /** A document not on disk yet: `write` puts it there. */
  static create(file: JsonDocumentAdapter<Interview>, changesFolder: string, store: FileStore, data: Interview): InterviewDocument {
    return new InterviewDocument(file, changesFolder, store, data);
  }

  /**
   * Reads interview.json and replays the saved changes. A change that cannot be read stops the
   * replay there: it is copied beside interview.json (nothing typed is thrown away unseen) and
   * `damagedChanges` says so, so the caller can write the interview whole and start afresh.
   */
  static async read(file: JsonDocumentAdapter<Interview>, changesFolder: string, store: FileStore): Promise<{ document: InterviewDocument; damagedChanges: boolean } | null> {
    const saved = await file.read();
    if (!saved) return null;
    const sequences = await changeSequences(changesFolder);
    let data = saved;
    let damaged = false;
    for (const sequence of sequences) {
      const path = join(changesFolder, recordName(sequence));
      const record = await readRecord(store, path);
      const applied = record ? applying(data, record) : null;
      if (!applied) {
        damaged = true;
        await keepCopyOfUnreadableFile(path, `${changesFolder}-${recordName(sequence)}`);
        break;
      }
      data = applied;
    }
    return { document: new InterviewDocument(file, changesFolder, store, data, sequences.at(-1) ?? 0), damagedChanges: damaged };
  }

  /** Writes the interview whole and removes the saved changes. */
  write(data: Interview): Promise<void> {
    this.data = data;
    return this.inTurn(() => this.writeWhole());
  }

  /** Saves one autosave's changes: applied here, written to disk as one small file. */
  save(record: ChangeRecord): Promise<void> {
    this.data = { ...applyChanges(this.data, record), updatedAt: record.updatedAt };
    return this.inTurn(async () => {
      if (this.lastChange === 0) await mkdir(this.changesFolder, { recursive: true, mode: 0o700 });
      this.lastChange += 1;
      await this.store.writeText(join(this.changesFolder, recordName(this.lastChange)), JSON.stringify(record));
    });
  }

  /** Settles once every write asked for so far has finished (or failed). */
  async whenIdle(): Promise<void> {
    await this.queue;
  }

  /** How many changes are saved apart from interview.json. */
  get changeCount(): number {
    return this.lastChange;
  }

  /** Folds the saved changes into interview.json, if there are any (damaged ones included). */
  compact(): Promise<void> {
    return this.inTurn(async () => {
      if (this.lastChange > 0 || (await fileStamp(this.changesFolder))) await this.writeWhole();
    });
  }

  /**
   * The stamp of interview.json and its changes together: it changes whenever either does (a
   * folder's modification time moves with every file added to or removed from it).
   */
  static async stamp(filePath: string, changesFolder: string): Promise<FileStamp | null> {
    const file = await fileStamp(filePath);
    if (!file) return null;
    const folder = await stat(changesFolder).catch(() => null);
    // The size is moved by one while changes exist, so the stamp differs from the file's own
    // even when both were touched in the same clock tick.
    return folder ? { mtimeMs: Math.max(file.mtimeMs, folder.mtimeMs), size: file.size + 1 } : file;
  }

  private async writeWhole(): Promise<void> {
    // interview.json first: until it is on disk, the changes still hold what it lacks. Written a
    // piece at a time: at 10,000 segments one JSON.stringify and its encoding stall the main
    // process for 50-140 ms, and every request of the window waits meanwhile.
    await this.file.writePatiently(this.data);
    await rm(this.changesFolder, { recursive: true, force: true });
    this.lastChange = 0;
  }

  /** Writes happen one after another, in the order asked: a change never races a compaction. */
  private inTurn(task: () => Promise<void>): Promise<void> {
    const turn = this.queue.then(task);
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

async function changeSequences(folder: string): Promise<number[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .map((name) => RECORD_NAME.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

async function readRecord(store: FileStore, path: string): Promise<ChangeRecord | null> {
  try {
    const text = await store.readText(path);
    return text === null ? null : (ChangeRecord.safeParse(JSON.parse(text)).data ?? null);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error; // a locked library, a disk error: not damage
  }
}

function applying(interview: Interview, record: ChangeRecord): Interview | null {
  try {
    return { ...applyChanges(interview, record), updatedAt: record.updatedAt };
  } catch {
    return null;
  }
}
