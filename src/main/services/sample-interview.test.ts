import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusByWork } from '../../shared/workflow-status';
import { detectSpeech } from './media/voice-activity';
import { readSampleInterview } from './sample-interview';

const resourcesDir = resolve(__dirname, '../../../resources');

describe('the shipped sample interview', () => {
  it('is a valid Korean interview with English translations, two speakers and about 20 segments', async () => {
    const { interview, recordingPath } = await readSampleInterview(resourcesDir);
    expect(interview.languages).toEqual({ source: 'ko', target: 'en' });
    expect(interview.speakers).toHaveLength(2);
    expect(interview.segments).toHaveLength(20);
    for (const segment of interview.segments) {
      expect(segment.source).toMatch(/[가-힣]/);
      expect(segment.translation).toMatch(/[A-Za-z]/);
    }
    expect((await stat(recordingPath!)).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('has the status its work gives, before and after its speech is known (so opening it never moves it)', async () => {
    const { interview, recordingPath } = await readSampleInterview(resourcesDir);
    const speech = await detectSpeech({ recording: recordingPath!, resourcesDir, expectedSeconds: 125, onProgress: () => undefined });
    expect(statusByWork(interview, null)).toBe(interview.status);
    expect(statusByWork(interview, speech)).toBe(interview.status);
  }, 60_000);

  it('keeps true timings beside it that match its segments, in order and inside the recording', async () => {
    const { interview } = await readSampleInterview(resourcesDir);
    const timings = JSON.parse(await readFile(join(resourcesDir, 'sample/timings.json'), 'utf8')).segments;
    expect(timings.map((t: { id: string }) => t.id)).toEqual(interview.segments.map((s) => s.id));
    let previousEnd = 0;
    for (const [index, timing] of timings.entries()) {
      expect(timing.start).toBeGreaterThan(previousEnd);
      expect(timing.end).toBeGreaterThan(timing.start);
      expect(interview.segments[index]).toMatchObject({ start: timing.start, end: timing.end });
      previousEnd = timing.end;
    }
    expect(previousEnd).toBeLessThan(interview.recording!.durationSeconds!);
  });
});
