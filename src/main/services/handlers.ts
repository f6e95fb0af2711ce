// Everything the main side does, as one object whose methods are the contract's channels. Both
// transports (Electron IPC and the test bridge) call exactly these through dispatch().
import type { ChannelName } from '../../shared/channels';
import type { ChannelParsedArgs, ChannelResult } from '../../shared/contract';
import type { EventSink } from './event-sink';
import { createSpeechHandlers, type ModelChooser } from './speech/speech-handlers';
import type { DraftTimeouts } from './speech/draft-job';
import { forkWorker, type WorkerSpawner } from './speech/worker-process';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { DeskError } from './desk-error';
import { exportInterview, fileExtensions, prepareExport } from './export/export-interview';
import { suggestedExportName } from './export/export-names';
import { exportRecording, previewRecording, recordingRefusal } from './export/recording-export';
import { mergeGlossary, parseGlossary, serializeGlossary } from './glossary-files';
import { scratchFolder } from './data-paths';
import type { LibrarySession } from './library-session';
import { RecordingUploads } from './media/recording-uploads';
import { cachedSpeech, recordingSpeech } from './media/speech-stretches';
import { importRecording, RecordingCutOff, recordingPeaks, removeOtherRecordings } from './media/import-recording';
import { parseTranscript, toSegments } from './transcript-import/import-transcript';
import { judgeImport } from './transcript-import/import-limits';
import { transcriptMatches } from '../../shared/library-search';
import { teamPass, writeOutgoing } from './export/gate';
import { openPackage, type PackageContents } from './handoff/package-file';
import { receivePackage, sendInterview, stashInScratch, undoLastMerge } from './handoff/handoff';
import { rm } from 'node:fs/promises';
import { readSampleInterview } from './sample-interview';

export type { EventSink };

export type HandlerOptions = {
  dataDir: string;
  resourcesDir: string;
  version: string;
  mediaBaseUrl: string;
  emit?: EventSink;
  now?: () => Date;
  /** Asks the user where to save an export (a save dialog); null when they cancel. */
  chooseExportPath: ExportPathChooser;
  chooseRecording: RecordingChooser;
  /** Asks for a hand-off package to open (an open dialog); null when they cancel. */
  choosePackage?: RecordingChooser;
  /** Whether the library is open and with which key; holds the library's lock. */
  session: LibrarySession;
  /** Asks for a speech model file or folder (an open dialog); null when they cancel. */
  chooseModel?: ModelChooser;
  /** How speech workers are started: utilityProcess in Electron, fork elsewhere. */
  spawnWorker?: WorkerSpawner;
  /** The built speech worker script (beside the main bundle unless said otherwise). */
  speechWorkerEntry?: string;
  /** How long drafts wait on the engine; the defaults suit the slowest laptop and the largest model. */
  draftTimeouts?: DraftTimeouts;
};

/** Asks the user for a recording to import (an open dialog); null when they cancel. */
export type RecordingChooser = () => Promise<string | null>;

export type ExportPathChooser = (suggestion: { fileName: string; extension: string }) => Promise<string | null>;

export type Handlers = {
  [C in ChannelName]: (args: ChannelParsedArgs<C>) => Promise<ChannelResult<C>>;
};

