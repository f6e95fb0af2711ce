import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSegment } from '../shared/interview';
import { runTranscribe } from './cli-transcribe';
import { Library } from './services/library';
import { importRecording } from './services/media/import-recording';
import { FileStore } from './services/storage/file-store';
import { builtWorkerEntry, makeModel, sampleRecording, vadModelPath } from './services/speech/test-support/speech-test-support';

describe('testimony transcribe', () => {
  let directory: string;
  let dataDir: string;
  let model: string;
  let interviewId: string;
  const output = { out: [] as string[], err: [] as string[] };
  const io = { out: (line: string) => output.out.push(line), err: (line: string) => output.err.push(line) };
  const run = (args: string[]) => runTranscribe(args, io, 'usage', { workerEntry: builtWorkerEntry(), vadModel: vadModelPath });

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'cli-transcribe-'));
    dataDir = join(directory, 'library');
    model = await makeModel(directory, 'ggml-random.bin');
    const library = await Library.open(dataDir);
    const created = await library.create('Draft me');
    const recording = await importRecording({ dataDir, interviewId: created.id, sourcePath: sampleRecording, onProgress: () => undefined, store: new FileStore(null) });
    // A transcriber already typed 18–34 s; the draft must leave that alone.
    const typed = [
      newSegment({ id: 'seg-typed-1', start: 18.4, end: 21.2, source: '제가 직접 쓴 문장입니다.' }),
      newSegment({ id: 'seg-typed-2', start: 22.1, end: 34, source: '이것도 사람이 쓴 것입니다.' }),
    ];
    await library.save({ ...(await library.get(created.id)), recording, segments: typed });
    interviewId = created.id;
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('adds proposals as segments on uncovered stretches only, printing progress to stderr', async () => {
    const code = await run(['--data-dir', dataDir, '--interview', interviewId, '--model', model, '--range', '0:10-1:00']);
    expect(output.err.join('\n')).not.toMatch(/failed/);
    expect(code).toBe(0);
    const interview = await (await Library.open(dataDir)).get(interviewId);
    const typed = interview.segments.filter((segment) => segment.id.startsWith('seg-typed'));
    expect(typed.map((segment) => segment.source)).toEqual(['제가 직접 쓴 문장입니다.', '이것도 사람이 쓴 것입니다.']);
    const added = interview.segments.filter((segment) => !segment.id.startsWith('seg-typed'));
    expect(added.length).toBe(Number(output.out.at(-1)));
    expect(added.length).toBeGreaterThan(0);
    for (const segment of added) {
      expect(segment.source.trim()).not.toBe('');
      expect(segment.start).toBeGreaterThanOrEqual(10);
      expect(segment.end).toBeLessThanOrEqual(60);
      // Never over the typed 18.4–34 s.
      expect(segment.end <= 18.4 || segment.start >= 34).toBe(true);
    }
    expect(output.err[0]).toMatch(/^Drafting 00:00:34 of audio with ggml-random.bin \(custom, f16\)\.$/);
    expect(output.err.filter((line) => /^\d+% \(\d+ s\)$/.test(line)).length).toBeGreaterThan(1);
    expect(output.err.filter((line) => line.startsWith('100%'))).toHaveLength(1);
    expect(output.err.at(-1)).toMatch(/^Added \d+ segments from \d+ stretches of speech in \d+ s\.$/);
  }, 60_000);

  it('refuses an English-only model and explains a bad range', async () => {
    const english = await makeModel(directory, 'ggml-random.en.bin', { vocabulary: 51_864 });
    output.err.length = 0;
    expect(await run(['--data-dir', dataDir, '--interview', interviewId, '--model', english])).toBe(1);
    expect(output.err.join('\n')).toMatch(/English-only model/);
    expect(await run(['--data-dir', dataDir, '--interview', interviewId, '--model', model, '--range', '4:00-1:00'])).toBe(2);
    expect(output.err.at(-1)).toMatch(/--range takes two times/);
  }, 60_000);
});
