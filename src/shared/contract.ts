// One contract, two transports: every channel's argument and result schema. dispatch() checks
// arguments against these before any handler runs, in Electron and in the test bridge alike.
import { z } from 'zod';
import type { ChannelName, EventName } from './channels';
import { EntityId, GlossaryTerm, Interview, InterviewSummary, Speaker } from './interview';
import { InterviewChanges } from './interview-changes';
import { InterfaceLanguage, SeriesSettings, Settings } from './settings';
import { DraftProposal, DraftScope, SpeechModelInfo, SpeechSettings } from './speech';

const NoArgs = z.object({}).strict();
const Passphrase = z.string().min(1).max(1000);
const ById = z.object({ id: EntityId }).strict();

export const UnreadableInterview = z.object({
  id: z.string(),
  /** Where the damaged file's untouched copy was kept, relative to the data folder. */
  keptCopy: z.string(),
  reason: z.string(),
});
export type UnreadableInterview = z.infer<typeof UnreadableInterview>;

/** Each model the user added, as found now: its header, or why it cannot be used any more. */
export const SpeechModelList = z.object({
  models: z.array(z.object({ path: z.string(), fileName: z.string(), info: SpeechModelInfo.nullable(), problem: z.string().nullable() })),
  selectedModel: z.string().nullable(),
  glossaryPrompt: z.boolean(),
  temperatureFallback: z.boolean(),
});
export type SpeechModelList = z.infer<typeof SpeechModelList>;

export const LibraryListing = z.object({
  interviews: z.array(InterviewSummary),
  unreadable: z.array(UnreadableInterview),
});
export type LibraryListing = z.infer<typeof LibraryListing>;

