// The interview as it is stored and exchanged. Imports nothing but zod, so both sides share it.
import { z } from 'zod';
import { transcriptCoverage } from './coverage';

export const INTERVIEW_SCHEMA_VERSION = 4;

export const workflowStatuses = ['transcribing', 'translating', 'editing', 'ready'] as const;
export const WorkflowStatus = z.enum(workflowStatuses);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const anonymityChoices = ['pseudonym', 'anonymous', 'named'] as const;
export const Anonymity = z.enum(anonymityChoices);
export type Anonymity = z.infer<typeof Anonymity>;

export const segmentStatuses = ['untranslated', 'draft', 'reviewed'] as const;
export const SegmentStatus = z.enum(segmentStatuses);

/** Ids are generated on the main side; the pattern keeps them safe to use as folder names. */
export const EntityId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'not a valid id');

const shortText = z.string().max(500);

export const Speaker = z.object({
  id: EntityId,
  name: z.string().min(1).max(100),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type Speaker = z.infer<typeof Speaker>;

/** A translator's question to the interviewer or editor about one segment. */
export const SegmentQuery = z.object({
  id: EntityId,
  text: z.string().min(1).max(5000),
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
});
export type SegmentQuery = z.infer<typeof SegmentQuery>;

/** The narrator's answer to one passage of the review copy ('' until they answered). */
export const narratorAnswers = ['publish', 'change', 'withdraw'] as const;
export const NarratorAnswer = z.enum(['', ...narratorAnswers]);
export type NarratorAnswer = z.infer<typeof NarratorAnswer>;

export const Segment = z
  .object({
    id: EntityId,
    start: z.number().min(0),
    end: z.number().min(0),
    speakerId: EntityId.nullable(),
    source: z.string().max(100_000),
    translation: z.string().max(100_000),
    /** The source as it was when the translation was last written or confirmed: "stale" if it differs. */
    sourceAtTranslation: z.string().max(100_000),
    status: SegmentStatus,
    /** Translator's notes: exported as footnotes where the segment reaches the article. */
    notes: z.string().max(100_000),
    queries: z.array(SegmentQuery),
    /** An index point of the OHMS export here: found by the app ('auto': a real question), or the editor's choice. */
    indexPoint: z.enum(['auto', 'yes', 'no']).default('auto'),
    /** The source as a speech model wrote it ('' when a person did): untouched machine text is not yet transcribed. */
    machineText: z.string().max(100_000).default(''),
    /** What the narrator answered for this passage in their review: a withdrawn one leaves no export as it is. */
    narratorAnswer: NarratorAnswer.default(''),
  })
  .refine((segment) => segment.end >= segment.start, { message: 'a segment cannot end before it starts' });
export type Segment = z.infer<typeof Segment>;

export const Recording = z.object({
  /** Named by the app (recording.ogg, recording-2.mp3): as strict as an id, never a path. */
  fileName: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, 'a bare file name').refine((name) => !name.includes('..'), 'a bare file name'),
  mimeType: z.string().max(100),
  durationSeconds: z.number().min(0).nullable(),
});
export type Recording = z.infer<typeof Recording>;

export const redactionKinds = ['person', 'place', 'other'] as const;
export const RedactionKind = z.enum(redactionKinds);
export type RedactionKind = z.infer<typeof RedactionKind>;

const spelling = z.string().trim().min(1).max(200);

/**
 * One sensitive person or place (or other detail), in every way it is written: its Korean forms,
 * the English spellings derived from them (less those the editor removed) and any typed by hand,
 * and what replaces it in Korean text and in English text.
 */
export const Redaction = z
  .object({
    id: EntityId,
    kind: RedactionKind,
    /** How it is written in Korean; English spellings are proposed from these. */
    korean: z.array(spelling).max(20),
    /** Spellings the editor typed: nicknames, unusual romanisations, other languages. */
    english: z.array(spelling).max(50),
    /** Proposed spellings the editor removed (a common word, another person). */
    rejected: z.array(spelling).max(500),
    replacementKo: z.string().max(200),
    replacementEn: z.string().max(200),
    reason: z.string().max(500),
  })
  .refine((redaction) => redaction.korean.length + redaction.english.length > 0, { message: 'a redaction needs at least one spelling' });
export type Redaction = z.infer<typeof Redaction>;

export const ArticleBlock = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('paragraph'),
    id: EntityId,
    /** What the paragraph is in the piece; each role is one named style in Word. */
    role: z.enum(['paragraph', 'subhead', 'pullQuote', 'editorsNote']).default('paragraph'),
    text: z.string().max(100_000),
    /** The segments this paragraph was composed from, and their translation at that moment. */
    segmentIds: z.array(EntityId),
    basedOn: z.string().max(200_000),
  }),
  z.object({ kind: z.literal('break'), id: EntityId }),
]);
export type ArticleBlock = z.infer<typeof ArticleBlock>;
export type ArticleParagraph = Extract<ArticleBlock, { kind: 'paragraph' }>;

