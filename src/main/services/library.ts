// The library on disk: library.json (settings and an index of summaries) and one folder per
// interview. Damaged files are reported and kept aside, never overwritten.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { LibraryListing, UnreadableInterview } from '../../shared/contract';
import { interviewMigrations, libraryMigrations } from '../../shared/document-migrations';
import {
  EntityId,
  GlossaryTerm,
  INTERVIEW_SCHEMA_VERSION,
  Interview,
  InterviewSummary,
  newInterview,
  summarizeInterview,
} from '../../shared/interview';
import { ChangesMismatch, type InterviewChanges } from '../../shared/interview-changes';
import { defaultSettings, Settings } from '../../shared/settings';
import {
  interviewFilePath,
  interviewFolder,
  interviewChangesFolder,
  interviewsFolder,
  libraryFilePath,
  mediaFolder,
} from './data-paths';
import { AbortableJobs } from './abortable-jobs';
import { DebouncedTasks } from './debounced-tasks';
import { DeskError } from './desk-error';
import { InterviewDocument, MAX_CHANGE_FILES } from './interview-document';
import { buildMemoryIndexPatiently, encodeMemoryIndex, memoryIndexPath, memoryPairsOf, memorySignaturePatiently, readMemoryIndex, type MemoryIndex } from './memory-index';
import { FileStamp, fileStamp, sameStamp } from './storage/file-stamp';
import { FileStore } from './storage/file-store';
import { JsonDocumentAdapter } from './storage/json-document';
import { keepCopyOfUnreadableFile, UnreadableFileError } from './storage/unreadable-file';

const LIBRARY_SCHEMA_VERSION = 2;
/** How long after the last save an interview's memory index is rebuilt. */
const MEMORY_INDEX_DELAY_MS = 4000;
/** How long after the last autosave the saved changes are folded into interview.json. */
export const COMPACT_DELAY_MS = 2000;

const IndexEntry = z.object({
  summary: InterviewSummary,
  stamp: FileStamp,
  /** The translation memory's index file that matches this interview file (memory-index.ts). */
  memory: z.object({ stamp: FileStamp, signature: z.string() }).optional(),
});
type IndexEntry = z.infer<typeof IndexEntry>;

/** Settings added in later versions take their defaults, so an older file still reads. */
const StoredSettings = z.preprocess(
  (stored) => (stored && typeof stored === 'object' ? { ...defaultSettings, ...stored } : stored),
  Settings,
);

const LibraryFile = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  settings: StoredSettings,
  /**
   * Summaries cached by id, with the stamp of the file they were read from. Only a cache: an
   * entry of an older shape is simply read again, it never makes library.json unreadable.
   */
  index: z.record(z.string(), z.unknown()),
  /** The library-wide glossary; interviews add their own terms. */
  glossary: z.array(GlossaryTerm),
  /** This library among others, for hand-off lineage (made on the first send; see handoff.ts). */
  libraryId: z.string().max(64).optional(),
});
type LibraryFile = z.infer<typeof LibraryFile>;

const emptyLibrary = (): LibraryFile => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, settings: defaultSettings, index: {}, glossary: [] });

type OpenInterview = { db: InterviewDocument } | { unreadable: UnreadableInterview };

/** A recording from a package, put aside in the library's form (see handoff's stashInScratch). */
export type ReceivedRecording = { fileName: string; stashedAt: string };

export class Library {
  private readonly interviews = new Map<string, OpenInterview>();
  private readonly changeListeners: ((interviewId: string) => void)[] = [];

  private constructor(
    readonly dataDir: string,
    private readonly libraryDb: Low<LibraryFile>,
    /** Non-null when library.json was damaged: the library then works but never rewrites it. */
    readonly libraryProblem: string | null,
    private readonly now: () => Date,
    /** True when this folder had no library.json yet: a new library. */
    readonly isNew: boolean,
    /** The folder cannot be written: reading and exporting work, every save is refused. */
    readonly readOnly: boolean,
    /** Every file goes through here: plain, or sealed with the library's key. */
    readonly store: FileStore,
  ) {}

