// Upgrades of stored documents, one function per version step, pure so that they are tested
// on old fixtures. migrations[n] turns a version-n document into version n + 1.
import { guessRedactionKind, isKorean } from './redaction/kinds';
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
  /**
   * v3: a redaction becomes one entity with Korean and English forms and a replacement for each
   * language (one replacement used to serve both); the allow list of reviewed names.
   */
  2: (old) => ({
    ...old,
    allowedNames: [],
    redactions: Array.isArray(old.redactions) ? old.redactions.map(redactionEntityFromTerm) : [],
  }),
  /** v4: conflicts from merging a hand-off package. */
  3: (old) => ({ ...old, mergeConflicts: [] }),
};

type OldRedaction = { id: string; term: string; replacement: string; variants: string[]; reason: string };

function redactionEntityFromTerm(old: OldRedaction): Document {
  const forms = [old.term, ...(old.variants ?? [])].map((form) => form.trim()).filter(Boolean);
  const korean = forms.filter(isKorean);
  const koreanReplacement = isKorean(old.replacement);
  return {
    id: old.id,
    kind: guessRedactionKind(korean[0] ?? ''),
    korean,
    english: forms.filter((form) => !isKorean(form)),
    rejected: [],
    replacementKo: koreanReplacement ? old.replacement : '[비공개]',
    replacementEn: koreanReplacement ? '[redacted]' : old.replacement,
    reason: old.reason ?? '',
  };
}

export const libraryMigrations: Readonly<Record<number, (old: Document) => Document>> = {
  /** v2: series settings, the neutral author name for exported files, keymap, and the glossary. */
  1: (old) => ({
    ...old,
    settings: { ...defaultSettings, ...((old.settings as Document | undefined) ?? {}) },
    glossary: [],
  }),
};
