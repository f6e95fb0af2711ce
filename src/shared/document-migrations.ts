// Upgrades of stored documents, one function per version step, pure so that they are tested
// on old fixtures. migrations[n] turns a version-n document into version n + 1.
import { defaultSettings } from './settings';

type Document = Record<string, unknown>;

export const interviewMigrations: Readonly<Record<number, (old: Document) => Document>> = {
  /**
   * v2: redaction list, article draft, per-interview glossary, per-segment translator queries,
   * and the source each translation was made from (taken as the current one).
   */
  1: (old) => ({
    ...old,
    redactions: [],
    article: { headline: '', dek: '', publicationDate: '', imageCredit: '', topic: '', bio: '', closing: '', blocks: [] },
    glossary: [],
    segments: Array.isArray(old.segments)
      ? old.segments.map((segment: Document) => ({ ...segment, queries: [], sourceAtTranslation: segment.source }))
      : old.segments,
  }),
};

export const libraryMigrations: Readonly<Record<number, (old: Document) => Document>> = {
  /** v2: series settings, the neutral author name for exported files, keymap, and the glossary. */
  1: (old) => ({
    ...old,
    settings: { ...defaultSettings, ...((old.settings as Document | undefined) ?? {}) },
    glossary: [],
  }),
};