export const Article = z.object({
  headline: z.string().max(500),
  dek: z.string().max(2000),
  publicationDate: z.string().max(10),
  imageCredit: z.string().max(500),
  topic: z.string().max(500),
  bio: z.string().max(2000),
  closing: z.string().max(20_000),
  blocks: z.array(ArticleBlock),
});
export type Article = z.infer<typeof Article>;

export const emptyArticle = (): Article => ({
  headline: '',
  dek: '',
  publicationDate: '',
  imageCredit: '',
  topic: '',
  bio: '',
  closing: '',
  blocks: [],
});

/** A North Korea term and the English the newsroom agreed on for it. */
export const GlossaryTerm = z.object({
  id: EntityId,
  korean: z.string().trim().min(1).max(200),
  english: z.string().trim().min(1).max(200),
  /** Renderings to avoid, flagged by the consistency check. */
  avoid: z.array(z.string().trim().min(1).max(200)).max(50),
  note: z.string().max(2000),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

/**
 * One field that both sides of a hand-off changed differently since the copy they shared. The
 * merged interview holds "mine"; the row offers mine, theirs or an edit.
 */
export const MergeConflict = z.object({
  id: EntityId,
  /** What the field belongs to: a segment (by id) or the interview itself. */
  scope: z.enum(['segment', 'interview']),
  targetId: z.string().max(64),
  field: z.string().max(64),
  /** "edited" both sides; "deleted" one side removed the segment the other edited. */
  kind: z.enum(['edited', 'deleted-here', 'deleted-there']),
  mine: z.string().max(200_000),
  theirs: z.string().max(200_000),
  base: z.string().max(200_000),
  theirAuthor: z.string().max(200),
});
export type MergeConflict = z.infer<typeof MergeConflict>;

export const Narrator = z.object({
  pseudonym: shortText,
  /** Sensitive: never shown in lists or search results, never exported. */
  realName: shortText,
  birthRegion: shortText,
  yearLeft: z.number().int().nullable(),
  residence: shortText,
});

/** What the narrator agreed may be published: transcript text, translation, article, audio, photos, their real name. */
export const consentScopes = ['text', 'translation', 'article', 'audio', 'photos', 'real-name'] as const;
export const ConsentScope = z.enum(consentScopes);
export type ConsentScope = z.infer<typeof ConsentScope>;
export const consentWays = ['written', 'recorded', 'verbal'] as const;
const isoDay = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'a date as YYYY-MM-DD');

/** One change to the consent record: who made it, when, and what it was (in words). */
export const ConsentChange = z.object({ at: z.string().max(40), by: z.string().max(200), what: z.string().max(1000) });
export type ConsentChange = z.infer<typeof ConsentChange>;

/**
 * The narrator's informed consent, which every publishable export obeys (shared/consent.ts).
 * `recording`, `publication` and `anonymity` are the first wave's fields: a ticked `publication`
 * without a scope still counts as consent to the text, translation and article.
 */
export const Consent = z.object({
  recording: z.boolean(),
  publication: z.boolean(),
  anonymity: Anonymity,
  given: z.object({ date: isoDay, how: z.enum(['', ...consentWays]), takenBy: shortText }).default({ date: '', how: '', takenBy: '' }),
  scope: z.array(ConsentScope).max(consentScopes.length).default([]),
  conditions: z
    .object({
      /** Nothing is published before the narrator has read it (their review is back: `review.returnedOn`). */
      afterReview: z.boolean(),
      embargoUntil: isoDay,
      /** A region where the account must not appear: a reminder on every export; the desk cannot know where a file goes. */
      notIn: shortText,
    })
    .default({ afterReview: false, embargoUntil: '', notIn: '' }),
  review: z.object({ sentOn: isoDay, returnedOn: isoDay }).default({ sentOn: '', returnedOn: '' }),
  /** The whole interview withdrawn (from a date, or at once when the date is empty). */
  withdrawal: z.object({ whole: z.boolean(), from: isoDay }).default({ whole: false, from: '' }),
  history: z.array(ConsentChange).max(1000).default([]),
  /** An export was made without any consent recorded and the editor was told: the warning is given once. */
  missingNoticed: z.boolean().default(false),
});
export type Consent = z.infer<typeof Consent>;

/**
 * A stretch of the recording where a listed name is spoken, decided by a person who listened:
 * `confirmed` stretches are silenced (or toned) in the published recording, `waived` says this
 * occurrence needs nothing (the name is not audible there). `key` ties it to the occurrence in the
 * transcript it answers (shared/spoken-names.ts), or is `marked:…` for one marked on the waveform.
 */
export const SpokenName = z.object({
  id: EntityId,
  key: z.string().max(400),
  start: z.number().min(0),
  end: z.number().min(0),
  state: z.enum(['confirmed', 'waived']),
  origin: z.enum(['text', 'marked', 'words']),
});
export type SpokenName = z.infer<typeof SpokenName>;

export const Interview = z.object({
  schemaVersion: z.literal(INTERVIEW_SCHEMA_VERSION),
  id: EntityId,
  createdAt: z.string(),
  updatedAt: z.string(),
  title: z.string().max(200),
  narrator: Narrator,
  session: z.object({ date: z.string().max(10), place: shortText }),
  interviewer: shortText,
  translator: shortText,
  languages: z.object({ source: z.string().min(2).max(12), target: z.string().min(2).max(12) }),
  consent: Consent,
  readerQuestion: z.object({ text: z.string().max(2000), askerFirstName: shortText, askerCity: shortText }),
  status: WorkflowStatus,
  /** The status was chosen by hand in Details: it no longer follows the work by itself. */
  statusSetByHand: z.boolean().default(false),
  speakers: z.array(Speaker).max(50),
  segments: z.array(Segment),
  recording: Recording.nullable(),
  redactions: z.array(Redaction).max(500),
  /**
   * The interview arrived in a package that left its redaction list behind (packages before
   * every one carried it): publishable exports wait until the receiver has the list.
   */
  redactionsWithheld: z.boolean().default(false),
  /** Names the editor confirmed may be published (the review of names nobody listed). */
  allowedNames: z.array(spelling).max(5000),
  /**
   * Which packages this copy already holds: for each library that sent one (this one included),
   * when the latest it made or received from it was made. A package older than that is not taken.
   */
  lineage: z.record(z.string().max(64), z.string().max(40)).default({}),
  /** Fields both sides of a hand-off changed differently: resolved one by one, exports wait. */
  mergeConflicts: z.array(MergeConflict).max(20_000),
  article: Article,
  /** Terms for this interview only, added to the library's glossary. */
  glossary: z.array(GlossaryTerm).max(5000),
  /** Where listed names are spoken in the recording, as people decided: the published recording silences them. */
  spokenNames: z.array(SpokenName).max(50_000).default([]),
  /** The recording as last published (its file name, where the OHMS record points), or null. */
  publishedRecording: z.object({ fileName: z.string().max(255), exportedAt: z.string().max(40) }).nullable().default(null),
});
export type Interview = z.infer<typeof Interview>;

/** What the library shows of an interview: deliberately without the narrator's real name. */
export const InterviewSummary = z.object({
  id: EntityId,
  title: z.string(),
  pseudonym: z.string(),
  status: WorkflowStatus,
  updatedAt: z.string(),
  segmentCount: z.number().int().min(0),
  translatedCount: z.number().int().min(0),
  reviewedCount: z.number().int().min(0),
  openQueryCount: z.number().int().min(0),
  hasRecording: z.boolean(),
  /** Share of the recording covered by segments with text, 0…1. */
  coverage: z.number().min(0).max(1),
});
export type InterviewSummary = z.infer<typeof InterviewSummary>;

export function summarizeInterview(interview: Interview): InterviewSummary {
  return {
    id: interview.id,
    title: interview.title,
    pseudonym: interview.narrator.pseudonym,
    status: interview.status,
    updatedAt: interview.updatedAt,
    segmentCount: interview.segments.length,
    translatedCount: interview.segments.filter((segment) => segment.translation.trim() !== '').length,
    reviewedCount: interview.segments.filter((segment) => segment.status === 'reviewed').length,
    openQueryCount: interview.segments.reduce((count, segment) => count + segment.queries.filter((query) => query.status === 'open').length, 0),
    hasRecording: interview.recording !== null,
    coverage: transcriptCoverage(interview.segments, interview.recording?.durationSeconds ?? null),
  };
}

/** A segment with sensible defaults: its translation counts as made from its current source. */
export function newSegment(fields: Pick<Segment, 'id' | 'start' | 'end'> & Partial<Segment>): Segment {
  const source = fields.source ?? '';
  const translation = fields.translation ?? '';
  return {
    speakerId: null,
    source,
    translation,
    sourceAtTranslation: source,
    status: translation.trim() === '' ? 'untranslated' : 'draft',
    notes: '',
    queries: [],
    indexPoint: 'auto',
    machineText: '',
    narratorAnswer: '',
    ...fields,
  };
}

export function newInterview(id: string, title: string, now: string): Interview {
  return {
    schemaVersion: INTERVIEW_SCHEMA_VERSION,
    id,
    createdAt: now,
    updatedAt: now,
    title,
    narrator: { pseudonym: '', realName: '', birthRegion: '', yearLeft: null, residence: '' },
    session: { date: '', place: '' },
    interviewer: '',
    translator: '',
    languages: { source: 'ko', target: 'en' },
    consent: emptyConsent(),
    readerQuestion: { text: '', askerFirstName: '', askerCity: '' },
    status: 'transcribing',
    statusSetByHand: false,
    speakers: [],
    segments: [],
    recording: null,
    redactions: [],
    redactionsWithheld: false,
    lineage: {},
    allowedNames: [],
    mergeConflicts: [],
    article: emptyArticle(),
    glossary: [],
    spokenNames: [],
    publishedRecording: null,
  };
}

export function emptyConsent(): Consent {
  return {
    recording: false,
    publication: false,
    anonymity: 'pseudonym',
    given: { date: '', how: '', takenBy: '' },
    scope: [],
    conditions: { afterReview: false, embargoUntil: '', notIn: '' },
    review: { sentOn: '', returnedOn: '' },
    withdrawal: { whole: false, from: '' },
    history: [],
    missingNoticed: false,
  };
}
