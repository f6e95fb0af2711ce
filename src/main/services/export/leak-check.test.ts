import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactionTerms } from '../../../shared/redaction';
import { exportFixture } from './test-support/export-fixture';
import { exportInterview } from './export-interview';
import { findLeaksInDocx } from './leak-check';

describe('leak check before writing', () => {
  it('refuses a file whose properties would hold the real name, saying where, and writes nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'leak-'));
    const { interview, settings } = exportFixture();
    settings.documentAuthor = 'Choe Sun-hui'; // a romanised real name typed into Settings
    const target = join(folder, 'article.docx');
    const attempt = exportInterview(interview, settings, { format: 'docx-article', language: 'source', includeOpenQueries: false, allowUnlisted: true }, target, { glossary: [] });
    await expect(attempt).rejects.toMatchObject({ code: 'leak' });
    await expect(attempt).rejects.toThrow(/sensitive term 1 \(replaced by “Lee Ji-woo”\) in the document properties \(docProps\/core\.xml\)/);
    await expect(attempt).rejects.not.toThrow(/Choe|최순희/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('writes a clean export through a temp file beside it, leaving only the file itself', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'clean-'));
    const { interview, settings } = exportFixture();
    await exportInterview(interview, settings, { format: 'srt', language: 'target', includeOpenQueries: false, allowUnlisted: false }, join(folder, 'subs.srt'), { glossary: [] });
    expect(await readdir(folder)).toEqual(['subs.srt']);
  });

  it('finds a name split across runs, in attributes, and behind XML entities', async () => {
    const terms = redactionTerms(exportFixture().interview);
    const part = (name: string, xml: string) => ({ name, pieces: [xml] });
    const findings = findLeaksInDocx(
      [
        part('word/document.xml', '<w:p><w:r><w:t>최</w:t></w:r><w:r><w:t>순희</w:t></w:r></w:p>'),
        part('word/comments.xml', '<w:comment w:author="Choe Sun-hui"/>'),
        part('word/footnotes.xml', '<w:t>&#xC5F0;&#xBD09;&#xB3D9;</w:t>'), // 연봉동 as character references
        part('word/endnotes.xml', '<w:t>nothing here</w:t>'),
      ],
      terms,
    );
    expect(findings.map((finding) => `${finding.part}#${finding.termNumber}`).sort()).toEqual([
      'word/comments.xml#1',
      'word/document.xml#1',
      'word/footnotes.xml#2',
    ]);
  });
});
