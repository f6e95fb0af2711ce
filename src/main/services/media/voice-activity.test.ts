import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryAgreement, detectSpeech } from './voice-activity';

const resourcesDir = resolve(__dirname, '../../../../resources');

describe('voice activity proposal', () => {
  it('finds the sample’s true pauses: most boundaries within 0.3 s', async () => {
    const progress: number[] = [];
    const spans = await detectSpeech({
      recording: resolve(resourcesDir, 'sample/recording.ogg'),
      resourcesDir,
      expectedSeconds: 124.78,
      onProgress: (fraction) => progress.push(fraction),
    });
    const truth = JSON.parse(await readFile(resolve(resourcesDir, 'sample/timings.json'), 'utf8')).segments;
    const agreement = boundaryAgreement(spans, truth);
    console.log(`VAD on the sample: ${spans.length} spans for ${truth.length} lines; ${agreement.matched}/${agreement.total} boundaries within 0.3 s; worst ${agreement.worst.toFixed(3)} s`);
    expect(agreement.matched / agreement.total).toBeGreaterThanOrEqual(0.8);
    expect(progress.at(-1)).toBeGreaterThan(0.9);
  }, 60_000);

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = detectSpeech({
      recording: resolve(resourcesDir, 'sample/recording.ogg'),
      resourcesDir,
      expectedSeconds: 124.78,
      onProgress: (fraction) => fraction > 0.2 && controller.abort(),
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow();
  }, 60_000);

  it('scores agreement against true boundaries', () => {
    expect(boundaryAgreement([{ start: 0.5, end: 2.1 }], [{ start: 0.6, end: 2.5 }])).toEqual({ matched: 1, total: 2, worst: 0.3999999999999999 });
  });
});
