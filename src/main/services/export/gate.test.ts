// One door out: every road a file takes out of the desk goes through the gate, and each road gets
// what it needs — publishable files both leak checks and the names review, an outside translator's
// XLIFF placeholders for every name, packages the redaction list inside their encryption.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportFormats } from '../../../shared/contract';
import { defaultSettings } from '../../../shared/settings';
import { buildTbx, buildXliff, importXliff } from '../handoff/xliff';
import { readXliff } from '../handoff/xliff-read';
import { redactionTerms } from '../../../shared/redaction';
import { prepareExport } from './export-interview';
import { interviewWithNames } from './test-support/interview-with-names';
import { schemaErrors } from './test-support/xml-schemas';

const MAIN = join(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    // Test helpers (test-support/, not shipped) make their own fixtures on disk.
    if (statSync(path).isDirectory()) return name === 'test-support' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$|test-support|pieces-test-support/.test(name) ? [path] : [];
  });
}

describe('the writers', () => {
  // What may put a file on disk at all: the gate for files leaving the desk, the storage layer for
  // the library's own files (and the lock), media import for a recording copied into the library.
  const allowedToWrite = new Set(['services/export/gate.ts', 'services/storage/durable-file.ts', 'services/storage/file-store.ts', 'services/storage/library-lock.ts', 'services/storage/unreadable-file.ts', 'services/storage/encryption/keyring.ts']);
  const WRITES = /\b(writeFileDurably|writeFile|writeFileSync|createWriteStream|copyFile|copyFileSync|appendFile|appendFileSync)\s*\(/;

  it('only the gate and the storage layer write files; every road out calls the gate', () => {
    const writers = sourceFiles(MAIN)
      .filter((path) => WRITES.test(readFileSync(path, 'utf8')))
      .map((path) => relative(MAIN, path))
      .sort();
    expect(writers.filter((path) => !allowedToWrite.has(path))).toEqual([]);
    const throughGate = sourceFiles(MAIN)
      .filter((path) => /\bwriteOutgoing\s*\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(MAIN, path))
      .sort();
    // Exports (window and command line), hand-off packages, XLIFF/TBX (command line), the glossary,
    // the published recording.
    expect(throughGate).toEqual(['cli.ts', 'services/export/export-interview.ts', 'services/export/gate.ts', 'services/export/recording-export.ts', 'services/handlers.ts', 'services/handoff/handoff.ts']);
  });
});

describe('every export format passes both leak checks', () => {
  it.each(exportFormats.filter((format) => format !== 'docx-review'))('%s: a near-spelling the replacer does not know is refused, naming the segment, not the text around it', async (format) => {
    const interview = interviewWithNames();
    interview.segments[5]!.translation = 'The winter we left Heoryong was cold.';
    interview.segments[5]!.source = '헤오룡을 떠난 그 겨울은 추웠어요.';
    interview.article.blocks[5] = { ...interview.article.blocks[5]!, text: 'The winter we left Heoryong was cold.' } as (typeof interview.article.blocks)[number];
    const attempt = prepareExport(interview, defaultSettings, { format, language: 'target', includeOpenQueries: true, allowUnlisted: true, allowIncomplete: true }, []);
    await expect(attempt).rejects.toMatchObject({ code: 'leak' });
    await expect(attempt).rejects.toThrow(/“Heoryong”, which sounds like sensitive term 3 \(replaced by “a border city”\)/);
    await expect(attempt).rejects.toThrow(/segment 6 \(translation\)/);
    await expect(attempt).rejects.not.toThrow(/winter|cold/);
  });

  // Two roads the check by sound could not see: a Korean particle written straight after a
  // romanised name made one unreadable word of both, and in a Word table the speaker's cell ran
  // into the text's ("NarratorHeoryong").
  it.each(['txt', 'docx-transcript', 'srt', 'vtt', 'docx-bilingual', 'eaf', 'ohms'] as const)('%s: a romanised near-spelling with a Korean particle attached, in the source, is refused', async (format) => {
    const interview = interviewWithNames();
    interview.segments[5]!.source = 'Heoryong을 떠난 그 겨울은 추웠어요.';
    const attempt = prepareExport(interview, defaultSettings, { format, language: 'source', allowUnlisted: true }, []);
    await expect(attempt).rejects.toThrow(/“Heoryong”, which sounds like sensitive term 3/);
  });

  it('the narrator’s review copy (Korean only): a near-spelling in the source is refused the same way', async () => {
    const interview = interviewWithNames();
    interview.segments[5]!.source = 'Heoryong을 떠난 그 겨울은 추웠어요.';
    const attempt = prepareExport(interview, defaultSettings, { format: 'docx-review', allowUnlisted: true }, []);
    await expect(attempt).rejects.toMatchObject({ code: 'leak' });
    await expect(attempt).rejects.toThrow(/“Heoryong”, which sounds like sensitive term 3/);
    await expect(attempt).rejects.toThrow(/segment 6 \(source\)/);
  });
});

describe('XLIFF for an outside translator', () => {
  const interview = interviewWithNames();
  const terms = redactionTerms(interview);

  it('carries every name as an x-redacted placeholder, no name in any spelling, and is valid XLIFF 1.2 (strict schema)', async () => {
    const xliff = buildXliff(interview, { redact: terms });
    expect(xliff).toContain('<x id="r2-1" ctype="x-redacted" equiv-text="[her mother]"/> is my mother.');
    expect(xliff).toContain('<x id="r2-1" ctype="x-redacted" equiv-text="[어머니]"/>는 제 어머니예요.');
    for (const name of ['박영희', 'Park Young-hee', 'Hoeryong', '최순희', 'Choi Soon-hee', 'Young-hee']) expect(xliff).not.toContain(name);
    // The translator's note about the mother is redacted too.
    expect(xliff).toContain('<note from="translator">[her mother] is her mother.</note>');
    expect(await schemaErrors('xliff', xliff)).toEqual([]);
  });

  it('round-trips: a placeholder the CAT tool kept comes back as the replacement; untouched units change nothing', () => {
    const xliff = buildXliff(interview, { redact: terms });
    // The translator rewrites the first unit, keeping the placeholder (as CAT tools do), in a group.
    const translated = xliff
      .replace(/(<trans-unit id="seg-0"[\s\S]*?<target xml:lang="en" state="[^"]*">)[\s\S]*?(<\/target>)/, '$1My mother is <x id="r2-1" ctype="x-redacted" equiv-text="[her mother]"/>, <g id="1">truly</g> 007.$2')
      .replace('<trans-unit id="seg-0"', '<group id="g1"><trans-unit id="seg-0"')
      .replace(/(<trans-unit id="seg-0"[\s\S]*?<\/trans-unit>)/, '$1</group>');
    expect(XMLValidator.validate(translated)).toBe(true);
    const units = readXliff(translated, interview.id);
    expect(units[0]).toMatchObject({ id: 'seg-0', target: 'My mother is [her mother], truly 007.' });
    const { merged, conflicts } = importXliff(interview, interview, units, 'outside translator');
    expect(conflicts).toEqual([]);
    expect(merged.segments[0]!.translation).toBe('My mother is [her mother], truly 007.');
    // Every other unit came back as it went out (names as placeholders): nothing changed there.
    expect(merged.segments.slice(1).map((segment) => segment.translation)).toEqual(interview.segments.slice(1).map((segment) => segment.translation));
  });

  it('TBX leaves out an entry that is itself a listed name and redacts names in notes', () => {
    const tbx = buildTbx(
      [
        { id: 'glo-1', korean: '회령', english: 'Hoeryong', avoid: [], note: '' },
        { id: 'glo-2', korean: '장마당', english: 'jangmadang (market)', avoid: [], note: 'Park Young-hee sold noodles there' },
      ],
      interview.languages,
      { redact: terms },
    );
    expect(tbx).not.toContain('Hoeryong');
    expect(tbx).not.toContain('회령');
    expect(tbx).toContain('<note>[her mother] sold noodles there</note>');
    expect(tbx).toContain('장마당');
  });

  it('for the team, asked for by name, is as it is', () => {
    expect(buildXliff(interview)).toContain('Park Young-hee is my mother.');
  });
});
