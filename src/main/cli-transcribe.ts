// `testimony transcribe`: a machine draft in batch. The proposals become segments, but only on
// stretches no segment covers yet (or the --range asked for, less what is covered), so typed
// work is never touched. Progress goes to stderr; transcript text is never printed.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { newSegment } from '../shared/interview';
import { draftSpans, glossaryPrompt, intersectSpans, uncoveredSpans } from '../shared/speech';
import { formatTimecode, parseClockTime } from '../shared/timecode';
import { withCliLibrary } from './cli-library';
import { recordingPath } from './services/data-paths';
import { DeskError } from './services/desk-error';
import { withStatusByKnownSpeech } from './services/media/speech-stretches';
import { runDraftJob } from './services/speech/draft-job';
import { readKoreanCapableModel } from './services/speech/model-header';
import { forkWorker } from './services/speech/worker-process';

export const TRANSCRIBE_USAGE = '  testimony transcribe --data-dir DIR --interview ID --model FILE [--range FROM-TO] [--no-glossary-prompt] [--passphrase-env VAR] [--break-lock]';

type Io = { out: (line: string) => void; err: (line: string) => void };

/** Where the built worker and the VAD model are: beside the built cli.js unless a test says otherwise. */
export type TranscribePaths = { workerEntry: string; vadModel: string };
const builtPaths = (): TranscribePaths => ({ workerEntry: join(__dirname, 'speech-worker.js'), vadModel: join(__dirname, '../../resources/models/silero_vad.onnx') });

export async function runTranscribe(args: readonly string[], io: Io, usage: string, paths: TranscribePaths = builtPaths()): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        'data-dir': { type: 'string' },
        'passphrase-env': { type: 'string' },
        'break-lock': { type: 'boolean', default: false },
        interview: { type: 'string' },
        model: { type: 'string' },
        range: { type: 'string' },
        'no-glossary-prompt': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const missing = (['data-dir', 'interview', 'model'] as const).filter((name) => !values[name]);
  let range: { start: number; end: number } | null = null;
  if (values.range) {
    const [from, to] = values.range.split(/-(?=[^-]*$)/);
    const start = parseClockTime(from ?? '');
    const end = parseClockTime(to ?? '');
    if (start === null || end === null || end <= start) {
      io.err(`--range takes two times, FROM-TO, such as 1:30-4:00 or 90-240.\n${usage}`);
      return 2;
    }
    range = { start, end };
  }
  if (missing.length > 0) {
    io.err(`Missing --${missing.join(', --')}.\n${usage}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir']!);
  if (!existsSync(dataDir)) {
    io.err(`There is no library folder at ${dataDir}.`);
    return 1;
  }
  const modelPath = resolve(values.model!);
  return withCliLibrary({ dataDir, breakLock: values['break-lock'], passphraseEnv: values['passphrase-env'], err: io.err }, io, 'Transcription', async ({ library, store }) => {
    const model = await readKoreanCapableModel(modelPath);
    const interview = await library.get(values.interview!);
    if (!interview.recording) throw new DeskError('not-found', 'This interview has no recording: import one first.');
    const duration = interview.recording.durationSeconds ?? 0;
    // Only what no segment covers, inside the range if one was given.
    const uncovered = uncoveredSpans(interview.segments, duration);
    const spans = range ? uncovered.flatMap((span) => intersectSpans(span, draftSpans(range, [], duration))) : uncovered;
    if (spans.length === 0) {
      io.err('Every part of the recording asked for already has segments: nothing to draft.');
      return 0;
    }
    io.err(`Drafting ${formatTimecode(spans.reduce((sum, span) => sum + span.end - span.start, 0))} of audio with ${model.fileName} (${model.family}, ${model.quantization}).`);
    const started = Date.now();
    let lastPercent = -1;
    const result = await runDraftJob({
      recording: await store.mediaInput(recordingPath(dataDir, interview)),
      spans,
      modelPath,
      vadModelPath: paths.vadModel,
      workerEntry: paths.workerEntry,
      spawn: forkWorker,
      language: interview.languages.source,
      prompt: values['no-glossary-prompt'] ? '' : glossaryPrompt([...interview.glossary, ...library.glossary]),
      temperatureFallback: library.settings.speech.temperatureFallback,
      signal: new AbortController().signal,
      onProgress: ({ fraction }) => {
        const percent = Math.floor(fraction * 100);
        if (percent >= lastPercent + 5 || (percent === 100 && lastPercent !== 100)) {
          lastPercent = percent;
          io.err(`${percent}% (${Math.round((Date.now() - started) / 1000)} s)`);
        }
      },
    });
    // Read again: the window may have saved while the draft ran; only free stretches are filled.
    const latest = await library.get(interview.id);
    const free = uncoveredSpans(latest.segments, duration);
    const added = result.proposals
      .filter((proposal) => free.some((span) => proposal.start >= span.start - 0.001 && proposal.end <= span.end + 0.001))
      .map((proposal) => newSegment({ id: `seg-${randomUUID()}`, start: proposal.start, end: proposal.end, source: proposal.text, machineText: proposal.text }));
    await library.save(await withStatusByKnownSpeech(dataDir, { ...latest, segments: [...latest.segments, ...added].sort((a, b) => a.start - b.start) }, store));
    io.err(`Added ${added.length} segments from ${result.windows} stretches of speech in ${Math.round((Date.now() - started) / 1000)} s.`);
    io.out(String(added.length));
    return 0;
  });
}
