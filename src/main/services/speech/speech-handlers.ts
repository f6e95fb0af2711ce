// The speech channels: the models the user brought, and drafts made with them. Split from
// handlers.ts because a draft owns a worker process, its progress and its cancellation.
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChannelParsedArgs, ChannelResult, SpeechModelList } from '../../../shared/contract';
import type { ChannelName } from '../../../shared/channels';
import { draftSpans, estimateRemainingMs, glossaryPrompt, type DraftProposal } from '../../../shared/speech';
import { recordingPath } from '../data-paths';
import { DeskError } from '../desk-error';
import type { OpenLibrary } from '../library-session';
import { runDraftJob, type DraftTimeouts } from './draft-job';
import { findSpeakers } from './find-speakers';
import { readKoreanCapableModel, readSpeechModelInfo } from './model-header';
import type { WorkerSpawner } from './worker-process';
import type { EventSink } from '../event-sink';

type SpeechChannel = Extract<ChannelName, `speech.${string}`>;
type SpeechHandlers = { [C in SpeechChannel]: (args: ChannelParsedArgs<C>) => Promise<ChannelResult<C>> };

/** Asks the user for a model file or a folder of them; null when they cancel. */
export type ModelChooser = (kind: 'file' | 'folder') => Promise<string | null>;

export type SpeechHandlerOptions = {
  dataDir: string;
  resourcesDir: string;
  open: () => OpenLibrary;
  emit: EventSink;
  chooseModel: ModelChooser;
  spawnWorker: WorkerSpawner;
  workerEntry: string;
  draftTimeouts?: DraftTimeouts;
};

