// Sending and receiving interviews between libraries. Each library keeps, per interview, the copy
// it last sent or received (`handoff-base.json`, stored like everything else — encrypted in an
// encrypted library) as the base of the next three-way merge; the interview as it was before a
// merge goes to `history/`, so the merge can be undone in one step.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Interview } from '../../../shared/interview';
import { mergeInterviews, type MergeResult } from '../../../shared/merge';
import { interviewFolder, mediaFolder } from '../data-paths';
import { DeskError } from '../desk-error';
import type { Library } from '../library';
import type { FileStore } from '../storage/file-store';
import { redactionTerms } from '../../../shared/redaction';
import { inspectPublishable, interviewFields, packagePass, teamPass, writeOutgoing, type GatePass } from '../export/gate';
import { knownNames, publishableRefusal } from '../export/export-interview';
import { leakGuard, shownText, textReadings } from '../export/leak-check';
import { packageBytes, travellingInterview, type OutgoingRecording, type PackageContents, type PackageLock, type RecordingStash, type SendChoices } from './package-file';
import { buildTbx, buildXliff, importXliff, type XliffImportSummary } from './xliff';
import { readXliff } from './xliff-read';

const basePath = (dataDir: string, id: string) => join(interviewFolder(dataDir, id), 'handoff-base.json');
const historyFolder = (dataDir: string, id: string) => join(interviewFolder(dataDir, id), 'history');

