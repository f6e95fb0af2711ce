// The names of every request the renderer can make. Kept apart from the schemas so the preload
// bundle stays tiny; contract.ts is type-checked to cover exactly these names.
export const channelNames = [
  'app.info',
  'library.status',
  'library.setup',
  'library.unlock',
  'library.lock',
  'library.changePassphrase',
  'library.encrypt',
  'library.list',
  'library.search',
  'interview.create',
  'interview.get',
  'interview.save',
  'interview.saveChanges',
  'interview.delete',
  'sample.open',
  'settings.get',
  'settings.update',
  'export.save',
  'export.review',
  'recording.publish',
  'recording.preview',
  'package.send',
  'package.open',
  'package.openDropped',
  'package.accept',
  'interview.undoMerge',
  'library.recipient',
  'glossary.get',
  'glossary.save',
  'glossary.import',
  'glossary.export',
  'memory.lookup',
  'media.import',
  'media.peaks',
  'transcript.import',
  'vad.propose',
  'vad.cancel',
  'media.speech',
  'speech.models',
  'speech.addModels',
  'speech.removeModel',
  'speech.configure',
  'speech.draft',
  'speech.cancel',
  'speech.findSpeakers',
  'speech.cancelSpeakers',
  'media.uploadBegin',
  'media.uploadChunk',
  'media.uploadFinish',
  'media.uploadCancel',
] as const;
export type ChannelName = (typeof channelNames)[number];

/** Events the main side pushes to the renderer. */
export const eventNames = ['library.changed', 'media.progress', 'vad.progress', 'speech.progress', 'speech.speakersProgress'] as const;
export type EventName = (typeof eventNames)[number];

/** The one IPC channel main → renderer events travel on. */
export const EVENT_CHANNEL = 'desk:event';