export const AppInfo = z.object({
  dataDir: z.string(),
  version: z.string(),
  /** Recordings are fetched from here + `<interviewId>/<fileName>` (media:// in Electron). */
  mediaBaseUrl: z.string(),
  /** Set when library.json could not be read: settings then live in memory only. */
  libraryProblem: z.string().nullable(),
  /** The library folder cannot be written: lists and exports work, saving does not. */
  readOnly: z.boolean(),
  /** What the app did about an interrupted "encrypt this library" when it opened: rolled back or finished. */
  keyringNotice: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const exportFormats = ['docx-article', 'docx-bilingual', 'docx-transcript', 'docx-review', 'srt', 'vtt', 'txt', 'md', 'eaf', 'ohms'] as const;
export const ExportFormat = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportRequest = z
  .object({
    format: ExportFormat,
    /** For transcripts and subtitles: the recording's language or the translation. */
    language: z.enum(['source', 'target']).default('source'),
    /** Article: open translator queries become Word comments. Bilingual table: a column of them. */
    includeOpenQueries: z.boolean().default(false),
    /** Article: translator notes become footnotes (reader-facing, so only when asked). Bilingual table: a column of them. */
    includeNotes: z.boolean().default(false),
    /** Bilingual table only: a column with each segment's status (untranslated, draft, reviewed). */
    includeStatus: z.boolean().default(false),
    /** Article only: "DRAFT" in every page's footer. */
    draftMark: z.boolean().default(false),
    /** Writes an article with no body (the command line's --allow-incomplete); otherwise refused so the window can ask. */
    allowIncomplete: z.boolean().default(false),
    /** Writes even though names nobody listed remain (the command line's --allow-unlisted). */
    allowUnlisted: z.boolean().default(false),
  })
  .strict();
export type ExportRequest = z.output<typeof ExportRequest>;

export const UnlistedName = z.object({ name: z.string(), script: z.enum(['latin', 'hangul']), count: z.number().int() });

/** What an opened package holds and from whom, before it is added or merged. */
const PackageSummary = z.union([
  z.object({
    opened: z.literal(true),
    token: z.string(),
    title: z.string(),
    sender: z.string(),
    createdAt: z.string(),
    segmentCount: z.number(),
    hasRecording: z.boolean(),
    withheld: z.array(z.string()),
    /** The same interview is already here: accepting merges. */
    existing: z.boolean(),
  }),
  z.object({ opened: z.literal(false) }),
]);

/** Largest dropped package, as base64 (about 300 MB of package). */
export const MAX_PACKAGE_BASE64_CHARS = 400_000_000;

export const MemoryMatch = z.object({
  score: z.number().min(0).max(1),
  source: z.string(),
  translation: z.string(),
  interviewId: z.string(),
  interviewTitle: z.string(),
  segmentId: z.string(),
});
export type MemoryMatch = z.infer<typeof MemoryMatch>;

const ImportNotice = z.object({ line: z.number(), reason: z.string() });

/** Largest glossary and transcript files accepted, in characters (the UI checks the file first). */
export const MAX_GLOSSARY_FILE_CHARS = 5_000_000;
export const MAX_TRANSCRIPT_FILE_CHARS = 20_000_000;

export const contract = {
  'app.info': { args: NoArgs, result: AppInfo },
  'library.list': { args: NoArgs, result: LibraryListing },
  /** Interviews whose transcript or translation holds every word of the query (never the sensitive fields). */
  'library.search': { args: z.object({ query: z.string().max(500) }).strict(), result: z.object({ ids: z.array(z.string()) }) },
  /** new: choose encrypted or plain first; locked: needs the passphrase; open: ready. */
  'library.status': { args: NoArgs, result: z.object({ state: z.enum(['new', 'locked', 'open']), encrypted: z.boolean() }) },
  /** First start: an encrypted library (the recovery key comes back, to be shown once) or a plain one. */
  'library.setup': {
    args: z
      .object({ mode: z.enum(['encrypted', 'plain']), passphrase: Passphrase.optional() })
      .strict()
      .refine((args) => args.mode === 'plain' || (args.passphrase ?? '').length >= 8, { message: 'a passphrase of at least 8 characters' }),
    result: z.object({ recoveryKey: z.string().nullable() }),
  },
  'library.unlock': { args: z.object({ passphrase: Passphrase }).strict(), result: z.object({}) },
  'library.lock': { args: NoArgs, result: z.object({}) },
  /** Encrypts a plain library in place; the recovery key comes back once, with the replaced files. */
  'library.encrypt': {
    args: z.object({ passphrase: Passphrase.min(8) }).strict(),
    result: z.object({ recoveryKey: z.string(), replaced: z.array(z.string()) }),
  },
  'library.changePassphrase': { args: z.object({ current: Passphrase, next: Passphrase.min(8) }).strict(), result: z.object({}) },
  'interview.create': { args: z.object({ title: z.string().trim().min(1).max(200) }).strict(), result: Interview },
  'interview.get': { args: ById, result: Interview },
  'interview.save': { args: z.object({ interview: Interview }).strict(), result: z.object({ updatedAt: z.string() }) },
  /** An autosave of what changed since the window's last save; refused ('stale') when the saved copy moved on. */
  'interview.saveChanges': { args: z.object({ changes: InterviewChanges }).strict(), result: z.object({ updatedAt: z.string() }) },
  'interview.delete': { args: ById, result: z.object({}) },
  'sample.open': { args: NoArgs, result: Interview },
  'settings.get': { args: NoArgs, result: Settings },
  'settings.update': {
    args: z
      .object({
        interfaceLanguage: InterfaceLanguage,
        series: SeriesSettings,
        documentAuthor: Settings.shape.documentAuthor,
        keymap: Settings.shape.keymap,
        playback: Settings.shape.playback,
        idleLockMinutes: Settings.shape.idleLockMinutes,
        subtitles: Settings.shape.subtitles,
        typography: Settings.shape.typography,
        rowTimes: Settings.shape.rowTimes,
      })
      .partial()
      .strict(),
    result: Settings,
  },
  /** Asks where to save (a save dialog), then writes the export there. */
  'export.save': {
    args: z.object({ id: EntityId, request: ExportRequest }).strict(),
    result: z.union([z.object({ saved: z.literal(true), fileName: z.string() }), z.object({ saved: z.literal(false) })]),
  },
  /**
   * Publishes the recording (a save dialog asks where; .ogg or .mp3): every confirmed spoken name
   * and withdrawn passage covered, the voice disguised if asked. Refused until every spoken name
   * is decided and while the narrator's consent does not cover the audio.
   */
  'recording.publish': {
    args: z.object({ id: EntityId, choices: z.object({ cover: z.enum(['silence', 'tone']), pitchSemitones: z.number().min(-12).max(12) }).strict() }).strict(),
    result: z.union([z.object({ saved: z.literal(true), fileName: z.string(), covered: z.number().int(), exportedAt: z.string() }), z.object({ saved: z.literal(false) })]),
  },
  /** Up to 30 s of the recording as it would be published (Ogg Opus, base64), to listen to in the app; never written. */
  'recording.preview': {
    args: z.object({ id: EntityId, choices: z.object({ cover: z.enum(['silence', 'tone']), pitchSemitones: z.number().min(-12).max(12) }).strict(), from: z.number().min(0), seconds: z.number().min(1).max(30) }).strict(),
    result: z.object({ data: z.string() }),
  },
  /** Renders an export without writing it: the names in it nobody listed, for the editor to review. */
  'export.review': {
    args: z.object({ id: EntityId, request: ExportRequest }).strict(),
    result: z.object({
      unlisted: z.array(UnlistedName),
      /** Subtitles only: cues read too fast (characters per second), too short or too long. */
      warnings: z.array(z.object({ start: z.number(), kind: z.enum(['fast', 'short', 'long']), problem: z.string() })),
      /** What the narrator's consent asks the editor to know (no record yet, a region, a draft made under a condition). */
      consent: z.array(z.string()),
    }),
  },
  /** Writes a hand-off package (a save dialog asks where), encrypted to a passphrase or a public key. */
  'package.send': {
    args: z
      .object({
        id: EntityId,
        lock: z.union([z.object({ passphrase: Passphrase.min(8) }).strict(), z.object({ recipient: z.string().regex(/^age1[0-9a-z]{58}$/) }).strict()]),
        choices: z
          .object({ sender: z.string().trim().max(200), includeRecording: z.boolean(), includeRealName: z.boolean() })
          .strict(),
      })
      .strict(),
    result: z.union([z.object({ saved: z.literal(true), fileName: z.string() }), z.object({ saved: z.literal(false) })]),
  },
  /** Asks for a package (an open dialog), decrypts and checks it, and says what it holds. */
  'package.open': {
    args: z.object({ passphrase: Passphrase.optional() }).strict(),
    result: PackageSummary,
  },
  /** A package dropped on the window: its bytes (base64), then the same checks and summary. */
  'package.openDropped': {
    args: z.object({ data: z.string().max(MAX_PACKAGE_BASE64_CHARS), passphrase: Passphrase.optional() }).strict(),
    result: PackageSummary,
  },
  'package.accept': {
    args: z.object({ token: z.string().max(100) }).strict(),
    result: z.object({
      interviewId: z.string(),
      outcome: z.enum(['added', 'merged']),
      conflicts: z.number(),
      segmentsAdded: z.number(),
      fieldsTaken: z.number(),
      glossaryAdded: z.number(),
    }),
  },
  /** Puts back the interview as it was before its last merge. */
  'interview.undoMerge': { args: ById, result: Interview },
  /** This library's public key (age1…), for others to send packages to; null in a plain library. */
  'library.recipient': { args: NoArgs, result: z.object({ recipient: z.string().nullable() }) },
  'glossary.get': { args: NoArgs, result: z.object({ terms: z.array(GlossaryTerm) }) },
  'glossary.save': { args: z.object({ terms: z.array(GlossaryTerm).max(20_000) }).strict(), result: z.object({ terms: z.array(GlossaryTerm) }) },
  /** Merges a CSV or TSV file's terms into the library glossary, reporting skipped lines. */
  'glossary.import': {
    args: z.object({ text: z.string().max(MAX_GLOSSARY_FILE_CHARS) }).strict(),
    result: z.object({
      terms: z.array(GlossaryTerm),
      added: z.number(),
      updated: z.number(),
      skipped: z.array(z.object({ line: z.number(), reason: z.string() })),
    }),
  },
  'glossary.export': {
    args: z.object({ format: z.enum(['csv', 'tsv']) }).strict(),
    result: z.union([z.object({ saved: z.literal(true), fileName: z.string() }), z.object({ saved: z.literal(false) })]),
  },
  /** Exact and fuzzy matches for a source from every reviewed segment in the library. */
  'memory.lookup': {
    args: z.object({ interviewId: EntityId, segmentId: EntityId, source: z.string().max(100_000) }).strict(),
    result: z.object({ matches: z.array(MemoryMatch) }),
  },
  /** Asks for a recording (an open dialog), imports it with progress events, returns the interview. */
  'media.import': {
    /** confirmed: "Import anyway" for the recording just asked about (cut off), without a new dialog. */
    args: z.object({ id: EntityId, confirmed: z.boolean().default(false) }).strict(),
    result: z.union([z.object({ imported: z.literal(true), interview: Interview }), z.object({ imported: z.literal(false) })]),
  },
  /** Waveform peaks of the interview's recording: min/max pairs as base64 16-bit integers. */
  'media.peaks': { args: ById, result: z.object({ peaksPerSecond: z.number(), durationSeconds: z.number(), data: z.string() }) },
  /** Adds an SRT, WebVTT, text or oTranscribe file's segments to the interview. */
  'transcript.import': {
    args: z
      .object({
        id: EntityId,
        fileName: z.string().max(500),
        text: z.string().max(MAX_TRANSCRIPT_FILE_CHARS),
        /** The user answered "Import anyway" to a file that looked wrong for this interview. */
        confirmed: z.boolean().default(false),
      })
      .strict(),
    result: z.object({
      interview: Interview,
      format: z.enum(['srt', 'vtt', 'txt', 'otr']),
      imported: z.number(),
      /** The first few of each, and how many there were: a garbled file must not fill the screen. */
      skipped: z.array(ImportNotice),
      adjusted: z.array(ImportNotice),
      skippedTotal: z.number().int(),
      adjustedTotal: z.number().int(),
    }),
  },
  /** Proposes segments from voice activity in the recording (progress as vad.progress events). */
  'vad.propose': { args: ById, result: z.object({ spans: z.array(z.object({ start: z.number(), end: z.number() })) }) },
  'vad.cancel': { args: ById, result: z.object({}) },
  /**
   * The recording's stretches of speech (voice detection, found once and kept): what transcription
   * must cover. `find: false` answers only from what was found before (null when nothing was).
   */
  'media.speech': { args: ById.extend({ find: z.boolean() }), result: z.object({ spans: z.array(z.object({ start: z.number(), end: z.number() })).nullable(), fileName: z.string().optional() }) },
  /** The speech models the user added, each checked again (a file may have moved or changed). */
  'speech.models': { args: NoArgs, result: SpeechModelList },
  /** Asks for a model file or a folder of them (an open dialog); checks each before adding it. */
  'speech.addModels': {
    args: z.object({ kind: z.enum(['file', 'folder']) }).strict(),
    result: SpeechModelList.extend({ added: z.array(z.string()), refused: z.array(z.object({ fileName: z.string(), reason: z.string() })), cancelled: z.boolean() }),
  },
  'speech.removeModel': { args: z.object({ path: z.string().max(4096) }).strict(), result: SpeechModelList },
  'speech.configure': {
    args: SpeechSettings.pick({ selectedModel: true, glossaryPrompt: true, temperatureFallback: true }).partial().strict(),
    result: SpeechModelList,
  },
  /** Drafts the recording with a local Whisper model (progress and proposals as speech.progress events). */
  'speech.draft': {
    args: z.object({ id: EntityId, scope: DraftScope, modelPath: z.string().max(4096).optional() }).strict(),
    result: z.object({ proposals: z.array(DraftProposal), windows: z.number(), audioSeconds: z.number(), elapsedMs: z.number() }),
  },
  'speech.cancel': { args: ById, result: z.object({}) },
  /**
   * Who spoke when: a speaker proposed for each segment, from the voices in the recording (in the
   * speech worker; progress as speech.speakersProgress events). Nothing is changed: the window applies them.
   */
  'speech.findSpeakers': {
    args: z.object({ id: EntityId, speakers: z.number().int().min(1).max(20).nullable() }).strict(),
    result: z.object({
      proposals: z.array(z.object({ segmentId: EntityId, speakerId: EntityId, confidence: z.number().min(0).max(1) })),
      newSpeakers: z.array(Speaker),
      voices: z.number().int(),
      method: z.enum(['labels', 'clusters']),
    }),
  },
  'speech.cancelSpeakers': { args: ById, result: z.object({}) },
  /** A dropped recording, sent in pieces (the renderer has bytes, never paths). */
  'media.uploadBegin': {
    args: z.object({ id: EntityId, fileName: z.string().min(1).max(500), size: z.number().int().min(0) }).strict(),
    result: z.object({ uploadId: EntityId }),
  },
  'media.uploadChunk': {
    args: z.object({ uploadId: EntityId, offset: z.number().int().min(0), data: z.string().max(12_000_000) }).strict(),
    result: z.object({ received: z.number() }),
  },
  'media.uploadFinish': { args: z.object({ uploadId: EntityId, confirmed: z.boolean().default(false) }).strict(), result: z.object({ interview: Interview }) },
  'media.uploadCancel': { args: z.object({ uploadId: EntityId }).strict(), result: z.object({}) },
} satisfies Record<ChannelName, { args: z.ZodType; result: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelArgs<C extends ChannelName> = z.input<Contract[C]['args']>;
/** Arguments as handlers receive them: validated, with defaults filled in. */
export type ChannelParsedArgs<C extends ChannelName> = z.output<Contract[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.output<Contract[C]['result']>;

export const eventPayloads = {
  'library.changed': z.object({}),
  'media.progress': z.object({ interviewId: z.string(), phase: z.enum(['copying', 'analysing']), fraction: z.number() }),
  'vad.progress': z.object({ interviewId: z.string(), fraction: z.number() }),
  'speech.progress': z.object({
    interviewId: z.string(),
    phase: z.enum(['loading', 'transcribing']),
    fraction: z.number(),
    doneSeconds: z.number(),
    totalSeconds: z.number(),
    elapsedMs: z.number(),
    remainingMs: z.number().nullable(),
    proposals: z.array(DraftProposal),
  }),
  'speech.speakersProgress': z.object({ interviewId: z.string(), fraction: z.number() }),
} satisfies Record<EventName, z.ZodType>;
export type EventPayload<E extends EventName> = z.output<(typeof eventPayloads)[E]>;

/** Failures cross the process boundary as data with a code and a readable message, never a stack. */
export const failureCodes = ['leak', 'unlisted', 'incomplete', 'consent', 'confirm', 'locked', 'read-only', 'refused', 'invalid-input', 'not-found', 'unreadable', 'stale', 'storage', 'unknown-channel', 'internal'] as const;
export type FailureCode = (typeof failureCodes)[number];
export type Failure = { code: FailureCode; message: string };
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Failure };

/** What the renderer sees as `window.desk`, in Electron (preload) and in the test bridge. */
export type DeskApi = {
  [C in ChannelName]: (args: ChannelArgs<C>) => Promise<Outcome<ChannelResult<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
