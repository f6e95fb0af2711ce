// What an autosave sends: only what changed since the last save, not the whole interview. At
// 10,000 segments the whole interview is 4 MB to copy across processes, validate and write on
// every pause in typing; one edited segment is a few hundred bytes. The window works on
// immutable copies, so "changed" is "not the same object any more": found without comparing text.
import { z } from 'zod';
import { EntityId, Interview, Segment } from './interview';

/** Top-level fields an autosave may change: everything but identity, timestamps and segments. */
const ChangedFields = Interview.omit({ schemaVersion: true, id: true, createdAt: true, updatedAt: true, segments: true }).partial().strict();
type ChangedFields = z.infer<typeof ChangedFields>;
const changeableFields = Object.keys(ChangedFields.shape) as (keyof ChangedFields)[];

export const InterviewChanges = z
  .object({
    id: EntityId,
    /** The saved copy these changes were made against (its updatedAt): a newer one refuses them. */
    basedOn: z.string().max(40),
    fields: ChangedFields,
    /** Segments added or edited, whole. */
    segments: z.array(Segment),
    /** Every segment's id in order, when a segment was added, removed or moved; else null. */
    order: z.array(EntityId).nullable(),
  })
  .strict();
export type InterviewChanges = z.infer<typeof InterviewChanges>;

/** What changed from `saved` to `next` (the same interview), against the saved copy `basedOn`. */
export function changesBetween(saved: Interview, next: Interview, basedOn: string): InterviewChanges {
  const fields: Record<string, unknown> = {};
  for (const field of changeableFields) {
    if (next[field] !== saved[field]) fields[field] = next[field];
  }
  const reordered = next.segments.length !== saved.segments.length || next.segments.some((segment, index) => segment.id !== saved.segments[index]!.id);
  let segments: Segment[];
  if (next.segments === saved.segments) segments = [];
  else if (!reordered) segments = next.segments.filter((segment, index) => segment !== saved.segments[index]);
  else {
    const before = new Map(saved.segments.map((segment) => [segment.id, segment]));
    segments = next.segments.filter((segment) => before.get(segment.id) !== segment);
  }
  return { id: next.id, basedOn, fields: fields as ChangedFields, segments, order: reordered ? next.segments.map((segment) => segment.id) : null };
}

/** Why a set of changes cannot apply to an interview (a save from an older copy, a missing segment). */
export class ChangesMismatch extends Error {
  constructor(reason: string) {
    super(`These changes do not fit the saved interview: ${reason}.`);
    this.name = 'ChangesMismatch';
  }
}

/**
 * The interview with `changes` applied. Applying the same changes twice gives the same result
 * (every value is given whole), which is what lets a journal be replayed over a file that may
 * already hold it.
 */
export function applyChanges(interview: Interview, changes: Omit<InterviewChanges, 'basedOn'>): Interview {
  if (changes.id !== interview.id) throw new ChangesMismatch('they belong to another interview');
  const given = new Map(changes.segments.map((segment) => [segment.id, segment]));
  if (given.size !== changes.segments.length) throw new ChangesMismatch('a segment is given twice');
  let segments = interview.segments;
  if (changes.order) {
    const existing = new Map(interview.segments.map((segment) => [segment.id, segment]));
    const ordered = new Set(changes.order);
    if (ordered.size !== changes.order.length) throw new ChangesMismatch('a segment appears twice in the order');
    if (changes.segments.some((segment) => !ordered.has(segment.id))) throw new ChangesMismatch('a given segment is missing from the order');
    segments = changes.order.map((id) => {
      const segment = given.get(id) ?? existing.get(id);
      if (!segment) throw new ChangesMismatch('a segment in the order is neither saved nor given');
      return segment;
    });
  } else if (given.size > 0) {
    let found = 0;
    segments = interview.segments.map((segment) => {
      const replacement = given.get(segment.id);
      if (!replacement) return segment;
      found += 1;
      return replacement;
    });
    if (found !== given.size) throw new ChangesMismatch('a changed segment is not in the saved interview');
  }
  return { ...interview, ...changes.fields, segments };
}

