// Every export format of a three-hour, 10,000-segment interview with real text (varied Korean
// and English, two listed names in many spellings, an article), through the command line as an
// archive's script would run it: a fresh process that opens the library, reads and validates the
// interview, redacts, checks for leaks and writes the file. From a plain library and from an
// encrypted one (age's work factor, so one unlock per command), plain and encrypted alternating.
// Goals (issue #21): every format under 2 s and 300 MB from a plain library; from an encrypted
// one within 1.5× the plain one's CPU. Needs `npm run build` first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { realisticInterview } from './fixtures';
import { measuredNode, printedLines, setUpLibrary, testimonyCli, type MeasuredRun } from './measured-process';

const PASSPHRASE = 'correct horse battery staple 장마당';
const COUNT = 10_000;

type Run = MeasuredRun & { lines: number };

function run(args: string[]): Run {
  const result = measuredNode([testimonyCli, ...args], { ...process.env, BENCH_PASSPHRASE: PASSPHRASE });
  if (result.status !== 0) throw new Error(`${args.slice(0, 1).join(' ')} failed (${result.status}): ${result.stderr.slice(-400)}`);
  return { ...result, lines: printedLines(result) };
}

const formats = [
  ['docx-article', 'article.docx'],
  ['docx-bilingual', 'bilingual.docx'],
  ['docx-transcript', 'transcript.docx'],
  ['srt', 'subtitles.srt'],
  ['vtt', 'subtitles.vtt'],
  ['txt', 'transcript.txt'],
  ['md', 'transcript.md'],
  ['eaf', 'transcript.eaf'],
  ['ohms', 'ohms.xml'],
  ['xliff', 'translation.xlf'],
] as const;

describe('every format by the command line', () => {
  bench(
    `${COUNT.toLocaleString('en')} segments of real text, plain and encrypted library, fresh process`,
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'bench-formats-'));
      const libraries = { plain: join(work, 'plain'), encrypted: join(work, 'encrypted') };
      const ids: Record<string, string> = {};
      process.env.BENCH_PASSPHRASE = PASSPHRASE;
      for (const [kind, dataDir] of Object.entries(libraries)) {
        await setUpLibrary(dataDir, kind === 'plain' ? null : 'BENCH_PASSPHRASE', async (library) => {
          ids[kind] = (await library.addCopy(realisticInterview('real', COUNT), null)).id;
        });
      }
      const exportArgs = (kind: 'plain' | 'encrypted', format: string, file: string) => {
        const library = ['--data-dir', libraries[kind], '--interview', ids[kind]!, ...(kind === 'encrypted' ? ['--passphrase-env', 'BENCH_PASSPHRASE'] : [])];
        const out = join(work, `${kind}-${file}`);
        return format === 'xliff' ? ['xliff', 'export', ...library, '--out', out, '--allow-unlisted'] : ['export', ...library, '--format', format, '--out', out, '--allow-unlisted'];
      };
      const missed: string[] = [];
      formats.forEach(([format, file], index) => {
        const order: ('plain' | 'encrypted')[] = index % 2 === 0 ? ['plain', 'encrypted'] : ['encrypted', 'plain'];
        const results = Object.fromEntries(order.map((kind) => [kind, run(exportArgs(kind, format, file))])) as Record<'plain' | 'encrypted', Run>;
        const { plain, encrypted } = results;
        const ratio = encrypted.cpuMs / plain.cpuMs;
        const met = plain.ms < 2000 && plain.peakMiB < 300 && ratio <= 1.5;
        if (!met) missed.push(format);
        console.log(
          `${format.padEnd(15)} plain ${plain.ms.toFixed(0).padStart(5)} ms, ${plain.peakMiB.toFixed(0).padStart(3)} MiB, CPU ${plain.cpuMs.toFixed(0).padStart(5)} ms | encrypted ${encrypted.ms.toFixed(0).padStart(5)} ms, ${encrypted.peakMiB.toFixed(0).padStart(3)} MiB, CPU ${ratio.toFixed(2)}× plain | ${plain.lines} lines on stderr (goal < 2,000 ms, < 300 MB, encrypted CPU ≤ 1.5×)${met ? '' : '  ← missed'}`,
        );
      });
      console.log(missed.length === 0 ? 'every format met its goals' : `goals missed by: ${missed.join(', ')}`);
      await rm(work, { recursive: true, force: true });
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
