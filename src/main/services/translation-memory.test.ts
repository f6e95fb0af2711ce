import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from '../../shared/interview';
import { buildMemoryIndex, memoryPairsOf } from './memory-index';
import { similarity, TranslationMemory } from './translation-memory';

function interview(id: string, title: string, rows: [string, string, 'reviewed' | 'draft'][]): Interview {
  const result = newInterview(id, title, '');
  result.segments = rows.map(([source, translation, status], index) => newSegment({ id: `seg-${index + 1}`, start: index, end: index + 1, source, translation, status }));
  return result;
}

function memoryOf(interviews: Interview[]) {
  const byId = new Map(interviews.map((item) => [item.id, item]));
  return {
    byId,
    memory: new TranslationMemory({ ids: async () => [...byId.keys()], index: async (id) => buildMemoryIndex(memoryPairsOf(byId.get(id)!)) }),
  };
}

describe('translation memory', () => {
  const other = interview('int-a', 'Market days', [
    ['어머니가 장마당에서 국수를 팔았어요.', 'My mother sold noodles at the jangmadang.', 'reviewed'],
    ['강을 건넜어요.', 'I crossed the river.', 'reviewed'],
    ['배급이 끊겼습니다.', 'The rations stopped.', 'draft'],
  ]);
  const current = interview('int-b', 'Border town', [['어머니가 장마당에서 국수를 팔았어요', '', 'draft']]);

  it('a lookup that arrives while the memory warms up waits for every interview, and reads none twice', async () => {
    const interviews = Array.from({ length: 12 }, (_, index) => interview(`int-${index}`, `Interview ${index}`, [[`강을 건넜어요 ${index}번`, `I crossed the river, ${index}.`, 'reviewed']]));
    const byId = new Map(interviews.map((item) => [item.id, item]));
    const reads: string[] = [];
    const memory = new TranslationMemory({
      ids: async () => [...byId.keys()],
      index: async (id) => {
        reads.push(id);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return buildMemoryIndex(memoryPairsOf(byId.get(id)!));
      },
    });
    const warming = memory.warm();
    const matches = await memory.lookup('강을 건넜어요 11번', { interviewId: 'int-none', segmentId: 'seg-1' }, 20);
    await warming;
    expect(matches[0]).toMatchObject({ score: 1, interviewId: 'int-11' });
    expect(matches.length).toBeGreaterThan(1);
    expect(reads.sort()).toEqual([...byId.keys()].sort());
  });

  it('finds an exact match from another interview, ignoring punctuation, with its score and title', async () => {
    const { memory } = memoryOf([other, current]);
    const matches = await memory.lookup('어머니가 장마당에서 국수를 팔았어요', { interviewId: 'int-b', segmentId: 'seg-1' });
    expect(matches[0]).toEqual({
      score: 1,
      source: '어머니가 장마당에서 국수를 팔았어요.',
      translation: 'My mother sold noodles at the jangmadang.',
      interviewId: 'int-a',
      interviewTitle: 'Market days',
      segmentId: 'seg-1',
    });
  });

  it('finds fuzzy matches of 70 % and up only, from reviewed segments only, never the segment itself', async () => {
    const { memory } = memoryOf([other, current]);
    const fuzzy = await memory.lookup('어머니가 장마당에서 떡을 팔았어요', { interviewId: 'int-b', segmentId: 'seg-1' });
    expect(fuzzy).toHaveLength(1);
    expect(fuzzy[0]!.score).toBeGreaterThanOrEqual(0.7);
    expect(fuzzy[0]!.score).toBeLessThan(1);
    expect(await memory.lookup('전혀 다른 문장입니다', { interviewId: 'int-b', segmentId: 'seg-1' })).toEqual([]);
    expect(await memory.lookup('배급이 끊겼습니다.', { interviewId: 'int-b', segmentId: 'seg-1' })).toEqual([]); // only a draft
    expect(await memory.lookup('강을 건넜어요.', { interviewId: 'int-a', segmentId: 'seg-2' })).toEqual([]);
  });

  it('sees an interview’s new reviews after it is invalidated', async () => {
    const { memory, byId } = memoryOf([other, current]);
    expect(await memory.lookup('배급이 끊겼습니다.', { interviewId: 'int-b', segmentId: 'seg-1' })).toEqual([]);
    const updated = structuredClone(other);
    updated.segments[2]!.status = 'reviewed';
    byId.set('int-a', updated);
    memory.invalidate('int-a');
    expect((await memory.lookup('배급이 끊겼습니다.', { interviewId: 'int-b', segmentId: 'seg-1' }))[0]?.translation).toBe('The rations stopped.');
  });

  it('scores similarity as 1 − edit distance / length', () => {
    expect(similarity('abcd', 'abcd')).toBe(1);
    expect(similarity('abcd', 'abce')).toBe(0.75);
  });
});
