// Everything the main side does, as one object whose methods are the contract's channels. Both
// transports (Electron IPC and the test bridge) call exactly these through dispatch().
import type { ChannelName, EventName } from '../../shared/channels';
import type { ChannelArgs, ChannelResult, EventPayload } from '../../shared/contract';
import { Library } from './library';
import { readSampleInterview } from './sample-interview';

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type HandlerOptions = {
  dataDir: string;
  resourcesDir: string;
  version: string;
  mediaBaseUrl: string;
  emit?: EventSink;
  now?: () => Date;
};

export type Handlers = {
  [C in ChannelName]: (args: ChannelArgs<C>) => Promise<ChannelResult<C>>;
};

export async function createHandlers(options: HandlerOptions): Promise<Handlers> {
  const library = await Library.open(options.dataDir, options.now);
  const emit: EventSink = options.emit ?? (() => undefined);
  const libraryChanged = () => emit('library.changed', {});

  return {
    'app.info': async () => ({ dataDir: library.dataDir, version: options.version, mediaBaseUrl: options.mediaBaseUrl, libraryProblem: library.libraryProblem }),
    'library.list': () => library.list(),
    'interview.create': async ({ title }) => {
      const interview = await library.create(title);
      libraryChanged();
      return interview;
    },
    'interview.get': ({ id }) => library.get(id),
    'interview.save': ({ interview }) => library.save(interview),
    'interview.delete': async ({ id }) => {
      await library.delete(id);
      libraryChanged();
      return {};
    },
    'sample.open': async () => {
      const sample = await readSampleInterview(options.resourcesDir);
      const interview = await library.addCopy(sample.interview, sample.recordingPath);
      libraryChanged();
      return interview;
    },
    'settings.get': async () => library.settings,
    'settings.update': (patch) => library.updateSettings(patch),
  };
}