  static async open(dataDir: string, now: () => Date = () => new Date(), options: { readOnly?: boolean; store?: FileStore } = {}): Promise<Library> {
    const readOnly = options.readOnly === true;
    const store = options.store ?? new FileStore(null);
    if (!readOnly) await mkdir(interviewsFolder(dataDir), { recursive: true });
    const adapter = new JsonDocumentAdapter(libraryFilePath(dataDir), LibraryFile, libraryMigrations, LIBRARY_SCHEMA_VERSION, store);
    const db = new Low(adapter, emptyLibrary());
    const isNew = (await fileStamp(libraryFilePath(dataDir))) === null;
    let problem: string | null = null;
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      const copy = await keepCopyOfUnreadableFile(error.path);
      problem = `library.json could not be read (${error.reason}). It was left as it is and a copy was kept at ${relative(dataDir, copy)}. Settings changes will not be saved until it is repaired or removed.`;
      db.data = emptyLibrary();
    }
    return new Library(dataDir, db, problem, now, isNew && !readOnly, readOnly, store);
  }

  get settings(): Settings {
    return this.libraryDb.data.settings;
  }

  /** This library's own id, made and kept the first time it is asked for (a read-only library's lasts the session). */
  async libraryId(): Promise<string> {
    if (!this.libraryDb.data.libraryId) {
      this.libraryDb.data.libraryId = `lib-${randomUUID()}`;
      await this.persistLibrary();
    }
    return this.libraryDb.data.libraryId;
  }

  private refuseIfReadOnly(): void {
    if (this.readOnly) {
      throw new DeskError('read-only', 'This library is read-only: its folder cannot be written (a read-only disk or share, or its permissions). You can read and export; nothing can be saved here.');
    }
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    this.refuseIfReadOnly();
    this.libraryDb.data.settings = { ...this.libraryDb.data.settings, ...patch };
    await this.persistLibrary();
    return this.libraryDb.data.settings;
  }

  get glossary(): GlossaryTerm[] {
    return this.libraryDb.data.glossary;
  }

  async saveGlossary(terms: GlossaryTerm[]): Promise<GlossaryTerm[]> {
    this.refuseIfReadOnly();
    this.libraryDb.data.glossary = terms;
    await this.persistLibrary();
    return terms;
  }

  /** Called with an interview's id whenever it is added, saved or deleted. */
  onInterviewChanged(listener: (interviewId: string) => void): void {
    this.changeListeners.push(listener);
  }

  async interviewIds(): Promise<string[]> {
    return (await this.list()).interviews.map((summary) => summary.id);
  }

  async list(): Promise<LibraryListing> {
    const ids = await this.interviewFolderIds();
    const index = this.libraryDb.data.index;
    const listing: LibraryListing = { interviews: [], unreadable: [] };
    let indexChanged = false;
    // Stamps asked for all at once: a hundred interviews are two hundred stats, not two hundred turns.
    const stamps = await Promise.all(ids.map((id) => this.interviewStamp(id)));
    for (const [at, id] of ids.entries()) {
      const stamp = stamps[at];
      if (!stamp) continue; // a folder without interview.json (e.g. left by a failed create)
      const cached = IndexEntry.safeParse(index[id]).data;
      if (cached && sameStamp(cached.stamp, stamp) && !this.isUnreadable(id)) {
        listing.interviews.push(cached.summary);
        continue;
      }
      this.interviews.delete(id); // changed on disk since we read it
      const opened = await this.openInterview(id);
      if ('unreadable' in opened) {
        listing.unreadable.push(opened.unreadable);
        continue;
      }
      const summary = summarizeInterview(opened.db.data);
      index[id] = { summary, stamp };
      indexChanged = true;
      listing.interviews.push(summary);
    }
    for (const id of Object.keys(index)) {
      if (!ids.includes(id)) {
        delete index[id];
        indexChanged = true;
      }
    }
    if (indexChanged) await this.persistLibrary();
    listing.interviews.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return listing;
  }

  async create(title: string): Promise<Interview> {
    this.refuseIfReadOnly();
    const interview = newInterview(randomUUID(), title.trim(), this.now().toISOString());
    await this.add(interview);
    return interview;
  }

  /** Adds a complete interview (e.g. the sample) under a fresh id, copying its recording in. */
  async addCopy(template: Interview, recordingSource: string | null): Promise<Interview> {
    this.refuseIfReadOnly();
    const now = this.now().toISOString();
    const interview: Interview = { ...structuredClone(template), id: randomUUID(), createdAt: now, updatedAt: now };
    if (interview.recording && recordingSource) {
      await mkdir(mediaFolder(this.dataDir, interview.id), { recursive: true });
      await this.store.copyIn(recordingSource, join(mediaFolder(this.dataDir, interview.id), interview.recording.fileName));
    }
    await this.add(interview);
    return interview;
  }

  /**
   * Adds an interview that came in a hand-off package, under its own id (merges need it). It was
   * parsed from the package for this alone, so it is kept as it is, not copied (a deep copy of
   * 2,500 segments took 5–20 ms of the receive).
   */
  async addReceived(interview: Interview, recording: ReceivedRecording | null): Promise<Interview> {
    this.refuseIfReadOnly();
    const described = recording ? receivedRecordingDescription(recording, interview.recording) : null;
    const received: Interview = { ...interview, mergeConflicts: [], recording: described };
    await mkdir(mediaFolder(this.dataDir, received.id), { recursive: true });
    // The recording is moved into place while the interview is written (each waits for its own
    // fsyncs); an interview must not stay behind naming a recording that did not arrive. Its
    // memory index, and library.json with it, are left to a moment later, like an autosave's:
    // both are only caches.
    const moved = recording && described ? this.store.moveStored(recording.stashedAt, join(mediaFolder(this.dataDir, received.id), described.fileName)) : Promise.resolve();
    const [move, add] = await Promise.allSettled([moved, this.add(received, { memoryIndex: 'later', persist: false })]);
    if (move.status === 'rejected') {
      if (add.status === 'fulfilled') await this.delete(received.id).catch(() => undefined);
      throw move.reason;
    }
    if (add.status === 'rejected') throw add.reason;
    return received;
  }

  /**
   * Moves a recording that arrived in a package into the interview. It was stored the library's
   * way (sealed when encrypted) as it was decrypted, so this is a rename, not a copy.
   */
  async attachReceivedRecording(id: string, recording: ReceivedRecording, described: Interview['recording']): Promise<Interview['recording']> {
    const accepted = receivedRecordingDescription(recording, described);
    if (!accepted) return null;
    await mkdir(mediaFolder(this.dataDir, id), { recursive: true });
    await this.store.moveStored(recording.stashedAt, join(mediaFolder(this.dataDir, id), accepted.fileName));
    return accepted;
  }

  async get(id: string): Promise<Interview> {
    const opened = await this.openInterview(id);
    if ('unreadable' in opened) {
      throw new DeskError(
        'unreadable',
        `This interview could not be read (${opened.unreadable.reason}). Its file was left untouched and a copy was kept at ${opened.unreadable.keptCopy}.`,
      );
    }
    return opened.db.data;
  }

  async save(interview: Interview): Promise<{ updatedAt: string }> {
    this.refuseIfReadOnly();
    const opened = await this.openInterview(interview.id);
    if ('unreadable' in opened) throw new DeskError('unreadable', 'This interview could not be read, so it cannot be saved over.');
    const updatedAt = this.now().toISOString();
    await opened.db.write({ ...interview, updatedAt });
    // Autosave runs on every pause in typing: the memory index waits until the typing stops.
    await this.indexInterview(opened.db.data, 'later');
    this.changed(interview.id);
    return { updatedAt };
  }

  /**
   * An autosave: only what changed since the copy the window last saved (`basedOn`), appended to
   * the interview's changes folder. Changes made against an older copy (the interview was changed
   * since by something else: a merge, an import) are refused, and the window saves whole.
   */
  async saveChanges(changes: InterviewChanges): Promise<{ updatedAt: string }> {
    this.refuseIfReadOnly();
    const opened = await this.openInterview(changes.id);
    if ('unreadable' in opened) throw new DeskError('unreadable', 'This interview could not be read, so it cannot be saved over.');
    if (opened.db.data.updatedAt !== changes.basedOn) throw new DeskError('stale', 'The interview was changed since this window last saved it.');
    const updatedAt = this.now().toISOString();
    const { basedOn: _, ...record } = changes;
    try {
      await opened.db.save({ ...record, updatedAt });
    } catch (error) {
      if (error instanceof ChangesMismatch) throw new DeskError('stale', error.message);
      throw error;
    }
    await this.indexInterview(opened.db.data, 'later', undefined, { persist: false });
    this.changed(changes.id);
    const compact = () => this.compactInterview(changes.id);
    if (opened.db.changeCount >= MAX_CHANGE_FILES) await compact();
    else this.compactions.schedule(changes.id, compact);
    return { updatedAt };
  }

  /** Folds an interview's saved changes into interview.json, then records its new stamp in library.json. */
  private async compactInterview(id: string): Promise<void> {
    const opened = this.interviews.get(id);
    if (!opened || !('db' in opened)) return;
    await opened.db.compact();
    await this.indexInterview(opened.db.data, 'later');
  }

  async delete(id: string): Promise<void> {
    this.refuseIfReadOnly();
    const folder = interviewFolder(this.dataDir, id);
    if (!(await fileStamp(join(folder, 'interview.json')))) throw new DeskError('not-found', 'That interview no longer exists.');
    const open = this.interviews.get(id);
    this.interviews.delete(id); // a compaction still scheduled finds nothing to do
    if (open && 'db' in open) await open.db.whenIdle(); // one running must not write into a removed folder
    // interview.json goes first, so the interview is gone at once for everyone; work that was
    // still writing into its folder (a recording being copied) may race the removal, hence retries.
    await rm(join(folder, 'interview.json'), { force: true });
    await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 25 });
    delete this.libraryDb.data.index[id];
    await this.persistLibrary();
    this.changed(id);
  }

  private changed(id: string): void {
    for (const listener of this.changeListeners) listener(id);
  }

  private async add(interview: Interview, { memoryIndex = 'now', persist = true }: { memoryIndex?: 'now' | 'later'; persist?: boolean } = {}): Promise<void> {
    await mkdir(mediaFolder(this.dataDir, interview.id), { recursive: true });
    const db = InterviewDocument.create(this.interviewAdapter(interview.id), interviewChangesFolder(this.dataDir, interview.id), this.store, interview);
    await db.write(interview);
    this.interviews.set(interview.id, { db });
    await this.indexInterview(interview, memoryIndex, undefined, { persist });
    this.changed(interview.id);
  }

  private async openInterview(id: string): Promise<OpenInterview> {
    const known = this.interviews.get(id);
    if (known) return known;
    const path = interviewFilePath(this.dataDir, id);
    let opened: OpenInterview;
    try {
      const read = await this.readInterview(id);
      if (!read) throw new DeskError('not-found', 'That interview does not exist.');
      if (read.document.data.id !== id) throw new UnreadableFileError(path, 'its id does not match its folder');
      opened = { db: read.document };
      // A damaged change was copied aside; writing the interview whole now stops it being met again.
      if (read.damagedChanges && !this.readOnly) await read.document.compact();
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      const copy = await keepCopyOfUnreadableFile(path);
      opened = { unreadable: { id, keptCopy: relative(this.dataDir, copy), reason: error.reason } };
    }
    this.interviews.set(id, opened);
    return opened;
  }

  /** An interview as saved (its changes replayed), without keeping it open. */
  private readInterview(id: string) {
    return InterviewDocument.read(this.interviewAdapter(id), interviewChangesFolder(this.dataDir, id), this.store);
  }

  private interviewStamp(id: string): Promise<FileStamp | null> {
    return InterviewDocument.stamp(interviewFilePath(this.dataDir, id), interviewChangesFolder(this.dataDir, id));
  }

  private interviewAdapter(id: string): JsonDocumentAdapter<Interview> {
    return new JsonDocumentAdapter(interviewFilePath(this.dataDir, id), Interview, interviewMigrations, INTERVIEW_SCHEMA_VERSION, this.store);
  }

  private isUnreadable(id: string): boolean {
    const known = this.interviews.get(id);
    return known !== undefined && 'unreadable' in known;
  }

  /** `built`: the interview's memory index when the caller has just built it (nothing is built twice). */
  private async indexInterview(interview: Interview, memoryIndex: 'now' | 'later' = 'now', built?: MemoryIndex, { persist = true } = {}): Promise<void> {
    const known = IndexEntry.safeParse(this.libraryDb.data.index[interview.id]).data;
    // Left out, the entry says the memory index no longer matches (it is rebuilt when asked for);
    // what it was is kept, so a rebuild that would write the same file writes nothing.
    if (memoryIndex === 'later' && known?.memory) this.supersededMemory.set(interview.id, known.memory);
    const memory = memoryIndex === 'now' ? await this.writeMemoryIndex(interview, known?.memory ?? this.supersededMemory.get(interview.id), built) : undefined;
    if (memoryIndex === 'now') this.supersededMemory.delete(interview.id);
    const stamp = await this.interviewStamp(interview.id);
    if (stamp) this.libraryDb.data.index[interview.id] = { summary: summarizeInterview(interview), stamp, ...(memory ? { memory } : {}) };
    // An autosave leaves library.json to its compaction: the index is only a cache, and a stamp
    // that no longer matches after a crash just makes the next listing read the interview again.
    if (persist) await this.persistLibrary();
    // Deleted or locked by then: the task fails quietly, and the next lookup indexes it.
    if (memoryIndex === 'later') this.laterWork.schedule(interview.id, () => this.memoryIndex(interview.id));
  }

  /**
   * Cancels work scheduled for later (memory indexes waiting for the typing to stop): called when
   * the library is locked or closed, so nothing writes into it once another process may own it.
   * What was not rebuilt is rebuilt by the next lookup, in this session or the next.
   */
  async stopBackgroundWork(): Promise<void> {
    // A fold or an import still running asks for a memory index as it ends: they stop first, then
    // the later work, which takes nothing more from then on (a rebuild was seen writing into a
    // library 4 s after its lock was released).
    await Promise.all([this.compactions.stop(), this.jobs.stop()]);
    await this.laterWork.stop();
  }

  /** Long work that writes into this library (imports, peaks): aborted and waited for by stopBackgroundWork. */
  readonly jobs = new AbortableJobs();

  /** Saved changes folded into their interview.json once the typing has stopped (see saveChanges). */
  private readonly compactions = new DebouncedTasks(COMPACT_DELAY_MS);

  /**
   * Memory indexes rebuilt a moment after an interview's last save (building one for 10,000
   * reviewed segments takes a quarter of a second: not something every autosave should wait
   * for). A lookup before then builds it itself; a session that ends first leaves it to the next.
   */
  private readonly laterWork = new DebouncedTasks(MEMORY_INDEX_DELAY_MS);

  /** The memory index entries set aside by saves, until the index is rebuilt. */
  private readonly supersededMemory = new Map<string, NonNullable<IndexEntry['memory']>>();

  /** Writes the interview's memory index unless the one on disk already says the same. */
  private async writeMemoryIndex(interview: Interview, known: IndexEntry['memory'], built?: MemoryIndex): Promise<IndexEntry['memory']> {
    const path = memoryIndexPath(this.dataDir, interview.id);
    const pairs = memoryPairsOf(interview);
    const signature = await memorySignaturePatiently(pairs);
    const current = known?.signature === signature ? await fileStamp(path) : null;
    if (known && current && sameStamp(current, known.stamp)) return known;
    try {
      await this.store.writeBytes(path, encodeMemoryIndex(built ?? (await buildMemoryIndexPatiently(pairs))));
    } catch {
      return undefined; // only a cache: the memory reads the interview itself instead
    }
    const stamp = await fileStamp(path);
    return stamp ? { stamp, signature } : undefined;
  }

  /**
   * One interview's translation-memory index: from its file when that matches the interview on
   * disk, else built from the interview (and the file is written again).
   */
  async memoryIndex(id: string): Promise<MemoryIndex> {
    const known = IndexEntry.safeParse(this.libraryDb.data.index[id]).data;
    const interviewStamp = await this.interviewStamp(id);
    if (!interviewStamp) throw new DeskError('not-found', 'That interview does not exist.');
    if (known?.memory && sameStamp(known.stamp, interviewStamp)) {
      const memoryStamp = await fileStamp(memoryIndexPath(this.dataDir, id));
      const stored = memoryStamp && sameStamp(memoryStamp, known.memory.stamp) ? await readMemoryIndex(this.store, this.dataDir, id) : null;
      if (stored) return stored;
    }
    // Read without keeping it: the memory must not hold whole interviews in this process.
    const cached = this.interviews.get(id);
    const interview = cached && 'db' in cached ? cached.db.data : (await this.readInterview(id))?.document.data;
    if (!interview) throw new DeskError('not-found', 'That interview does not exist.');
    const built = await buildMemoryIndexPatiently(memoryPairsOf(interview));
    if (!this.readOnly && !this.libraryProblem) await this.indexInterview(interview, 'now', built);
    return built;
  }

  private async persistLibrary(): Promise<void> {
    if (this.libraryProblem || this.readOnly) return; // never overwrite a library.json we could not read
    await this.libraryDb.write();
  }

  private async interviewFolderIds(): Promise<string[]> {
    const entries = await readdir(interviewsFolder(this.dataDir), { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && EntityId.safeParse(entry.name).success).map((entry) => entry.name);
  }
}

/** How a received recording is described in its interview, or null when its name is not one we store. */
function receivedRecordingDescription(recording: ReceivedRecording, described: Interview['recording']): Interview['recording'] {
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/i.test(recording.fileName) || recording.fileName.includes('..')) return null;
  return { fileName: recording.fileName, mimeType: described?.mimeType ?? 'application/octet-stream', durationSeconds: described?.durationSeconds ?? null };
}
