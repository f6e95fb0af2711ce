import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from './interview';
import { mergeInterviews, resolveConflict } from './merge';
import { isStale } from './translation';

let next = 0;
const options = { theirAuthor: 'translator', newId: () => `cfl-${++next}` };

function interviewerCopy(): Interview {
  const interview = newInterview('int-merge', '인터뷰', '2026-01-01T00:00:00Z');
  interview.speakers = [{ id: 'spk-1', name: 'Narrator', color: '#2f5d8a' }];
  interview.segments = Array.from({ length: 25 }, (_, index) => newSegment({ id: `seg-${index}`, start: index * 10, end: index * 10 + 9, speakerId: 'spk-1', source: `원문 ${index}` }));
  return interview;
}

describe('three-way merge of a hand-off', () => {
  it('combines 20 translations with 3 source fixes and a split, stale exactly where the source moved under a translation, with no conflict', () => {
    const base = interviewerCopy();
    // The translator translates 20 segments.
    const theirs: Interview = structuredClone(base);
    theirs.segments = theirs.segments.map((segment, index) =>
      index < 20 ? { ...segment, translation: `Translation ${index}`, sourceAtTranslation: segment.source, status: 'draft' } : segment,
    );
    // Meanwhile the interviewer fixes three source lines (two translated, one not) and splits one.
    const ours: Interview = structuredClone(base);
    ours.segments = ours.segments.map((segment) => (['seg-3', 'seg-7', 'seg-22'].includes(segment.id) ? { ...segment, source: `${segment.source} (고침)` } : segment));
    const split = ours.segments.findIndex((segment) => segment.id === 'seg-10');
    ours.segments.splice(split, 1, { ...ours.segments[split]!, end: 104, source: '원문 10 앞' }, newSegment({ id: 'seg-10b', start: 104, end: 109, speakerId: 'spk-1', source: '원문 10 뒤' }));

    const { merged, conflicts, taken } = mergeInterviews(base, ours, theirs, options);
    expect(conflicts).toEqual([]);
    expect(merged.segments).toHaveLength(26);
    expect(merged.segments.filter((segment) => segment.translation.startsWith('Translation'))).toHaveLength(20);
    expect(merged.segments.find((segment) => segment.id === 'seg-7')!.source).toBe('원문 7 (고침)');
    expect(merged.segments.find((segment) => segment.id === 'seg-22')!.source).toBe('원문 22 (고침)');
    expect(merged.segments.find((segment) => segment.id === 'seg-10b')).toBeTruthy();
    expect(merged.segments.filter(isStale).map((segment) => segment.id).sort()).toEqual(['seg-10', 'seg-3', 'seg-7']);
    expect(taken.fieldsTaken).toBe(20);
    expect(merged.segments.map((segment) => segment.start)).toEqual([...merged.segments.map((segment) => segment.start)].sort((a, b) => a - b));
  });

  it('makes a conflict of a field both sides changed, resolved as mine or as theirs', () => {
    const base = interviewerCopy();
    const ours = structuredClone(base);
    const theirs = structuredClone(base);
    ours.segments[4]!.source = '원문 4 — 인터뷰어';
    theirs.segments[4]!.source = '원문 4 — 번역가';
    const { merged, conflicts } = mergeInterviews(base, ours, theirs, options);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ scope: 'segment', targetId: 'seg-4', field: 'source', mine: '원문 4 — 인터뷰어', theirs: '원문 4 — 번역가', base: '원문 4' });
    expect(merged.mergeConflicts).toHaveLength(1);
    const mine = resolveConflict(merged, conflicts[0]!.id, { take: 'mine' });
    expect(mine.segments[4]!.source).toBe('원문 4 — 인터뷰어');
    expect(mine.mergeConflicts).toEqual([]);
    const theirsTaken = resolveConflict(merged, conflicts[0]!.id, { take: 'theirs' });
    expect(theirsTaken.segments[4]!.source).toBe('원문 4 — 번역가');
    expect(resolveConflict(merged, conflicts[0]!.id, { take: 'text', text: '원문 4' }).segments[4]!.source).toBe('원문 4');
  });

  it('does not lose a segment deleted on one side and edited on the other', () => {
    const base = interviewerCopy();
    const ours = structuredClone(base);
    ours.segments = ours.segments.filter((segment) => segment.id !== 'seg-2');
    const theirs = structuredClone(base);
    theirs.segments[2]!.translation = 'Kept by the translator';
    const { merged, conflicts } = mergeInterviews(base, ours, theirs, options);
    expect(merged.segments.find((segment) => segment.id === 'seg-2')!.translation).toBe('Kept by the translator');
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'deleted-here', targetId: 'seg-2' })]);
    // A deletion nobody argued with goes through.
    const untouched = structuredClone(base);
    untouched.segments = untouched.segments.filter((segment) => segment.id !== 'seg-3');
    expect(mergeInterviews(base, ours, untouched, options).merged.segments.find((segment) => segment.id === 'seg-3')).toBeUndefined();
  });

  it('merges interview fields and entities by value', () => {
    const base = interviewerCopy();
    const ours = structuredClone(base);
    const theirs = structuredClone(base);
    ours.narrator.pseudonym = 'Ji-woo';
    theirs.translator = 'Kim (translator)';
    theirs.speakers.push({ id: 'spk-2', name: 'Interviewer', color: '#b5651d' });
    theirs.title = '인터뷰 (번역)';
    ours.title = '인터뷰 (교정)';
    const { merged, conflicts } = mergeInterviews(base, ours, theirs, options);
    expect(merged.narrator.pseudonym).toBe('Ji-woo');
    expect(merged.translator).toBe('Kim (translator)');
    expect(merged.speakers.map((speaker) => speaker.id)).toEqual(['spk-1', 'spk-2']);
    expect(conflicts).toEqual([expect.objectContaining({ field: 'title', mine: '인터뷰 (교정)', theirs: '인터뷰 (번역)' })]);
    expect(resolveConflict(merged, conflicts[0]!.id, { take: 'theirs' }).title).toBe('인터뷰 (번역)');
  });
});
