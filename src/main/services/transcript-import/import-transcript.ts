// Picks the importer by file name and content, and turns cues into segments and speakers.
import type { Segment, Speaker } from '../../../shared/interview';
import { withoutControlCharacters } from './import-limits';
import { cleanedText } from './text-hygiene';
import { newSegment } from '../../../shared/interview';
import type { ImportedTranscript } from './imported-transcript';
import { parseOtr } from './otranscribe';
import { parsePlainText } from './plain-text';
import { parseSrt, parseVtt } from './subtitles';

export type TranscriptFormat = 'srt' | 'vtt' | 'txt' | 'otr';

export function detectTranscriptFormat(fileName: string, text: string): TranscriptFormat {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'srt' || extension === 'vtt' || extension === 'otr') return extension;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('WEBVTT')) return 'vtt';
  if (start.startsWith('{')) return 'otr';
  if (/\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s+-->/.test(start.slice(0, 500))) return 'srt';
  return 'txt';
}

export function parseTranscript(fileName: string, text: string): ImportedTranscript & { format: TranscriptFormat } {
  const format = detectTranscriptFormat(fileName, text);
  const parse = { srt: parseSrt, vtt: parseVtt, txt: parsePlainText, otr: parseOtr }[format];
  const parsed = parse(text);
  // Characters nobody said are taken out (or made spaces) here, and each cue that lost some says how many.
  const adjusted = [...parsed.adjusted];
  const cues = parsed.cues.map((cue) => {
    const spoken = cleanedText(cue.text);
    const speaker = cue.speaker === null ? null : cleanedText(cue.speaker);
    const changes = spoken.changes + (speaker?.changes ?? 0);
    if (changes > 0) adjusted.push({ line: cue.line, reason: `${changes} invisible or control character${changes === 1 ? '' : 's'} removed or made a space` });
    return { ...cue, text: spoken.text, speaker: speaker ? speaker.text : null };
  });
  return { ...parsed, cues, adjusted: adjusted.sort((a, b) => a.line - b.line), format };
}

const palette = ['#2f5d8a', '#b5651d', '#2e7d43', '#7b3f98', '#a33a2c', '#3c7f86', '#8a6d1d', '#5b5b5b'];

/** Segments and speakers for an interview, reusing speakers it already has by name. */
export function toSegments(
  transcript: ImportedTranscript,
  existingSpeakers: readonly Speaker[],
  newId: (prefix: string) => string,
): { segments: Segment[]; speakers: Speaker[] } {
  const speakers = [...existingSpeakers];
  const speakerFor = (name: string | null): string | null => {
    if (!name) return null;
    const known = speakers.find((speaker) => speaker.name.normalize('NFC') === name.normalize('NFC'));
    if (known) return known.id;
    const speaker = { id: newId('spk'), name: withoutControlCharacters(name).slice(0, 100), color: palette[speakers.length % palette.length]! };
    speakers.push(speaker);
    return speaker.id;
  };
  const segments = transcript.cues.map((cue) =>
    newSegment({ id: newId('seg'), start: cue.start, end: cue.end ?? cue.start, speakerId: speakerFor(cue.speaker), source: withoutControlCharacters(cue.text) }),
  );
  return { segments, speakers };
}
