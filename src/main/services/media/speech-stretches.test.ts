import { copyFile, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Interview } from '../../../shared/interview';
import { transcriptCoverage } from '../../../shared/coverage';
import { statusReason } from '../../../shared/workflow-status';
import { FileStore } from '../storage/file-store';
import { cachedSpeech, recordingSpeech, speechFileName } from './speech-stretches';

const resourcesDir = resolve(__dirname, '../../../../resources');
const sampleInterview = async () => Interview.parse(JSON.parse(await readFile(join(resourcesDir, 'sample', 'interview.json'), 'utf8')));
let dataDir: string;
const interviewId = 'int-speech';
const recording = { fileName: 'recording.ogg', mimeType: 'audio/ogg', durationSeconds: 124.78 };
const store = new FileStore(null);

beforeAll(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'speech-')), 'library');
  const media = join(dataDir, 'interviews', interviewId, 'media');
  await mkdir(media, { recursive: true });
  await copyFile(join(resourcesDir, 'sample', 'recording.ogg'), join(media, 'recording.ogg'));
});

describe('the recording’s stretches of speech', () => {
  it('are found once, kept beside the recording, and read back without listening again', async () => {
    expect(await cachedSpeech(dataDir, interviewId, recording, store)).toBeNull();
    const found = await recordingSpeech({ dataDir, interviewId, recording, store, resourcesDir, onProgress: () => undefined });
    expect(found.length).toBeGreaterThan(10);
    expect(await readdir(join(dataDir, 'interviews', interviewId, 'media'))).toEqual(['recording.ogg', speechFileName('recording.ogg')]);
    // A second time comes from the file: with no voice model to be found, it still answers.
    const again = await recordingSpeech({ dataDir, interviewId, recording, store, resourcesDir: '/nowhere', onProgress: () => undefined });
    expect(again).toEqual(found);
  }, 60_000);

  it('make the sample’s full transcript count as transcribed, though its pauses leave the recording 85 % covered', async () => {
    const sample = await sampleInterview();
    const speech = await recordingSpeech({ dataDir, interviewId, recording, store, resourcesDir, onProgress: () => undefined });
    expect(transcriptCoverage(sample.segments, sample.recording!.durationSeconds)).toBeLessThan(0.9);
    expect(statusReason(sample, speech).status).not.toBe('transcribing');
    // Take away two answers: the status says which speech has no text, and where it starts.
    const missing = sample.segments.filter((_, index) => index !== 5 && index !== 11);
    const reason = statusReason({ ...sample, segments: missing }, speech);
    expect(reason).toMatchObject({ status: 'transcribing', kind: 'speech-without-text', count: 2 });
    expect(reason.kind === 'speech-without-text' && Math.abs(reason.first - sample.segments[5]!.start)).toBeLessThan(1.5);
  }, 60_000);
});
