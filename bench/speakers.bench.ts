// Finding speakers in a three-hour recording (issue #23): 10,000 segments' voices read in the
// speech worker from one streamed decode, then told apart there, as `testimony speakers` runs it
// (a fresh process). Memory must stay flat: the same command on ten minutes is the baseline.
// Goals: under 2 minutes on two cores; memory flat: what finding speakers adds to the process's
// peak over merely opening the same interview (`testimony consent --show`) stays within 50 MB of
// what it adds for ten minutes (the worker's own memory is not in this figure). Needs `npm run build` first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { realisticInterview } from './fixtures';
import { tenMinuteRecording, threeHourRecording } from './media';
import { measuredNode, setUpLibrary, testimonyCli } from './measured-process';

describe('finding speakers', () => {
  bench(
    'three hours, 10,000 segments, fresh process',
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'bench-speakers-'));
      const runs = [
        { label: '10 min', recording: tenMinuteRecording(), seconds: 5 * 124.8 },
        { label: '3 h', recording: threeHourRecording(), seconds: 87 * 124.8 },
      ];
      let baselineMiB = 0;
      for (const [index, run] of runs.entries()) {
        const dataDir = join(work, `library-${index}`);
        let id = '';
        const count = Math.round((10_000 * run.seconds) / (3 * 3600));
        await setUpLibrary(dataDir, null, async (library) => {
          // Segments laid over the recording's length, nobody speaking them yet.
          const interview = realisticInterview('speakers', count);
          const scale = run.seconds / (3 * 3600);
          interview.segments = interview.segments.map((segment) => ({ ...segment, start: segment.start * scale, end: segment.end * scale, speakerId: null }));
          interview.speakers = [];
          interview.recording = { fileName: 'recording.mp3', mimeType: 'audio/mpeg', durationSeconds: run.seconds };
          id = (await library.addCopy(interview, run.recording)).id;
        });
        const opened = measuredNode([testimonyCli, 'consent', '--data-dir', dataDir, '--interview', id, '--show']);
        const result = measuredNode([testimonyCli, 'speakers', '--data-dir', dataDir, '--interview', id, '--speakers', '2']);
        if (result.status !== 0) throw new Error(`speakers failed (${result.status}): ${result.stderr.slice(-400)}`);
        const added = result.peakMiB - opened.peakMiB;
        if (index === 0) baselineMiB = added;
        const summary = result.stderr.split('\n').find((line) => / segments given a speaker/.test(line)) ?? '';
        const long = run.seconds > 3600;
        const met = !long || (result.ms < 120_000 && added - baselineMiB <= 50);
        console.log(
          `${run.label.padEnd(7)} ${count.toLocaleString('en')} segments: ${(result.ms / 1000).toFixed(1)} s, peak ${result.peakMiB.toFixed(0)} MiB, ${added.toFixed(0)} MiB over opening the interview (${opened.peakMiB.toFixed(0)} MiB)${long ? `, ${(added - baselineMiB).toFixed(0)} MiB more than for 10 min  (goal < 120 s, ≤ +50 MB)${met ? '' : '  ← missed'}` : ' (baseline)'} — ${summary.trim()}`,
        );
      }
      await rm(work, { recursive: true, force: true });
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
