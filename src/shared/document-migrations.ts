// Upgrades of stored documents, one function per version step, pure so that they are tested
// on old fixtures. migrations[n] turns a version-n document into version n + 1.
import { defaultSettings } from './settings';

type Document = Record<string, unknown>;

export const interviewMigrations: Readonly<Record<number, (old: Document) => Document>> = {
  /** v2: redaction list, article draft, and per-segment translator queries. */
  1: (old) => ({
    ...old,
    redactions: [],
    article: { headline: '', dek: '', publicationDate: '', imageCredit: '', topic: '', bio: '', closing: '', blocks: [] },
    segments: Array.isArray(old.segments) ? old.segments.map((segment: Document) => ({ ...segment, queries: [] })) : old.segments,
  }),
};

export const libraryMigrations: Readonly<Record<number, (old: Document) => Document>> = {
  /** v2: series settings for articles and the neutral author name for exported files. */
  1: (old) => ({
    ...old,
    settings: { ...defaultSettings, ...((old.settings as Document | undefined) ?? {}) },
  }),
};
