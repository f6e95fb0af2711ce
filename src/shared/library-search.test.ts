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
