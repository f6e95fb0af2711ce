import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeGlossary, parseGlossary, serializeGlossary } from './glossary-files';
import { readStarterGlossary } from './starter-glossary';

describe('glossary files', () => {
  it('reads CSV with a BOM, CRLF, quoted commas and Korean headers, reporting the lines it skipped', () => {
    const csv = '\uFEFF한국어,영어,avoid,메모\r\n장마당,jangmadang,black market; flea market,"markets, informal"\r\n,missing korean,,\r\n성분,,,\r\n배급,rations,,\r\n';
    const { rows, skipped } = parseGlossary(csv);
    expect(rows).toEqual([
      { korean: '장마당', english: 'jangmadang', avoid: ['black market', 'flea market'], note: 'markets, informal' },
      { korean: '배급', english: 'rations', avoid: [], note: '' },
    ]);
    expect(skipped).toEqual([
      { line: 3, reason: 'no Korean term' },
      { line: 4, reason: 'no English rendering' },
    ]);
  });

  it('refuses a file without the column names', () => {
    expect(parseGlossary('장마당\tjangmadang\n').skipped).toEqual([{ line: 1, reason: expect.stringContaining('korean, english') }]);
  });

  it('round-trips through TSV and CSV', () => {
    const terms = [{ id: 'glo-1', korean: '보위부', english: 'Ministry of State Security', avoid: ['secret police'], note: 'often "the bowibu"' }];
    for (const delimiter of ['\t', ','] as const) {
      expect(parseGlossary(serializeGlossary(terms, delimiter)).rows).toEqual([{ korean: '보위부', english: 'Ministry of State Security', avoid: ['secret police'], note: 'often "the bowibu"' }]);
    }
  });

  it('merges by Korean term: updates existing, adds new', () => {
    const existing = [{ id: 'glo-1', korean: '장마당', english: 'market', avoid: [], note: '' }];
    const merged = mergeGlossary(existing, [{ korean: '장마당', english: 'jangmadang', avoid: [], note: 'x' }, { korean: '배급', english: 'rations', avoid: [], note: '' }], () => 'glo-2');
    expect(merged).toMatchObject({ added: 1, updated: 1 });
    expect(merged.terms.map((term) => `${term.id}:${term.english}`)).toEqual(['glo-1:jangmadang', 'glo-2:rations']);
  });

  it('ships a starter glossary of North Korea terms', async () => {
    const starter = await readStarterGlossary(resolve(__dirname, '../../../resources'));
    expect(starter.length).toBeGreaterThanOrEqual(15);
    expect(starter.find((term) => term.korean === '고난의 행군')?.english).toBe('the Arduous March');
  });
});
