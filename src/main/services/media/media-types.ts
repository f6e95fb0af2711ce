import { extname } from 'node:path';

export { recordingExtensions } from '../../../shared/media';

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
