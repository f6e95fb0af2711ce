import { extname } from 'node:path';

/** What the app accepts as a recording: audio files, and the audio of mp4/mov videos. */
export const recordingExtensions = ['mp3', 'm4a', 'aac', 'wav', 'ogg', 'oga', 'opus', 'flac', 'webm', 'mp4', 'mov'];

const mediaTypes: Record<string, string> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  webm: 'audio/webm',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

export const mediaTypeOf = (fileName: string): string => mediaTypes[extname(fileName).toLowerCase().slice(1)] ?? 'application/octet-stream';
