// SRT and WebVTT: blocks of an optional number or id, a timing line, and text. WebVTT voice tags
// (<v Name>) become speakers; in SRT a leading "Name:" does.
import { parseCueTime } from '../../../shared/timecode';
import { normalizeText, settleTimes, splitSpeaker, type ImportedCue, type ImportedTranscript, type ImportNotice } from './imported-transcript';

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/;

type Block = { line: number; lines: string[] };

function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((text, index) => {
    if (text.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(text);
  });
  return blocks;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function parseCues(blocks: Block[], kind: 'srt' | 'vtt'): ImportedTranscript {
  const cues: ImportedCue[] = [];
  const skipped: ImportNotice[] = [];
  for (const block of blocks) {
    const timingAt = block.lines.findIndex((line) => TIMING.test(line));
    if (timingAt === -1) {
      // A stray number on its own, or text without a timing line: nothing to place on the recording.
      skipped.push({ line: block.line, reason: /^\d+$/.test(block.lines.join('').trim()) ? 'a cue number with no cue' : 'no timing line' });
      continue;
    }
    const timingLine = block.line + timingAt;
    const [, from, to] = TIMING.exec(block.lines[timingAt]!)!;
    const start = parseCueTime(from!);
    const end = parseCueTime(to!);
    if (start === null || end === null) {
      skipped.push({ line: timingLine, reason: 'unreadable time' });
      continue;
    }
    if (end < start) {
      skipped.push({ line: timingLine, reason: 'ends before it starts' });
      continue;
    }
    const raw = block.lines.slice(timingAt + 1).join('\n');
    if (raw.trim() === '') {
      skipped.push({ line: timingLine, reason: 'no text' });
      continue;
    }
    let speaker: string | null = null;
    let text = raw;
    if (kind === 'vtt') {
      const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(raw);
      if (voice) speaker = voice[1]!.trim();
      text = decodeEntities(raw.replace(/<[^>]*>/g, ''));
    } else {
      text = raw.replace(/<\/?[ibu]>|\{\\[^}]*\}/g, '');
    }
    text = text.replace(/\s*\n\s*/g, ' ').trim();
    if (!speaker) ({ speaker, text } = splitSpeaker(text));
    cues.push({ start, end, speaker, text, line: timingLine });
  }
  return settleTimes({ cues, skipped, adjusted: [] });
}

export function parseSrt(text: string): ImportedTranscript {
  return parseCues(blocksOf(normalizeText(text)), 'srt');
}

export function parseVtt(text: string): ImportedTranscript {
  const lines = normalizeText(text);
  const blocks = blocksOf(lines);
  const header = blocks[0];
  const skippedHeader: ImportNotice[] = [];
  if (header && /^WEBVTT\b/.test(header.lines[0] ?? '')) blocks.shift();
  else skippedHeader.push({ line: 1, reason: 'no WEBVTT header (read anyway)' });
  // NOTE, STYLE and REGION blocks carry no speech.
  const cueBlocks = blocks.filter((block) => !/^(NOTE|STYLE|REGION)\b/.test(block.lines[0] ?? ''));
  const parsed = parseCues(cueBlocks, 'vtt');
  return { ...parsed, adjusted: [...skippedHeader, ...parsed.adjusted] };
}