const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function createSpeechHandlers(options: SpeechHandlerOptions): SpeechHandlers {
  const { open, emit } = options;
  const running = new Map<string, AbortController>();
  const findingSpeakers = new Map<string, AbortController>();
  const speechSettings = () => open().library.settings.speech;

  const list = async (): Promise<SpeechModelList> => {
    const settings = speechSettings();
    const models = await Promise.all(
      settings.models.map(async (path) => {
        try {
          return { path, fileName: fileNameOf(path), info: await readSpeechModelInfo(path), problem: null };
        } catch (error) {
          return { path, fileName: fileNameOf(path), info: null, problem: error instanceof DeskError ? error.message : 'This model could not be read.' };
        }
      }),
    );
    return { models, selectedModel: settings.selectedModel, glossaryPrompt: settings.glossaryPrompt, temperatureFallback: settings.temperatureFallback };
  };

  /** The model files a chosen path stands for: itself, or the *.bin files in a folder. */
  const candidates = async (chosen: string, kind: 'file' | 'folder'): Promise<string[]> => {
    if (kind === 'file') return [chosen];
    const names = await readdir(chosen).catch(() => {
      throw new DeskError('not-found', 'That folder could not be read.');
    });
    return names.filter((name) => name.toLowerCase().endsWith('.bin')).sort().map((name) => join(chosen, name));
  };

  return {
    'speech.models': list,
    'speech.addModels': async ({ kind }) => {
      const chosen = await options.chooseModel(kind);
      if (!chosen) return { ...(await list()), added: [], refused: [], cancelled: true };
      const paths = await candidates(chosen, kind);
      const refused: { fileName: string; reason: string }[] = [];
      if (paths.length === 0) refused.push({ fileName: fileNameOf(chosen), reason: 'There are no model files (ggml-*.bin) in this folder.' });
      const settings = speechSettings();
      const added: string[] = [];
      for (const path of paths) {
        if (settings.models.includes(path)) continue;
        try {
          await readKoreanCapableModel(path);
          added.push(path);
        } catch (error) {
          refused.push({ fileName: fileNameOf(path), reason: error instanceof DeskError ? error.message : 'This file could not be read.' });
        }
      }
      const models = [...settings.models, ...added];
      await open().library.updateSettings({ speech: { ...settings, models, selectedModel: settings.selectedModel ?? added[0] ?? null } });
      return { ...(await list()), added, refused, cancelled: false };
    },
    'speech.removeModel': async ({ path }) => {
      const settings = speechSettings();
      const models = settings.models.filter((model) => model !== path);
      const selectedModel = settings.selectedModel === path ? (models[0] ?? null) : settings.selectedModel;
      await open().library.updateSettings({ speech: { ...settings, models, selectedModel } });
      return list();
    },
    'speech.configure': async (patch) => {
      const settings = speechSettings();
      if (patch.selectedModel && !settings.models.includes(patch.selectedModel)) throw new DeskError('invalid-input', 'Add the model in Settings before choosing it.');
      await open().library.updateSettings({ speech: { ...settings, ...patch } });
      return list();
    },
    'speech.draft': async ({ id, scope, modelPath }) => {
      const { library, store } = open();
      const interview = await library.get(id);
      if (!interview.recording) throw new DeskError('not-found', 'Import the recording first: the draft is made from it.');
      const settings = speechSettings();
      const path = modelPath ?? settings.selectedModel ?? settings.models[0];
      if (!path || !settings.models.includes(path)) {
        throw new DeskError('refused', 'Add a speech model first (Settings → Speech models). The app never downloads one: the README says where people get them.');
      }
      await readKoreanCapableModel(path);
      const duration = interview.recording.durationSeconds ?? 0;
      const spans = draftSpans(scope, interview.segments, duration);
      if (spans.length === 0) {
        throw new DeskError('refused', scope === 'uncovered' ? 'Every part of the recording already has segments: there is nothing left to draft.' : 'That stretch of the recording is empty.');
      }
      running.get(id)?.abort();
      const controller = new AbortController();
      running.set(id, controller);
      const started = Date.now();
      let last = { fraction: 0, doneSeconds: 0, totalSeconds: spans.reduce((sum, span) => sum + span.end - span.start, 0) };
      let phase: 'loading' | 'transcribing' = 'loading';
      const send = (proposals: DraftProposal[]) => {
        const elapsedMs = Date.now() - started;
        emit('speech.progress', { interviewId: id, phase, ...last, elapsedMs, remainingMs: estimateRemainingMs(elapsedMs, last.fraction), proposals });
      };
      send([]);
      try {
        const prompt = settings.glossaryPrompt ? glossaryPrompt([...interview.glossary, ...library.glossary]) : '';
        const result = await runDraftJob({
          recording: await store.mediaInput(recordingPath(options.dataDir, interview)),
          spans,
          modelPath: path,
          vadModelPath: join(options.resourcesDir, 'models', 'silero_vad.onnx'),
          workerEntry: options.workerEntry,
          spawn: options.spawnWorker,
          language: interview.languages.source,
          prompt,
          temperatureFallback: settings.temperatureFallback,
          signal: controller.signal,
          timeouts: options.draftTimeouts,
          onProgress: (progress) => {
            phase = 'transcribing';
            last = progress;
            send([]);
          },
          onProposals: (proposals) => send(proposals),
        });
        return { proposals: result.proposals, windows: result.windows, audioSeconds: result.audioSeconds, elapsedMs: Date.now() - started };
      } finally {
        if (running.get(id) === controller) running.delete(id);
      }
    },
    'speech.cancel': async ({ id }) => {
      running.get(id)?.abort();
      return {};
    },
    'speech.findSpeakers': async ({ id, speakers }) => {
      const { library, store } = open();
      const interview = await library.get(id);
      if (!interview.recording) throw new DeskError('not-found', 'Import the recording first: speakers are found in it.');
      if (interview.segments.length === 0) throw new DeskError('refused', 'There are no segments yet: speakers are found for segments (propose them from pauses, or draft or import a transcript first).');
      findingSpeakers.get(id)?.abort();
      const controller = new AbortController();
      findingSpeakers.set(id, controller);
      try {
        return await findSpeakers(interview, {
          input: await store.mediaInput(recordingPath(options.dataDir, interview)),
          spawnWorker: options.spawnWorker,
          workerEntry: options.workerEntry,
          signal: controller.signal,
          ...(speakers === null ? {} : { speakers }),
          newId: () => `spk-${randomUUID()}`,
          onProgress: (fraction) => emit('speech.speakersProgress', { interviewId: id, fraction }),
        });
      } finally {
        if (findingSpeakers.get(id) === controller) findingSpeakers.delete(id);
      }
    },
    'speech.cancelSpeakers': async ({ id }) => {
      findingSpeakers.get(id)?.abort();
      return {};
    },
  };
}
