// The promise to a narrator, checked on every export: a name marked only in Korean leaves no
// common English spelling in any part of any file, tricks that hide a name are replaced (or the
// file refused), and each language's file carries only its own replacement.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportFormats, type ExportFormat } from '../../../shared/contract';
import { defaultSettings } from '../../../shared/settings';
import { DeskError } from '../desk-error';
import { renderExport, prepareExport } from './export-interview';

import { englishSpellings, interviewWithNames } from './test-support/interview-with-names';

/** Every way the file's text can be read: raw, tags stripped, invisible characters dropped, lower case. */
async function readings(bytes: Uint8Array, isDocx: boolean, onlyReadableParts = false): Promise<string[]> {
  const raw: string[] = [];
  if (isDocx) {
    const zip = await JSZip.loadAsync(bytes);
    for (const entry of Object.values(zip.files)) {
      // The theme names East Asian fonts in Hangul (맑은 고딕): not text anyone reads.
      if (!entry.dir && (!onlyReadableParts || /^(word\/(document|footnotes|comments)|docProps\/core)/.test(entry.name))) raw.push(await entry.async('string'));
    }
  } else raw.push(Buffer.from(bytes).toString('utf8'));
  return raw.flatMap((text) => {
    const stripped = text.replace(/<[^>]*>/g, '').replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
    const plain = stripped.normalize('NFKC').replace(/\u200b|\u200c|\u200d|\u200e|\u200f|\u034f|\ufe0f|\u2060|\u3164|\*/g, '').replace(/о/g, 'o');
    const unescaped = stripped.replace(/\\(.)/g, '$1'); // Markdown's backslash escapes, as a viewer shows them
    return [text, stripped, unescaped, plain.toLowerCase(), plain.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()];
  });
}

const cases: { format: ExportFormat; language: 'source' | 'target' }[] = exportFormats.flatMap((format) => [
  { format, language: 'source' as const },
  { format, language: 'target' as const },
]);

describe('every export of an interview with names marked only in Korean', () => {
  it.each(cases)('$format ($language) holds no spelling of them, and only its own language’s replacement', async ({ format, language }) => {
    const interview = interviewWithNames();
    const request = { format, language, includeOpenQueries: true, allowUnlisted: true };
    // The leak check passes it (nothing survived) — or would refuse it, never write it with a name.
    const prepared = await prepareExport(interview, defaultSettings, request, []).catch((error: unknown) => error);
    if (prepared instanceof DeskError) throw new Error(`refused: ${prepared.message}`);
    const rendered = await renderExport(interview, defaultSettings, request);
    const texts = await readings(rendered.bytes, rendered.isDocx);
    for (const spelling of [...englishSpellings, '박영희', '영희', '회령', '최순희', 'hoeryong', 'younghee', 'young-hee', 'soon-hee', 'yong-hui']) {
      for (const text of texts) expect(text.toLowerCase().includes(spelling.toLowerCase()), `${spelling} in ${format}/${language}`).toBe(false);
    }
    // The bilingual title keeps each half in its own language; the rest is checked without it.
    const all = (await readings(rendered.bytes, rendered.isDocx, true)).join('\n').replace(/<[^>]*>/g, '').normalize('NFC').replaceAll('[어머니] — [her mother]', '');
    // The narrator's review copy is their own words, in Korean, whichever language is asked for.
    const koreanFile = ((format === 'srt' || format === 'vtt' || format === 'txt' || format === 'docx-transcript') && language === 'source') || format === 'docx-review';
    if (koreanFile) {
      expect(all).toContain('[어머니]');
      expect(all).not.toContain('[her mother]');
    } else if (format === 'docx-bilingual' || format === 'eaf' || format === 'ohms') {
      // Both languages side by side (ELAN: a tier and its translation tier; OHMS: the transcript
      // and its alternate-language transcript): each its own replacement.
      expect(all).toContain('[어머니]');
      expect(all).toContain('[her mother]');
    } else {
      expect(all).toContain('[her mother]');
      expect(all).not.toContain('[어머니]');
      if (format === 'docx-article' || format === 'md') expect(all).not.toMatch(/[\uac00-\ud7a3]/u);
    }
  });
});
