// Word files must open in real word processors. LibreOffice is the one we can run here: convert
// the article to PDF and read the text back. Skipped, and said so, where it is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFixture } from './export-fixture';
import { renderExport } from './export-interview';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const libreOffice = has('soffice');

describe('rendering in LibreOffice', () => {
  it.skipIf(!libreOffice)(
    libreOffice ? 'converts the article DOCX to PDF without error' : 'converts the article DOCX to PDF (skipped: LibreOffice is not installed)',
    async () => {
      const folder = await mkdtemp(join(tmpdir(), 'lo-'));
      const { interview, settings } = exportFixture();
      for (const format of ['docx-article', 'docx-bilingual'] as const) {
        const docx = join(folder, `${format}.docx`);
        await writeFile(docx, (await renderExport(interview, settings, { format, language: 'source', includeOpenQueries: true, allowUnlisted: true })).bytes);
        execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, docx], {
          stdio: 'pipe',
          timeout: 120_000,
        });
        const pdf = await readFile(join(folder, `${format}.pdf`));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        if (has('pdftotext')) {
          const text = execFileSync('pdftotext', [join(folder, `${format}.pdf`), '-']).toString();
          if (format === 'docx-article') {
            expect(text).toContain('Ask a North Korean: What did');
            expect(text).toContain('Jangmadang: informal market.'); // the second footnote, under its own number
          } else {
            expect(text).toContain('어디에서 자라셨어요?');
          }
          expect(text).not.toContain('최순희');
        }
      }
    },
    180_000,
  );
});
