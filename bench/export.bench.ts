// Export speed: a bilingual DOCX of a three-hour interview (2,500 segments), leak check included,
// and the article DOCX of the same interview with every segment composed into the body.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { addSegments } from '../src/shared/article-editing';
import { defaultSettings } from '../src/shared/settings';
import { exportInterview } from '../src/main/services/export/export-interview';
import { largeInterview } from './fixtures';

const folder = await mkdtemp(join(tmpdir(), 'bench-export-'));
const interview = largeInterview('bench-export', 2500);
interview.narrator.realName = '최순희';
interview.redactions = [
  { id: 'red-1', kind: 'place', korean: ['연봉동'], english: ['Yonbong-dong'], rejected: [], replacementKo: '[동네]', replacementEn: 'my neighbourhood', reason: '' },
  { id: 'red-2', kind: 'person', korean: ['박영희'], english: [], rejected: [], replacementKo: '[어머니]', replacementEn: '[her mother]', reason: '' },
];
let next = 0;
interview.article = addSegments(interview.article, interview.segments, () => `blk-${++next}`);

describe('export', () => {
  bench(
    'bilingual DOCX, 2,500 segments, with redaction and leak check, written durably',
    async () => {
      await exportInterview(interview, defaultSettings, { format: 'docx-bilingual', language: 'source', includeOpenQueries: false, allowUnlisted: true }, join(folder, 'bilingual.docx'), { glossary: [] });
    },
    { iterations: 5, time: 0 },
  );

  bench(
    'article DOCX, 2,500 paragraphs, with redaction and leak check',
    async () => {
      await exportInterview(interview, defaultSettings, { format: 'docx-article', language: 'source', includeOpenQueries: false, allowUnlisted: true }, join(folder, 'article.docx'), { glossary: [] });
    },
    { iterations: 5, time: 0 },
  );
});
