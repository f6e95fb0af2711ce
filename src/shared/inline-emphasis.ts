// The article body's minimal inline markup: *italic* and **bold**, as editors type them in plain
// text (and as Markdown writes them). Parsed once here for the preview, the Word file (character
// styles Emphasis and Strong, which CMS importers map to <em> and <strong>) and Markdown.

export type InlineStretch = { text: string; emphasis: 'none' | 'italic' | 'bold' };

/** **bold** first, then *italic*; a lone asterisk, or one inside a word without a partner, stays text. */
const MARKUP = /\*\*(?=\S)([^*]+?)(?<=\S)\*\*|(?<![\p{L}\p{N}*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu;

export function inlineStretches(text: string): InlineStretch[] {
  const stretches: InlineStretch[] = [];
  let position = 0;
  for (const match of text.matchAll(MARKUP)) {
    if (match.index > position) stretches.push({ text: text.slice(position, match.index), emphasis: 'none' });
    stretches.push(match[1] !== undefined ? { text: match[1], emphasis: 'bold' } : { text: match[2]!, emphasis: 'italic' });
    position = match.index + match[0].length;
  }
  if (position < text.length) stretches.push({ text: text.slice(position), emphasis: 'none' });
  return stretches;
}

/** The text as read, without its markup. */
export const withoutMarkup = (text: string): string =>
  inlineStretches(text)
    .map((stretch) => stretch.text)
    .join('');

/**
 * Where each translator note belongs in a paragraph: a note that opens with the word it explains
 * ("Jangmadang: informal markets") goes right after that word's first appearance; any other note at
 * the paragraph's end. Positions are in the text without markup; notes keep their order at a spot.
 */
export function noteAnchors(text: string, notes: readonly string[]): { at: number; note: string }[] {
  const plain = withoutMarkup(text);
  const lower = plain.toLowerCase();
  return notes
    .map((note, index) => {
      const term = /^\s*([^:—–\n]{2,40}?)\s*[:—–]/u.exec(note)?.[1]?.trim().toLowerCase();
      const found = term ? lower.indexOf(term) : -1;
      return { at: found >= 0 ? found + term!.length : plain.length, note, index };
    })
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ at, note }) => ({ at, note }));
}

/** The stretches of a paragraph cut at the given positions (of the text without markup), in order. */
export function stretchesCutAt(text: string, positions: readonly number[]): { stretches: InlineStretch[]; cuts: number[] } {
  const stretches: InlineStretch[] = [];
  const cuts: number[] = []; // for each position, how many stretches come before it
  const sorted = [...positions].sort((a, b) => a - b);
  let offset = 0;
  let next = 0;
  for (const stretch of inlineStretches(text)) {
    let rest = stretch.text;
    while (next < sorted.length && sorted[next]! <= offset + rest.length) {
      const cut = sorted[next]! - offset;
      if (cut > 0) stretches.push({ text: rest.slice(0, cut), emphasis: stretch.emphasis });
      rest = rest.slice(cut);
      offset += cut;
      cuts.push(stretches.length);
      next += 1;
    }
    if (rest) stretches.push({ text: rest, emphasis: stretch.emphasis });
    offset += rest.length;
  }
  while (next < sorted.length) {
    cuts.push(stretches.length);
    next += 1;
  }
  return { stretches, cuts };
}