export async function createHandlers(options: HandlerOptions): Promise<Handlers> {
  const { session } = options;
  await session.start();
  /** The open library; every channel but the session's own refuses while it is locked. */
  const open = () => session.open();
  const emit: EventSink = options.emit ?? (() => undefined);
  /** The desk's clock (a test sets its own): embargoes and package times read it. */
  const now = () => options.now?.() ?? new Date();
  const libraryChanged = () => emit('library.changed', {});
  const runningDetections = new Map<string, AbortController>();
  const runningImports = new Map<string, AbortController>();
  const uploads = new RecordingUploads(options.dataDir, () => open().store);
  /** Packages opened and shown to the user, waiting for "Add" or "Merge". */
  const pendingPackages = new Map<string, PackageContents>();
  /** Forgets the packages shown before, and the recordings they put aside. */
  const forgetPendingPackages = async () => {
    for (const pending of pendingPackages.values()) if (pending.recording) await rm(pending.recording.stashedAt, { force: true });
    pendingPackages.clear();
  };
  const summarize = async (contents: PackageContents) => {
    const token = `pkg-${randomUUID()}`;
    await forgetPendingPackages();
    pendingPackages.set(token, contents);
    return {
      opened: true as const,
      token,
      title: contents.manifest.title,
      sender: contents.manifest.sender,
      createdAt: contents.manifest.createdAt,
      segmentCount: contents.interview.segments.length,
      hasRecording: contents.recording !== null,
      withheld: contents.manifest.withheld,
      existing: (await open().library.interviewIds()).includes(contents.interview.id),
    };
  };

  /** Imports a recording from a path the main side chose or owns, and attaches it. */
  /** A recording that seemed cut off, kept by interview until the user answers (Import anyway). */
  const askedAboutRecording = new Map<string, string>();
  const attachRecording = async (id: string, sourcePath: string, sourceInLibrary = false, acceptCutOff = false) => {
    const controller = new AbortController();
    runningImports.get(id)?.abort();
    runningImports.set(id, controller);
    let recording;
    try {
      // Aborted when the interview is deleted (its controller) or the library closes (its jobs).
      recording = await open().library.jobs.run(
        (signal) =>
          importRecording({
            dataDir: options.dataDir,
            interviewId: id,
            sourcePath,
            onProgress: (phase, fraction) => emit('media.progress', { interviewId: id, phase, fraction }),
            signal,
            store: open().store,
            sourceInLibrary,
            acceptCutOff,
          }),
        controller,
      );
    } catch (error) {
      if (error instanceof RecordingCutOff) {
        if (!sourceInLibrary) askedAboutRecording.set(id, sourcePath);
        throw new DeskError('confirm', error.message);
      }
      const deleted = controller.signal.aborted || !(await open().library.get(id).then(() => true, () => false));
      if (deleted) throw new DeskError('refused', 'The import was stopped: the interview was deleted.');
      throw error;
    } finally {
      if (runningImports.get(id) === controller) runningImports.delete(id);
    }
    const interview = await open().library.get(id);
    await open().library.save({ ...interview, recording });
    await removeOtherRecordings(options.dataDir, id, recording.fileName);
    libraryChanged();
    return open().library.get(id);
  };

  const speech = createSpeechHandlers({
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    open,
    emit,
    chooseModel: options.chooseModel ?? (async () => null),
    spawnWorker: options.spawnWorker ?? forkWorker,
    workerEntry: options.speechWorkerEntry ?? join(__dirname, 'speech-worker.js'),
    draftTimeouts: options.draftTimeouts,
  });

  return {
    ...speech,
    'app.info': async () => ({
      dataDir: options.dataDir,
      version: options.version,
      mediaBaseUrl: options.mediaBaseUrl,
      libraryProblem: session.storeOrNull ? open().library.libraryProblem : null,
      readOnly: options.session.options.lock.readOnly,
      keyringNotice: session.keyringNotice,
    }),
    'library.status': async () => ({ state: session.state, encrypted: session.encrypted }),
    'library.setup': async ({ mode, passphrase }) => {
      const result = await session.setUp(mode, passphrase);
      libraryChanged();
      return result;
    },
    'library.unlock': async ({ passphrase }) => {
      await session.unlock(passphrase);
      libraryChanged();
      return {};
    },
    'library.lock': async () => {
      for (const controller of [...runningImports.values(), ...runningDetections.values()]) controller.abort();
      session.lock();
      return {};
    },
    'library.encrypt': async ({ passphrase }) => {
      for (const controller of [...runningImports.values(), ...runningDetections.values()]) controller.abort();
      const result = await session.encrypt(passphrase);
      libraryChanged();
      return result;
    },
    'library.changePassphrase': async ({ current, next }) => {
      await session.changePassphrase(current, next);
      return {};
    },
    'library.list': async () => open().library.list(),
    'library.search': async ({ query }) => {
      const { library } = open();
      const ids: string[] = [];
      for (const id of await library.interviewIds()) {
        const interview = await library.get(id).catch(() => null);
        if (interview && transcriptMatches(interview, query)) ids.push(id);
      }
      return { ids };
    },
    'interview.create': async ({ title }) => {
      const interview = await open().library.create(title);
      libraryChanged();
      return interview;
    },
    'interview.get': async ({ id }) => {
      const { library, memory } = open();
      const interview = await library.get(id);
      // The translation memory is read while the interview is drawn (a job: a closing library waits for it).
      void library.jobs.run((stopped) => (stopped.aborted ? Promise.resolve() : memory.warm())).catch(() => undefined);
      return interview;
    },
    'interview.save': async ({ interview }) => open().library.save(interview),
    'interview.saveChanges': async ({ changes }) => open().library.saveChanges(changes),
    'interview.delete': async ({ id }) => {
      // Work still running for this interview stops first, so none of it recreates its folder.
      runningImports.get(id)?.abort();
      runningDetections.get(id)?.abort();
      await uploads.discardFor(id);
      await open().library.delete(id);
      libraryChanged();
      return {};
    },
    'sample.open': async () => {
      const sample = await readSampleInterview(options.resourcesDir);
      const interview = await open().library.addCopy(sample.interview, sample.recordingPath);
      libraryChanged();
      return interview;
    },
    'settings.get': async () => open().library.settings,
    'settings.update': async (patch) => open().library.updateSettings(patch),
    'export.save': async ({ id, request }) => {
      const interview = await open().library.get(id);
      const extension = fileExtensions[request.format];
      const path = await options.chooseExportPath({ fileName: suggestedExportName(interview, request.format, extension), extension });
      if (!path) return { saved: false };
      await exportInterview(interview, open().library.settings, request, path, { glossary: open().library.glossary, now: now() });
      return { saved: true, fileName: basename(path) };
    },
    'recording.publish': async ({ id, choices }) => {
      const { library, store } = open();
      const interview = await library.get(id);
      // Refused before the save dialog: nobody picks a file for an export that cannot be made.
      const refusal = recordingRefusal(interview, now());
      if (refusal) throw new DeskError(refusal.code, refusal.message);
      const path = await options.chooseExportPath({ fileName: suggestedExportName(interview, 'recording', 'ogg'), extension: 'ogg' });
      if (!path) return { saved: false };
      const { covered } = await exportRecording({ dataDir: library.dataDir, store, interview, target: path, choices, now: now() });
      // The window records where the OHMS record points (it owns the open interview).
      return { saved: true, fileName: basename(path), covered, exportedAt: now().toISOString() };
    },
    'recording.preview': async ({ id, choices, from, seconds }) => {
      const { library, store } = open();
      const bytes = await previewRecording({ dataDir: library.dataDir, store, interview: await library.get(id), choices, from, seconds });
      return { data: Buffer.from(bytes).toString('base64') };
    },
    'export.review': async ({ id, request }) => {
      const interview = await open().library.get(id);
      const { unlisted, warnings, consentWarnings } = await prepareExport(interview, open().library.settings, request, open().library.glossary, now());
      return { unlisted, warnings, consent: consentWarnings };
    },
    'package.send': async ({ id, lock, choices }) => {
      const { library, store } = open();
      const interview = await library.get(id);
      const path = await options.chooseExportPath({ fileName: `${suggestedPackageName(interview.title)}.testimony`, extension: 'testimony' });
      if (!path) return { saved: false };
      await sendInterview({ library, store, id, choices, lock, appVersion: options.version, now: now(), to: path });
      return { saved: true, fileName: basename(path) };
    },
    'package.open': async ({ passphrase }) => {
      const path = await (options.choosePackage ?? options.chooseRecording)();
      if (!path) return { opened: false };
      return summarize(await openPackage({ path }, { passphrase, cipher: open().store.cipher }, stashInScratch(open().store, scratchFolder(options.dataDir))));
    },
    'package.openDropped': async ({ data, passphrase }) =>
      summarize(await openPackage({ bytes: Buffer.from(data, 'base64') }, { passphrase, cipher: open().store.cipher }, stashInScratch(open().store, scratchFolder(options.dataDir)))),
    'package.accept': async ({ token }) => {
      const contents = pendingPackages.get(token);
      if (!contents) throw new DeskError('not-found', 'That package is no longer open; open it again.');
      const { library, store } = open();
      const outcome = await receivePackage({ library, store, contents, now: now() });
      pendingPackages.delete(token);
      libraryChanged();
      return outcome;
    },
    'interview.undoMerge': async ({ id }) => {
      const { library, store } = open();
      const interview = await undoLastMerge(library, store, id);
      libraryChanged();
      return interview;
    },
    'library.recipient': async () => ({ recipient: open().store.cipher?.recipient ?? null }),
    'glossary.get': async () => ({ terms: open().library.glossary }),
    'glossary.save': async ({ terms }) => ({ terms: await open().library.saveGlossary(terms) }),
    'glossary.import': async ({ text }) => {
      const { rows, skipped } = parseGlossary(text);
      const merged = mergeGlossary(open().library.glossary, rows, () => `glo-${randomUUID()}`);
      return { terms: await open().library.saveGlossary(merged.terms), added: merged.added, updated: merged.updated, skipped };
    },
    'glossary.export': async ({ format }) => {
      const path = await options.chooseExportPath({ fileName: `glossary.${format}`, extension: format });
      if (!path) return { saved: false };
      // The library's glossary: the newsroom's terms, no interview's names (those live in each interview's own glossary).
      await writeOutgoing(path, serializeGlossary(open().library.glossary, format === 'csv' ? ',' : '\t'), teamPass());
      return { saved: true, fileName: basename(path) };
    },
    'memory.lookup': async ({ interviewId, segmentId, source }) => ({ matches: await open().memory.lookup(source, { interviewId, segmentId }) }),
    'media.import': async ({ id, confirmed }) => {
      await open().library.get(id); // refuse unknown or unreadable interviews before asking for a file
      // "Import anyway" after the cut-off question: the same file, not a new dialog.
      const asked = confirmed ? askedAboutRecording.get(id) : undefined;
      askedAboutRecording.delete(id);
      const path = asked ?? (await options.chooseRecording());
      if (!path) return { imported: false };
      return { imported: true, interview: await attachRecording(id, path, false, asked !== undefined) };
    },
    'media.uploadBegin': async ({ id, fileName, size }) => {
      await open().library.get(id);
      return { uploadId: await uploads.begin(id, fileName, size) };
    },
    'media.uploadChunk': async ({ uploadId, offset, data }) => ({ received: await uploads.append(uploadId, offset, Buffer.from(data, 'base64')) }),
    'media.uploadFinish': async ({ uploadId, confirmed }) => {
      try {
        const { path, interviewId } = await uploads.finish(uploadId);
        return { interview: await attachRecording(interviewId, path, true, confirmed) };
      } finally {
        await uploads.discard(uploadId);
      }
    },
    'media.uploadCancel': async ({ uploadId }) => {
      await uploads.discard(uploadId);
      return {};
    },
    'media.peaks': async ({ id }) => {
      const interview = await open().library.get(id);
      if (!interview.recording) throw new DeskError('not-found', 'This interview has no recording yet.');
      const recording = interview.recording;
      const peaks = await open().library.jobs.run((signal) =>
        recordingPeaks(options.dataDir, id, recording, (fraction) => emit('media.progress', { interviewId: id, phase: 'analysing', fraction }), open().store, signal),
      );
      // The last progress report may fall just short of the end: say it is done, so the line goes.
      emit('media.progress', { interviewId: id, phase: 'analysing', fraction: 1 });
      return { peaksPerSecond: peaks.peaksPerSecond, durationSeconds: peaks.durationSeconds, data: peaks.data };
    },
    'vad.propose': async ({ id }) => {
      const interview = await open().library.get(id);
      if (!interview.recording) throw new DeskError('not-found', 'Import the recording first: segments are proposed from its pauses.');
      runningDetections.get(id)?.abort();
      const controller = new AbortController();
      runningDetections.set(id, controller);
      try {
        const spans = await open().library.jobs.run(
          (signal) =>
            recordingSpeech({
              dataDir: options.dataDir,
              interviewId: id,
              recording: interview.recording!,
              store: open().store,
              resourcesDir: options.resourcesDir,
              onProgress: (fraction) => emit('vad.progress', { interviewId: id, fraction }),
              signal,
            }),
          controller,
        );
        return { spans };
      } catch (error) {
        if (controller.signal.aborted) throw new DeskError('refused', 'Voice detection was cancelled.');
        throw error;
      } finally {
        if (runningDetections.get(id) === controller) runningDetections.delete(id);
      }
    },
    'media.speech': async ({ id, find }) => {
      const interview = await open().library.get(id);
      if (!interview.recording) return { spans: null };
      const recording = interview.recording;
      if (!find) return { spans: await cachedSpeech(options.dataDir, id, recording, open().store), fileName: recording.fileName };
      // Found quietly (no progress line): the status waits for it, nobody else does.
      const spans = await open().library.jobs.run((signal) =>
        recordingSpeech({ dataDir: options.dataDir, interviewId: id, recording, store: open().store, resourcesDir: options.resourcesDir, onProgress: () => undefined, signal }),
      );
      return { spans, fileName: recording.fileName };
    },
    'vad.cancel': async ({ id }) => {
      runningDetections.get(id)?.abort();
      return {};
    },
    'transcript.import': async ({ id, fileName, text, confirmed }) => {
      const interview = await open().library.get(id);
      const parsed = parseTranscript(fileName, text);
      const verdict = judgeImport(parsed, interview.recording?.durationSeconds ?? null);
      if (verdict.kind === 'refuse') throw new DeskError('refused', verdict.message);
      if (verdict.kind === 'ask' && !confirmed) throw new DeskError('confirm', verdict.message);
      const { segments, speakers } = toSegments(parsed, interview.speakers, (prefix) => `${prefix}-${randomUUID()}`);
      const merged = [...interview.segments, ...segments].sort((a, b) => a.start - b.start);
      await open().library.save({ ...interview, speakers, segments: merged });
      return {
        interview: await open().library.get(id),
        format: parsed.format,
        imported: segments.length,
        skipped: parsed.skipped.slice(0, 5),
        adjusted: parsed.adjusted.slice(0, 5),
        skippedTotal: parsed.skipped.length,
        adjustedTotal: parsed.adjusted.length,
      };
    },
  };
}

/** A file name from a title: letters, digits, spaces and dashes only. */
function suggestedPackageName(title: string): string {
  return title.replace(/[^\p{L}\p{N} _-]+/gu, ' ').trim().replace(/\s+/g, ' ').slice(0, 80) || 'interview';
}