export async function readBase(dataDir: string, store: FileStore, id: string): Promise<Interview | null> {
  const text = await store.readText(basePath(dataDir, id)).catch(() => null);
  if (!text) return null;
  const parsed = Interview.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

/**
 * Keeps `interview` (given with its JSON text, when that is at hand) as the next merge's base;
 * `after`, when given, must succeed before the base is put in place.
 */
async function writeBase(dataDir: string, store: FileStore, interview: Interview, options: { json?: Uint8Array; after?: Promise<unknown> } = {}): Promise<void> {
  const { after } = options;
  const hooks = after ? { beforeRename: async () => void (await after) } : {};
  const path = basePath(dataDir, interview.id);
  await (options.json ? store.writeBytes(path, options.json, hooks) : store.writeText(path, JSON.stringify(interview), hooks));
}

/** The interview's recording as it will travel, or null; `close` must follow the send. */
async function outgoingRecording(dataDir: string, store: FileStore, interview: Interview): Promise<(OutgoingRecording & { close(): Promise<void> }) | null> {
  if (!interview.recording) return null;
  const reader = await store.openRecording(join(mediaFolder(dataDir, interview.id), interview.recording.fileName));
  return { fileName: interview.recording.fileName, size: reader.size, pieces: () => reader.pieces(), close: () => reader.close() };
}

/**
 * Writes the interview's package to `to`, made as it is written (through a temp file beside it, so
 * an interrupted send leaves no half package behind), and keeps what was sent as the next merge's
 * base — except in a read-only library, which can send but keep nothing.
 */
export async function sendInterview(options: {
  library: Library;
  store: FileStore;
  id: string;
  choices: SendChoices;
  lock: PackageLock;
  appVersion: string;
  now: Date;
  to: string;
}): Promise<void> {
  const { library, store, id } = options;
  const stored = await library.get(id);
  if (stored.mergeConflicts.length > 0) throw new DeskError('refused', 'Resolve this interview’s hand-off conflicts before sending it on.');
  // The package takes its place in the interview's lineage: this library's latest, made now.
  const libraryId = await library.libraryId();
  const interview = { ...stored, lineage: { ...stored.lineage, [libraryId]: options.now.toISOString() } };
  const choices = { ...options.choices, libraryId };
  const recording = choices.includeRecording ? await outgoingRecording(library.dataDir, store, interview) : null;
  const travelling = travellingInterview(interview, choices);
  const packaged = writeOutgoing(options.to, packageBytes(travelling, library.glossary, recording, choices, options.lock, options.appVersion, options.now), packagePass());
  // The base is written (and flushed) while the package is, and put in place only once the
  // package is: a send that fails leaves the previous base as it was.
  const based = library.readOnly ? packaged : writeBase(library.dataDir, store, travelling.interview, { json: travelling.json, after: packaged });
  try {
    await Promise.all([packaged, based]);
  } finally {
    await Promise.allSettled([packaged, based]);
    await recording?.close();
  }
  // This copy holds what was sent: the package coming back unchanged is nothing new.
  if (!library.readOnly) await library.save({ ...(await library.get(id)), lineage: interview.lineage });
}

/** Each library's latest package, from both copies' lineages. */
function joinedLineage(ours: Record<string, string>, theirs: Record<string, string>): Record<string, string> {
  const joined = { ...ours };
  for (const [library, made] of Object.entries(theirs)) if (!joined[library] || joined[library]! < made) joined[library] = made;
  return joined;
}

/**
 * A package this copy already holds, or one older than what it holds from the same library: taking
 * it would put back older work (a translator's second version over her third). Null when it is new.
 */
function alreadyHeld(ours: Interview, contents: PackageContents): string | null {
  const { libraryId, createdAt, sender } = contents.manifest;
  const held = libraryId ? ours.lineage[libraryId] : undefined;
  if (!held || !createdAt || createdAt > held) return null;
  const made = createdAt.slice(0, 19).replace('T', ' ');
  return createdAt === held
    ? `This package is already in your copy (made ${made} UTC by ${sender || 'its sender'}): nothing was taken.`
    : `This package is older than your copy: made ${made} UTC by ${sender || 'its sender'}, who has sent a newer one since (${held.slice(0, 19).replace('T', ' ')} UTC). Nothing was taken.`;
}

/** Where a package's recording waits between "Open package" and "Add"/"Merge": the scratch folder, swept on every open. */
export function stashInScratch(store: FileStore, scratchDir: string): RecordingStash {
  return async (content) => {
    await mkdir(scratchDir, { recursive: true, mode: 0o700 });
    const path = join(scratchDir, `received-${randomUUID()}`);
    await store.writeStream(path, content);
    return path;
  };
}

export type ReceiveOutcome = {
  interviewId: string;
  outcome: 'added' | 'merged';
  conflicts: number;
  segmentsAdded: number;
  fieldsTaken: number;
  glossaryAdded: number;
};

/** Adds the package's interview, or merges it into the one already here. */
export async function receivePackage(options: { library: Library; store: FileStore; contents: PackageContents; now: Date }): Promise<ReceiveOutcome> {
  const { library, store, contents } = options;
  const withheldRedactions = contents.manifest.withheld.includes('redactions');
  // A package from before the redaction list always travelled: its interview may name people the
  // sender had listed, so publishable exports wait until the list is here (see prepareExport).
  const theirs = withheldRedactions ? { ...contents.interview, redactionsWithheld: true } : contents.interview;
  const glossaryAdded = await mergeGlossaryTerms(library, contents);
  const existing = (await library.interviewIds()).includes(theirs.id);
  if (!existing) {
    // The interview and its merge base are separate files, written (and flushed) side by side; the
    // base only takes its place once the interview has.
    await mkdir(interviewFolder(library.dataDir, theirs.id), { recursive: true });
    const added = library.addReceived(theirs, contents.recording && contents.manifest.recording ? { fileName: contents.manifest.recording, stashedAt: contents.recording.stashedAt } : null);
    const based = writeBase(library.dataDir, store, theirs, { json: contents.interviewJson ?? undefined, after: added });
    await Promise.all([added, based]).finally(() => Promise.allSettled([added, based]));
    return { interviewId: theirs.id, outcome: 'added', conflicts: 0, segmentsAdded: theirs.segments.length, fieldsTaken: 0, glossaryAdded };
  }
  const ours = await library.get(theirs.id);
  const older = alreadyHeld(ours, contents);
  if (older) {
    if (contents.recording) await rm(contents.recording.stashedAt, { force: true });
    throw new DeskError('refused', older);
  }
  const storedBase = await readBase(library.dataDir, store, theirs.id);
  const base = storedBase ?? unsharedBase(ours);
  const result: MergeResult = mergeInterviews(base, ours, withheldAsUnchanged(theirs, base, contents.manifest.withheld), { theirAuthor: contents.manifest.sender, newId: () => `cfl-${randomUUID()}` });
  // The list is here once either side had it: ours was complete, or the package carried it.
  result.merged.redactionsWithheld = ours.redactionsWithheld && withheldRedactions;
  result.merged.lineage = joinedLineage(ours.lineage, theirs.lineage);
  await mkdir(historyFolder(library.dataDir, ours.id), { recursive: true });
  // The interview and the base as they were: undoing the merge puts both back.
  await store.writeText(join(historyFolder(library.dataDir, ours.id), `${options.now.getTime()}.json`), JSON.stringify({ interview: ours, base: storedBase }));
  let merged = result.merged;
  if (!ours.recording && contents.recording && contents.manifest.recording) {
    merged = { ...merged, recording: await library.attachReceivedRecording(ours.id, { fileName: contents.manifest.recording, stashedAt: contents.recording.stashedAt }, theirs.recording) };
  }
  await library.save(merged);
  await writeBase(library.dataDir, store, theirs, { json: contents.interviewJson ?? undefined });
  return { interviewId: ours.id, outcome: 'merged', conflicts: result.conflicts.length, segmentsAdded: result.taken.segmentsAdded, fieldsTaken: result.taken.fieldsTaken, glossaryAdded };
}

/** What the sender left out was not deleted: it counts as what the base had, so the merge keeps ours. */
function withheldAsUnchanged(theirs: Interview, base: Interview, withheld: readonly string[]): Interview {
  return {
    ...theirs,
    narrator: withheld.includes('realName') ? { ...theirs.narrator, realName: base.narrator.realName } : theirs.narrator,
    redactions: withheld.includes('redactions') ? base.redactions : theirs.redactions,
  };
}

/** Never shared from here before: nothing counts as agreed, so every difference is asked about. */
function unsharedBase(ours: Interview): Interview {
  return { ...ours, segments: [], speakers: [], glossary: [], redactions: [], title: '\u0000', narrator: { ...ours.narrator, pseudonym: '\u0000' } };
}

async function mergeGlossaryTerms(library: Library, contents: PackageContents): Promise<number> {
  const known = new Set(library.glossary.map((term) => term.id));
  const added = contents.glossary.filter((term) => !known.has(term.id));
  if (added.length > 0) await library.saveGlossary([...library.glossary, ...added]);
  return added.length;
}

/** Puts back the interview as it was before its last merge (one step), and forgets that copy. */
export async function undoLastMerge(library: Library, store: FileStore, id: string): Promise<Interview> {
  const folder = historyFolder(library.dataDir, id);
  const entries = (await readdir(folder).catch(() => [])).filter((name) => /^\d+\.json$/.test(name)).sort((a, b) => Number.parseInt(b) - Number.parseInt(a));
  if (entries.length === 0) throw new DeskError('not-found', 'There is no merge to undo for this interview.');
  const entry = JSON.parse((await store.readText(join(folder, entries[0]!)))!) as { interview: unknown; base: unknown };
  await library.save(Interview.parse(entry.interview));
  if (entry.base) await writeBase(library.dataDir, store, Interview.parse(entry.base));
  else await rm(basePath(library.dataDir, id), { force: true });
  await rm(join(folder, entries[0]!), { force: true });
  return library.get(id);
}

/** XLIFF and TBX made and passed through the gate, ready to write. */
export type XliffFiles = { xliff: string; tbx: string; xliffPass: GatePass; tbxPass: GatePass };

/**
 * XLIFF for a CAT tool (and TBX of the glossary); the copy exported becomes the merge base. For an
 * outside translator (the default) every listed name is a placeholder and both files pass the
 * leak checks, the XLIFF the names review too; `unredacted` is for the team's own translator.
 */
export async function exportXliff(library: Library, store: FileStore, id: string, options: { unredacted: boolean }): Promise<XliffFiles> {
  const interview = await library.get(id);
  const glossary = [...library.glossary, ...interview.glossary];
  let files: XliffFiles;
  if (options.unredacted) {
    files = { xliff: buildXliff(interview), tbx: buildTbx(glossary, interview.languages), xliffPass: teamPass(), tbxPass: teamPass() };
  } else {
    if (interview.redactionsWithheld) throw new DeskError('refused', publishableRefusal(interview)!);
    const terms = redactionTerms(interview);
    const guard = leakGuard(terms, interview.allowedNames);
    const xliff = buildXliff(interview, { redact: terms });
    const tbx = buildTbx(glossary, interview.languages, { redact: terms });
    const shown = shownText(xliff, 'xml');
    files = {
      xliff,
      tbx,
      xliffPass: inspectPublishable(textReadings(xliff, 'xml', shown), guard, { text: shown, known: knownNames(interview, library.settings, library.glossary) }, () => interviewFields(interview)),
      // The glossary's place names are the newsroom's spellings, not names found in this interview: no names review.
      tbxPass: inspectPublishable(textReadings(tbx, 'xml'), guard, { text: '', known: [] }),
    };
  }
  if (!library.readOnly) await writeBase(library.dataDir, store, interview);
  return files;
}

/** Translations back from a CAT tool, merged like a package (history kept, undoable). */
export async function importXliffFile(
  library: Library,
  store: FileStore,
  id: string,
  xml: string,
  translator: string,
  now: Date,
  options: { translatedIsReviewed?: boolean } = {},
): Promise<ReceiveOutcome & { summary: XliffImportSummary }> {
  const ours = await library.get(id);
  const base = await readBase(library.dataDir, store, id);
  const result = importXliff(base, ours, readXliff(xml, id), translator, options);
  await mkdir(historyFolder(library.dataDir, id), { recursive: true });
  await store.writeText(join(historyFolder(library.dataDir, id), `${now.getTime()}.json`), JSON.stringify({ interview: ours, base }));
  await library.save(result.merged);
  return { interviewId: id, outcome: 'merged', conflicts: result.conflicts.length, segmentsAdded: 0, fieldsTaken: result.taken.fieldsTaken, glossaryAdded: 0, summary: result.summary };
}
