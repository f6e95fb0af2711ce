// A home town is how a narrator is found: a North Korean place in an export is asked about even
// when the glossary knows how to spell it (the starter glossary lists provinces and cities).
import { describe, expect, it } from 'vitest';
import { newSegment } from '../../../shared/interview';
import { exportFixture } from './test-support/export-fixture';
import { prepareExport } from './export-interview';

describe('names nobody listed, and the glossary', () => {
  it('keeps asking about a North Korean place the glossary spells, but not about a glossary term', async () => {
    const { interview, settings } = exportFixture();
    interview.segments = [
      newSegment({ id: 'seg-p', start: 0, end: 5, speakerId: 'spk-n', source: '회령에서 장마당에 갔어요.', translation: 'We went to the jangmadang in Hoeryong.', status: 'reviewed' }),
    ];
    const glossary = [
      { id: 'glo-1', korean: '회령', english: 'Hoeryong', avoid: [], note: '' },
      { id: 'glo-2', korean: '장마당', english: 'jangmadang', avoid: [], note: '' },
      { id: 'glo-3', korean: '혜산시', english: 'Hyesan', avoid: [], note: '' },
    ];
    const { unlisted } = await prepareExport(interview, settings, { format: 'txt', language: 'target', allowUnlisted: true }, glossary);
    expect(unlisted.map((name) => name.name)).toContain('Hoeryong');
    expect(unlisted.map((name) => name.name)).not.toContain('Jangmadang');
    const korean = await prepareExport(interview, settings, { format: 'txt', language: 'source', allowUnlisted: true }, glossary);
    expect(korean.unlisted.map((name) => name.name)).toContain('회령');
  });
});
