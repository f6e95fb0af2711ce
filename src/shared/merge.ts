// A three-way merge of two copies of one interview, by value: base is the copy both sides last
// shared, ours the local one, theirs the one that arrived. Segments, speakers, glossary terms and
// redactions are matched by id; each field takes the side that changed it. A field both sides
// changed differently becomes a conflict (the merged interview keeps ours until resolved); a
// segment deleted on one side and edited on the other is a conflict too, never a silent loss.
// A translation whose source changed on the other side becomes stale, as it does locally,
// because `sourceAtTranslation` travels with the translation.
import type { Interview, MergeConflict, Segment } from './interview';
import { mergedHistory } from './consent';

export type MergeResult = {
  merged: Interview;
  conflicts: MergeConflict[];
  /** What came in without asking, for the summary shown after a merge. */
  taken: { segmentsAdded: number; segmentsRemoved: number; fieldsTaken: number };
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

type Pick3<T> = { base: T | undefined; ours: T | undefined; theirs: T | undefined };

/** The value a field takes, or a conflict when both sides moved it apart. */
function mergeValue<T>({ base, ours, theirs }: Pick3<T>): { value: T | undefined; conflict: boolean; tookTheirs: boolean } {
  if (same(ours, theirs)) return { value: ours, conflict: false, tookTheirs: false };
  if (same(ours, base)) return { value: theirs, conflict: false, tookTheirs: true };
  if (same(theirs, base)) return { value: ours, conflict: false, tookTheirs: false };
  return { value: ours, conflict: true, tookTheirs: false };
}

/** Segment fields merged one by one; the translation and the source it was made from travel together. */
const segmentFields = ['start', 'end', 'speakerId', 'source', 'notes', 'indexPoint', 'narratorAnswer'] as const;

export function mergeInterviews(base: Interview, ours: Interview, theirs: Interview, options: { theirAuthor: string; newId: () => string }): MergeResult {
  const conflicts: MergeConflict[] = [];
  const taken = { segmentsAdded: 0, segmentsRemoved: 0, fieldsTaken: 0 };
  const conflict = (fields: Omit<MergeConflict, 'id' | 'theirAuthor'>) => conflicts.push({ id: options.newId(), theirAuthor: options.theirAuthor, ...fields });

  // Segments by id, in the order of the merged timeline.
  const byId = (segments: Segment[]) => new Map(segments.map((segment) => [segment.id, segment]));
  const [baseSegments, ourSegments, theirSegments] = [byId(base.segments), byId(ours.segments), byId(theirs.segments)];
  const ids = new Set([...ourSegments.keys(), ...theirSegments.keys()]);
  const segments: Segment[] = [];
  for (const id of ids) {
    const b = baseSegments.get(id);
    const o = ourSegments.get(id);
    const t = theirSegments.get(id);
    if (o && !t) {
      if (!b) segments.push(o); // added here
      else if (same(o, b)) taken.segmentsRemoved += 1; // deleted there, untouched here
      else {
        segments.push(o);
        conflict({ scope: 'segment', targetId: id, field: 'segment', kind: 'deleted-there', mine: o.source, theirs: '', base: b.source });
      }
      continue;
    }
    if (t && !o) {
      if (!b) {
        segments.push(t); // added there
        taken.segmentsAdded += 1;
      } else if (!same(t, b)) {
        segments.push(t);
        conflict({ scope: 'segment', targetId: id, field: 'segment', kind: 'deleted-here', mine: '', theirs: t.source, base: b.source });
      }
      continue;
    }
    segments.push(mergeSegment(b, o!, t!, conflict, taken));
  }
  segments.sort((a, b) => a.start - b.start || a.end - b.end);

  const merged: Interview = {
    ...ours,
    title: field('title'),
    narrator: mergeRecord(base.narrator, ours.narrator, theirs.narrator, 'narrator'),
    session: mergeRecord(base.session, ours.session, theirs.session, 'session'),
    interviewer: field('interviewer'),
    translator: field('translator'),
    languages: field('languages'),
    // The consent record field by field; its history is both sides' changes, each once.
    consent: { ...mergeRecord({ ...base.consent, history: [] }, { ...ours.consent, history: [] }, { ...theirs.consent, history: [] }, 'consent'), history: mergedHistory(ours.consent.history, theirs.consent.history) },
    readerQuestion: mergeRecord(base.readerQuestion, ours.readerQuestion, theirs.readerQuestion, 'readerQuestion'),
    status: field('status'),
    article: field('article'),
    speakers: mergeEntities(base.speakers, ours.speakers, theirs.speakers, 'speaker'),
    redactions: mergeEntities(base.redactions, ours.redactions, theirs.redactions, 'redaction'),
    glossary: mergeEntities(base.glossary, ours.glossary, theirs.glossary, 'glossary'),
    spokenNames: mergeEntities(base.spokenNames, ours.spokenNames, theirs.spokenNames, 'spoken name'),
    allowedNames: [...new Set([...ours.allowedNames, ...theirs.allowedNames])],
    recording: ours.recording ?? theirs.recording,
    segments,
    mergeConflicts: [...ours.mergeConflicts, ...conflicts],
  };
  return { merged, conflicts, taken };

  function field<K extends keyof Interview>(key: K): Interview[K] {
    const result = mergeValue({ base: base[key], ours: ours[key], theirs: theirs[key] });
    if (result.tookTheirs) taken.fieldsTaken += 1;
    if (result.conflict) conflict({ scope: 'interview', targetId: ours.id, field: String(key), kind: 'edited', mine: text(ours[key]), theirs: text(theirs[key]), base: text(base[key]) });
    return result.value as Interview[K];
  }

  function mergeRecord<T extends Record<string, unknown>>(b: T, o: T, t: T, prefix: string): T {
    const out: Record<string, unknown> = { ...o };
    for (const key of new Set([...Object.keys(o), ...Object.keys(t)])) {
      const result = mergeValue({ base: b[key], ours: o[key], theirs: t[key] });
      if (result.tookTheirs) taken.fieldsTaken += 1;
      if (result.conflict) conflict({ scope: 'interview', targetId: ours.id, field: `${prefix}.${key}`, kind: 'edited', mine: text(o[key]), theirs: text(t[key]), base: text(b[key]) });
      out[key] = result.value;
    }
    return out as T;
  }

  /** Whole entities by id: each side's additions kept, deletions honoured unless the other side edited. */
  function mergeEntities<T extends { id: string }>(b: T[], o: T[], t: T[], kind: string): T[] {
    const [bm, om, tm] = [new Map(b.map((x) => [x.id, x])), new Map(o.map((x) => [x.id, x])), new Map(t.map((x) => [x.id, x]))];
    const out: T[] = [];
    for (const id of new Set([...om.keys(), ...tm.keys()])) {
      const result = mergeValue({ base: bm.get(id), ours: om.get(id), theirs: tm.get(id) });
      if (result.conflict) conflict({ scope: 'interview', targetId: id, field: kind, kind: 'edited', mine: text(om.get(id)), theirs: text(tm.get(id)), base: text(bm.get(id)) });
      if (result.value) out.push(result.value);
    }
    return out;
  }
}

function mergeSegment(
  b: Segment | undefined,
  o: Segment,
  t: Segment,
  conflict: (fields: Omit<MergeConflict, 'id' | 'theirAuthor'>) => void,
  taken: MergeResult['taken'],
): Segment {
  const merged: Segment = { ...o };
  const record = merged as unknown as Record<string, unknown>;
  for (const key of segmentFields) {
    const result = mergeValue({ base: b?.[key], ours: o[key], theirs: t[key] });
    if (result.tookTheirs) taken.fieldsTaken += 1;
    if (result.conflict) conflict({ scope: 'segment', targetId: o.id, field: key, kind: 'edited', mine: text(o[key]), theirs: text(t[key]), base: text(b?.[key]) });
    record[key] = result.value;
  }
  // The translation, its status and the source it was made from move as one.
  const translation = (s: Segment | undefined) => (s ? { translation: s.translation, status: s.status, sourceAtTranslation: s.sourceAtTranslation } : undefined);
  const result = mergeValue({ base: translation(b), ours: translation(o), theirs: translation(t) });
  if (result.tookTheirs) taken.fieldsTaken += 1;
  if (result.conflict) conflict({ scope: 'segment', targetId: o.id, field: 'translation', kind: 'edited', mine: o.translation, theirs: t.translation, base: b?.translation ?? '' });
  Object.assign(merged, result.value);
  // Queries: every query either side raised, the newer state of each.
  const queries = new Map(o.queries.map((query) => [query.id, query]));
  for (const query of t.queries) if (!queries.has(query.id) || query.status === 'resolved') queries.set(query.id, query);
  merged.queries = [...queries.values()];
  return merged;
}

/** Applies the user's choice for one conflict: mine (as merged), theirs, or an edited text. */
export function resolveConflict(interview: Interview, conflictId: string, choice: { take: 'mine' } | { take: 'theirs' } | { take: 'text'; text: string }): Interview {
  const found = interview.mergeConflicts.find((item) => item.id === conflictId);
  if (!found) return interview;
  const rest = interview.mergeConflicts.filter((item) => item.id !== conflictId);
  if (choice.take === 'mine') return { ...interview, mergeConflicts: rest };
  const value = choice.take === 'theirs' ? found.theirs : choice.text;
  if (found.scope === 'segment' && found.field === 'segment') {
    // A deletion conflict: "theirs" follows the other side (deleted there → delete here).
    const keep = found.kind === 'deleted-there' ? choice.take !== 'theirs' : true;
    return { ...interview, mergeConflicts: rest, segments: keep ? interview.segments : interview.segments.filter((segment) => segment.id !== found.targetId) };
  }
  if (found.scope === 'segment') {
    return {
      ...interview,
      mergeConflicts: rest,
      segments: interview.segments.map((segment) => {
        if (segment.id !== found.targetId) return segment;
        if (found.field === 'translation') return { ...segment, translation: value, sourceAtTranslation: segment.source, status: 'draft' };
        const parsed = found.field === 'start' || found.field === 'end' ? Number(value) : found.field === 'speakerId' ? (JSON.parse(value) as string | null) : value;
        return { ...segment, [found.field]: parsed };
      }),
    };
  }
  return { ...applyInterviewField(interview, found, value), mergeConflicts: rest };
}

const entityArrays = { speaker: 'speakers', redaction: 'redactions', glossary: 'glossary' } as const;

/** Puts a value back into the interview field a conflict names ("title", "narrator.pseudonym", an entity). */
function applyInterviewField(interview: Interview, found: MergeConflict, value: string): Interview {
  const parse = (current: unknown) => (typeof current === 'string' ? value : (JSON.parse(value) as unknown));
  const arrayKey = entityArrays[found.field as keyof typeof entityArrays];
  if (arrayKey) {
    const entity = JSON.parse(value) as { id: string } | null;
    const others = (interview[arrayKey] as { id: string }[]).filter((item) => item.id !== found.targetId);
    return { ...interview, [arrayKey]: entity ? [...others, entity] : others };
  }
  const [head, tail] = found.field.split('.') as [keyof Interview, string | undefined];
  if (tail) {
    const record = interview[head] as unknown as Record<string, unknown>;
    return { ...interview, [head]: { ...record, [tail]: parse(record[tail]) } };
  }
  return { ...interview, [head]: parse(interview[head]) };
}
