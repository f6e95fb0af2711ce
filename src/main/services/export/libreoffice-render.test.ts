// Word files must open in real word processors. LibreOffice is the one we can run here: convert
// the article to PDF and read the text back. Skipped, and said so, where it is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFixture } from './test-support/export-fixture';
import { renderExport } from './export-interview';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const libreOffice = has('soffice');

/** The fixture's article with two subheads, two footnotes and two open queries, and enough text to run over pages. */
function longArticle() {
  const { interview, settings } = exportFixture();
  interview.segments[4]!.queries = [{ id: 'q-2', text: 'Which winter exactly?', status: 'open', createdAt: '2026-01-03T00:00:00Z' }];
  interview.segments[4]!.translation = 'Those ten minutes were the longest of my life.';
  const filler = 'We queued for hours in the cold and nobody spoke, because anyone could be listening. '.repeat(9).trim();
  const block = (id: string, role: 'paragraph' | 'subhead', text: string, segmentIds: string[] = []) => ({ kind: 'paragraph' as const, id, role, text, segmentIds, basedOn: text });
  const [first, second, , third, fourth] = interview.article.blocks;
  interview.article.blocks = [
    block('blk-s1', 'subhead', 'The market years'),
    first!,
    second!,
    ...Array.from({ length: 6 }, (_, index) => block(`blk-f${index}`, 'paragraph', filler)),
    block('blk-s2', 'subhead', 'Crossing the river'),
    third!,
    ...Array.from({ length: 4 }, (_, index) => block(`blk-g${index}`, 'paragraph', filler)),
    fourth!,
  ];
  return { interview, settings };
}

describe('rendering in LibreOffice', () => {
  it.skipIf(!libreOffice || !has('pdftotext'))(
    libreOffice ? 'an article with two subheads, two footnotes and two queries: each footnote shows its own text, each subhead sits on the page of its paragraph' : 'article render check (skipped: LibreOffice is not installed)',
    async () => {
      const folder = await mkdtemp(join(tmpdir(), 'lo-'));
      const { interview, settings } = longArticle();
      const docx = join(folder, 'article.docx');
      await writeFile(docx, (await renderExport(interview, settings, { format: 'docx-article', includeOpenQueries: true, includeNotes: true, allowUnlisted: true })).bytes);
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, docx], { stdio: 'pipe', timeout: 120_000 });
      const pages = execFileSync('pdftotext', ['-layout', join(folder, 'article.pdf'), '-']).toString().split('\f');
      expect(pages.length).toBeGreaterThan(1);
      // Footnote 1 and 2, each under its own number with its own text (not the other's).
      const all = pages.join('\n');
      expect(all).toMatch(/^\s*1\s+my neighbourhood is a district; the narrator asked that it not be named\./m);
      expect(all).toMatch(/^\s*2\s+Jangmadang: informal market\./m);
      // Each subhead is on the same page as the first words of the paragraph after it.
      for (const [subhead, next] of [['The market years', 'I grew up in my neighbourhood.'], ['Crossing the river', 'In the winter of 2014 I crossed the river.']] as const) {
        const page = pages.find((text) => text.includes(subhead));
        expect(page, subhead).toBeDefined();
        expect(page, `${subhead} → ${next}`).toContain(next);
      }
      expect(all).not.toContain('최순희');
    },
    180_000,
  );

  it.skipIf(!libreOffice)(
    libreOffice ? 'converts the bilingual DOCX to PDF without error' : 'converts the bilingual DOCX to PDF (skipped: LibreOffice is not installed)',
    async () => {
      const folder = await mkdtemp(join(tmpdir(), 'lo-'));
      const { interview, settings } = exportFixture();
      const docx = join(folder, 'bilingual.docx');
      await writeFile(docx, (await renderExport(interview, settings, { format: 'docx-bilingual', language: 'source', allowUnlisted: true })).bytes);
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, docx], { stdio: 'pipe', timeout: 120_000 });
      const pdf = await readFile(join(folder, 'bilingual.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (has('pdftotext')) {
        const text = execFileSync('pdftotext', [join(folder, 'bilingual.pdf'), '-']).toString();
        expect(text).toContain('어디에서 자라셨어요?');
        expect(text).not.toContain('최순희');
      }
    },
    180_000,
  );

  it.skipIf(!libreOffice || !has('pdftotext') || !has('pdftoppm'))(
    libreOffice ? 'renders every Word export, page-numbered, with no word broken in a narrow column; first pages kept as pictures to look at' : 'renders every Word export (skipped: LibreOffice or poppler is not installed)',
    async () => {
      const folder = await mkdtemp(join(tmpdir(), 'lo-all-'));
      const { interview, settings } = exportFixture();
      interview.segments[3]!.translation = ''; // an untranslated row for the Status column
      interview.segments[3]!.status = 'untranslated';
      const files: [string, Parameters<typeof renderExport>[2]][] = [
        ['article', { format: 'docx-article', includeNotes: true, includeOpenQueries: true, draftMark: true, allowUnlisted: true }],
        ['bilingual', { format: 'docx-bilingual', language: 'source', includeStatus: true, includeNotes: true, includeOpenQueries: true, draftMark: true, allowUnlisted: true }],
        ['transcript-ko', { format: 'docx-transcript', language: 'source', allowUnlisted: true }],
        ['transcript-en', { format: 'docx-transcript', language: 'target', draftMark: true, allowUnlisted: true }],
      ];
      for (const [name, request] of files) await writeFile(join(folder, `${name}.docx`), (await renderExport(interview, settings, request)).bytes);
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, ...files.map(([name]) => join(folder, `${name}.docx`))], { stdio: 'pipe', timeout: 180_000 });
      const screenshots = join(__dirname, '../../../../e2e-artifacts/screenshots');
      execFileSync('mkdir', ['-p', screenshots]);
      for (const [name] of files) {
        const text = execFileSync('pdftotext', ['-layout', join(folder, `${name}.pdf`), '-']).toString();
        expect(text, name).toMatch(/Page 1 of \d+/);
        expect(text, name).not.toContain('최순희');
        if (name === 'bilingual') expect(text.split(/\s+/)).toContain('Untranslated');
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(folder, `${name}.pdf`), join(screenshots, `docx-${name}`)]);
      }
    },
    240_000,
  );
});
