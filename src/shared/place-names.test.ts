import { describe, expect, it } from 'vitest';
import { defaultBio } from './article';
import { newInterview } from './interview';
import { englishPlaceName } from './place-names';

const glossary = [
  { korean: '함경북도', english: 'North Hamgyong Province' },
  { korean: '회령', english: 'Hoeryong' },
  { korean: '양강도', english: 'Ryanggang Province' },
  { korean: '혜산', english: 'Hyesan' },
];

describe('English place names for English text', () => {
  it('uses the glossary’s spelling, smallest place first, and drops the writer’s bracketed gloss', () => {
    expect(englishPlaceName('함경북도 회령 (Hoeryong)', glossary)).toBe('Hoeryong, North Hamgyong Province');
    expect(englishPlaceName('양강도 혜산시', glossary)).toBe('Hyesan, Ryanggang Province');
    expect(englishPlaceName('회령군', glossary)).toBe('Hoeryong County');
    expect(englishPlaceName('함경북도회령', glossary)).toBe('Hoeryong, North Hamgyong Province');
    expect(englishPlaceName('양강도, 혜산', glossary)).toBe('Hyesan, Ryanggang Province');
  });

  it('romanises what the glossary does not know, and leaves English alone', () => {
    expect(englishPlaceName('자강도', [])).toMatch(/^Jagangdo$|^Jagang-do$/);
    expect(englishPlaceName('Ryanggang Province', glossary)).toBe('Ryanggang Province');
    expect(englishPlaceName('  ', glossary)).toBe('');
    expect(englishPlaceName('함경북도 온성', glossary)).toMatch(/^Onseong, North Hamgyong Province$/);
  });

  it('gives the bio its birthplace in English with the series punctuation', () => {
    const interview = newInterview('int-bio', 'Bio', '2026-01-01T00:00:00Z');
    interview.narrator = { ...interview.narrator, pseudonym: 'Kim Min-ji', birthRegion: '함경북도 회령 (Hoeryong)', yearLeft: 2015 };
    const bio = defaultBio(interview, 'school', undefined, glossary.map((term, index) => ({ ...term, id: `glo-${index}`, avoid: [], note: '' })));
    expect(bio).toBe('Kim Min-ji — who was born and raised in Hoeryong, North Hamgyong Province, North Korea, and lived there until leaving in 2015 — writes about school.');
    expect(bio).not.toMatch(/[\uac00-\ud7a3]/u);
  });
});
