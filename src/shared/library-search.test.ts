import { describe, expect, it } from 'vitest';
import { newInterview, summarizeInterview } from './interview';
import { matchesLibrarySearch } from './library-search';

const interview = newInterview('abc-123', '혜산 장마당 — Market days', '2026-01-01T00:00:00Z');
interview.narrator.pseudonym = 'Kim Min-ji';
interview.narrator.realName = '박영희';
interview.status = 'translating';
const summary = summarizeInterview(interview);
const label = (status: string) => ({ translating: '번역 중' })[status] ?? status;

describe('library search', () => {
  it('finds by title, pseudonym and status (in either interface language), case-insensitively', () => {
    for (const query of ['장마당', 'market', 'min-ji', 'KIM', 'translating', '번역', 'kim market']) {
      expect(matchesLibrarySearch(summary, query, label), query).toBe(true);
    }
    expect(matchesLibrarySearch(summary, '', label)).toBe(true);
    expect(matchesLibrarySearch(summary, 'ready', label)).toBe(false);
  });

  it('never finds by the real name, which the summary does not even carry', () => {
    expect(matchesLibrarySearch(summary, '박영희', label)).toBe(false);
    expect(JSON.stringify(summary)).not.toContain('박영희');
  });

  it('matches Korean typed in decomposed form', () => {
    expect(matchesLibrarySearch(summary, '장마당'.normalize('NFD'), label)).toBe(true);
  });
});

describe('library sorting, full-text search and status by the work', () => {
  it('sorts by any column, either way, Korean and English titles together', async () => {
    const { sortSummaries } = await import('./library-search');
    const make = (id: string, title: string, segments: number, updatedAt: string) => ({ ...summarizeInterview(newInterview(id, title, updatedAt)), segmentCount: segments });
    const list = [make('a', '혜산', 10, '2026-01-03'), make('b', 'Apple', 30, '2026-01-01'), make('c', '가나', 20, '2026-01-02')];
    expect(sortSummaries(list, { key: 'segmentCount', direction: 'descending' }).map((item) => item.id)).toEqual(['b', 'c', 'a']);
    expect(sortSummaries(list, { key: 'updatedAt', direction: 'descending' }).map((item) => item.id)).toEqual(['a', 'c', 'b']);
    expect(sortSummaries(list, { key: 'title', direction: 'ascending' }).map((item) => item.id)).toEqual(['b', 'c', 'a']);
  });

  it('finds words inside transcripts and translations, never in the real name', async () => {
    const { transcriptMatches } = await import('./library-search');
    const { newSegment } = await import('./interview');
    const withText = { ...interview, segments: [newSegment({ id: 's', start: 0, end: 1, source: '규찰대가 왔어요', translation: 'The inspection squad came to the jangmadang.' })] };
    expect(transcriptMatches(withText, '규찰대')).toBe(true);
    expect(transcriptMatches(withText, 'Jangmadang squad')).toBe(true);
    expect(transcriptMatches(withText, '박영희')).toBe(false);
    expect(transcriptMatches(withText, '')).toBe(false);
  });
});
