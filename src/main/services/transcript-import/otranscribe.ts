// oTranscribe's .otr: JSON whose "text" is HTML with <span class="timestamp" data-timestamp="s">.
import { settleTimes, splitSpeaker, type ImportedCue, type ImportedTranscript } from './imported-transcript';

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function parseOtr(text: string): ImportedTranscript {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { cues: [], skipped: [{ line: 1, reason: 'not an oTranscribe file (not JSON)' }], adjusted: [] };
  }
  const html = (document as { text?: unknown }).text;
  if (typeof html !== 'string') return { cues: [], skipped: [{ line: 1, reason: 'not an oTranscribe file (no text)' }], adjusted: [] };

  // Split the HTML at each timestamp; the text after a timestamp belongs to it.
  const parts = html.split(/<span[^>]*class="timestamp"[^>]*data-timestamp="([\d.]+)"[^>]*>.*?<\/span>/s);
  const cues: ImportedCue[] = [];
  let speaker: string | null = null;
  const addText = (start: number, chunk: string, index: number) => {
    for (const paragraph of htmlToText(chunk).split('\n')) {
      const split = splitSpeaker(paragraph);
      if (split.speaker) speaker = split.speaker;
      if (split.text) cues.push({ start, end: null, speaker, text: split.text, line: index + 1 });
    }
  };
  addText(0, parts[0] ?? '', 0);
  for (let index = 1; index < parts.length; index += 2) addText(Number(parts[index]), parts[index + 1] ?? '', (index + 1) / 2);
  // Consecutive pieces at the same timestamp by the same speaker form one segment.
  const merged = cues.reduce<ImportedCue[]>((result, cue) => {
    const last = result.at(-1);
    if (last && last.start === cue.start && last.speaker === cue.speaker) last.text = `${last.text} ${cue.text}`;
    else result.push(cue);
    return result;
  }, []);
  return settleTimes({ cues: merged, skipped: [], adjusted: [] });
}
