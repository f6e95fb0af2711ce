// Waveform peaks for a three-hour MP3, decoded as a stream: time and extra memory. The recording
// is made once from the sample (ffmpeg) and kept between runs (bench/media.ts).
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { computePeaks } from '../src/main/services/media/peaks';
import { probeMedia } from '../src/main/services/media/probe';
import { detectSpeech } from '../src/main/services/media/voice-activity';
import { threeHourRecording } from './media';

const threeHours = threeHourRecording();
const probed = await probeMedia(threeHours);
const probe = { ...probed, durationSeconds: probed.durationSeconds ?? 1 };

describe(`three-hour recording (${(probe.durationSeconds / 3600).toFixed(2)} h MP3)`, () => {
  bench(
    'waveform peaks, streaming decode',
    async () => {
      const before = process.memoryUsage().rss;
      let highest = before;
      const sampler = setInterval(() => (highest = Math.max(highest, process.memoryUsage().rss)), 50);
      const started = performance.now();
      const result = await computePeaks(threeHours, probe.durationSeconds, () => undefined);
      clearInterval(sampler);
      console.log(
        `peaks: ${((performance.now() - started) / 1000).toFixed(1)} s, extra memory ${((highest - before) / 2 ** 20).toFixed(0)} MiB, ${(result.peaks.data.length / 2 ** 20).toFixed(1)} MiB of peaks`,
      );
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );

  bench(
    'voice-activity proposal over the whole recording',
    async () => {
      const started = performance.now();
      const spans = await detectSpeech({ recording: threeHours, resourcesDir: resolve(__dirname, '../resources'), expectedSeconds: probe.durationSeconds, onProgress: () => undefined });
      console.log(`VAD: ${((performance.now() - started) / 1000).toFixed(1)} s for ${spans.length} speech spans`);
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
