import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from './interview';
import { applyChanges, changesBetween, ChangesMismatch, InterviewChanges } from './interview-changes';

function interviewWith(count: number): Interview {
  const interview = newInterview('int-changes', '인터뷰', '2026-01-01T00:00:00Z');
  interview.segments = Array.from({ length: count }, (_, index) => newSegment({ id: `seg-${index}`, start: index * 10, end: index * 10 + 9, source: `원문 ${index}` }));
  return interview;
}

/** A seeded stream of numbers in [0, 1): the same edits every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('what an autosave sends', () => {
  it('is only the edited segment and the edited field when nothing moved', () => {
    const saved = interviewWith(10_000);
    const next: Interview = { ...saved, title: 'Market days', segments: saved.segments.map((segment, index) => (index === 7 ? { ...segment, translation: 'I sold rice.' } : segment)) };
    const changes = changesBetween(saved, next, saved.updatedAt);
    expect(changes.fields).toEqual({ title: 'Market days' });
    expect(changes.segments.map((segment) => segment.id)).toEqual(['seg-7']);
    expect(changes.order).toBeNull();
    expect(JSON.stringify(changes).length).toBeLessThan(1000);
    expect(InterviewChanges.safeParse(changes).success).toBe(true);
    expect(applyChanges(saved, changes)).toEqual(next);
  });

  it('carries the order when a segment is split, removed or moved, and applying it gives the edited interview', () => {
    const saved = interviewWith(6);
    const segments = [...saved.segments];
    segments.splice(2, 1, { ...segments[2]!, end: 24 }, newSegment({ id: 'seg-2b', start: 24, end: 29, source: '뒤' })); // split
    segments.splice(4, 1); // seg-3 removed
    const next: Interview = { ...saved, segments: [segments[1]!, segments[0]!, ...segments.slice(2)] }; // two swapped
    const changes = changesBetween(saved, next, saved.updatedAt);
    expect(changes.order).toEqual(next.segments.map((segment) => segment.id));
    expect(changes.segments.map((segment) => segment.id).sort()).toEqual(['seg-2', 'seg-2b']);
    expect(applyChanges(saved, changes)).toEqual(next);
  });

  it('applies over random edits as the whole interview would have been saved, and applying twice changes nothing more', () => {
    const random = seeded(42);
    let saved = interviewWith(300);
    for (let round = 0; round < 200; round += 1) {
      const segments = [...saved.segments];
      const at = Math.floor(random() * segments.length);
      const pick = random();
      if (pick < 0.6) segments[at] = { ...segments[at]!, translation: `t${round}` };
      else if (pick < 0.75) segments.splice(at, 0, newSegment({ id: `new-${round}`, start: 0, end: 1 }));
      else if (pick < 0.85 && segments.length > 1) segments.splice(at, 1);
      else if (pick < 0.95) segments.push(segments.splice(at, 1)[0]!);
      const next: Interview = { ...saved, status: pick > 0.95 ? 'translating' : saved.status, segments };
      const changes = changesBetween(saved, next, saved.updatedAt);
      const applied = applyChanges(saved, changes);
      expect(applied).toEqual(next);
      expect(applyChanges(applied, changes)).toEqual(next);
      saved = applied;
    }
  });

  it('refuses changes that do not fit: another interview, an unknown segment, a given segment outside the order, a repeated id', () => {
    const saved = interviewWith(3);
    const edited = { ...saved.segments[0]!, source: '고침' };
    const base = { id: saved.id, fields: {}, segments: [], order: null };
    expect(() => applyChanges(saved, { ...base, id: 'other-id' })).toThrow(ChangesMismatch);
    expect(() => applyChanges(saved, { ...base, segments: [{ ...edited, id: 'seg-unknown' }] })).toThrow(/not in the saved interview/);
    expect(() => applyChanges(saved, { ...base, segments: [edited], order: ['seg-1', 'seg-2'] })).toThrow(/missing from the order/);
    expect(() => applyChanges(saved, { ...base, order: ['seg-0', 'seg-0', 'seg-1'] })).toThrow(/twice/);
    expect(() => applyChanges(saved, { ...base, order: ['seg-0', 'seg-9'] })).toThrow(/neither saved nor given/);
    expect(InterviewChanges.safeParse({ ...base, basedOn: saved.updatedAt, fields: { id: 'x' } }).success).toBe(false);
  });
});
