// Publishing a three-hour recording (issue #22): every spoken listed name of a 10,000-segment
// interview confirmed (a few hundred stretches) and every withdrawn passage silenced, the voice
// disguised, encoded to Ogg Opus, from a plain and from an encrypted library, as the command line
// runs it (a fresh process). Memory must stay flat: the same export of a ten-minute recording is
// the baseline, run in the same benchmark.
// Goals: under 2 minutes on two cores; peak memory within 50 MB of the ten-minute export's from
// the same kind of library.
// Needs `npm run build` first.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import type { Interview } from '../src/shared/interview';
import { redactionTerms } from '../src/shared/redaction';
import { nameOccurrences, withDecision } from '../src/shared/spoken-names';
import { realisticInterview } from './fixtures';
import { tenMinuteRecording, threeHourRecording } from './media';
import { measuredNode, setUpLibrary, testimonyCli } from './measured-process';

const PASSPHRASE = 'correct horse battery staple 장마당';

/** The interview over `seconds` of recording, consent to audio given, every spoken name confirmed, two passages withdrawn. */
function publishable(seconds: number): { interview: Interview; names: number } {
  const count = Math.round((10_000 * seconds) / (3 * 3600));
  let interview = realisticInterview('publish', count);
  interview.consent = { ...interview.consent, given: { date: '2026-11-30', how: 'written', takenBy: 'bench' }, scope: ['text', 'translation', 'article', 'audio'] };
  interview.segments = interview.segments.map((segment, index) => (index === 5 || index === 6 ? { ...segment, narratorAnswer: 'withdraw' } : segment));
  const occurrences = nameOccurrences(interview, redactionTerms(interview));
  let next = 0;
  for (const occurrence of occurrences) interview = withDecision(interview, occurrence, { state: 'confirmed', ...occurrence.proposed }, () => `spn-${++next}`);
  return { interview, names: occurrences.length };
}

describe('publishing the recording', () => {
  bench(
    'three hours, names silenced, voice disguised, Ogg Opus, plain and encrypted, fresh process',
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'bench-publish-'));
      process.env.BENCH_PASSPHRASE = PASSPHRASE;
      const runs: { label: string; recording: string; seconds: number; encrypted: boolean }[] = [
        // The bench recordings are the sample (124.8 s) looped 5 and 87 times.
        { label: '10 min, plain', recording: tenMinuteRecording(), seconds: 5 * 124.8, encrypted: false },
        { label: '3 h, plain', recording: threeHourRecording(), seconds: 87 * 124.8, encrypted: false },
        { label: '10 min, encrypted', recording: tenMinuteRecording(), seconds: 5 * 124.8, encrypted: true },
        { label: '3 h, encrypted', recording: threeHourRecording(), seconds: 87 * 124.8, encrypted: true },
      ];
      // Memory is flat when the three-hour run peaks near the ten-minute run of the same kind (an
      // encrypted library's unlock needs scrypt's 256 MiB whatever the recording: issue #21).
      const baselineMiB = { plain: 0, encrypted: 0 };
      for (const [index, run] of runs.entries()) {
        const dataDir = join(work, `library-${index}`);
        let id = '';
        let names = 0;
        await setUpLibrary(dataDir, run.encrypted ? 'BENCH_PASSPHRASE' : null, async (library) => {
          const made = publishable(run.seconds);
          names = made.names;
          made.interview.recording = { fileName: 'recording.mp3', mimeType: 'audio/mpeg', durationSeconds: run.seconds };
          id = (await library.addCopy(made.interview, run.recording)).id;
        });
        const out = join(work, `published-${index}.ogg`);
        const result = measuredNode(
          [testimonyCli, 'export', '--data-dir', dataDir, '--interview', id, '--format', 'recording', '--out', out, '--disguise', '3', ...(run.encrypted ? ['--passphrase-env', 'BENCH_PASSPHRASE'] : [])],
          { ...process.env, BENCH_PASSPHRASE: PASSPHRASE },
        );
        if (result.status !== 0) throw new Error(`publishing failed (${result.status}): ${result.stderr.slice(-400)}`);
        const kind = run.encrypted ? 'encrypted' : 'plain';
        if (run.seconds < 3600) baselineMiB[kind] = result.peakMiB;
        const size = (await stat(out)).size / 2 ** 20;
        const long = run.seconds > 3600;
        const over = result.peakMiB - baselineMiB[kind];
        const met = !long || (result.ms < 120_000 && over <= 50);
        console.log(
          `${run.label.padEnd(18)} ${(result.ms / 1000).toFixed(1).padStart(6)} s (Node's own CPU ${(result.cpuMs / 1000).toFixed(1)} s; ffmpeg's not counted), peak ${result.peakMiB.toFixed(0)} MiB (${long ? `${over.toFixed(0)} MiB over the 10-minute ${kind} run` : 'baseline'}), ${names} spoken names silenced, ${size.toFixed(1)} MiB written${long ? `  (goal < 120 s, ≤ +50 MB)${met ? '' : '  ← missed'}` : ''}`,
        );
      }
      await rm(work, { recursive: true, force: true });
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
