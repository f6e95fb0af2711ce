// Pure edits of an article's body. Each paragraph remembers the segments it came from and
// their translation at that moment, so the editor can see when a source changed later.
import { currentBasis, segmentsById } from './article';
import type { Article, ArticleBlock, ArticleParagraph, Interview, Segment } from './interview';

export type NewId = () => string;

export function paragraphFromSegments(segments: readonly Segment[], newId: NewId): ArticleParagraph {
  const text = segments.map((segment) => segment.translation.trim()).filter(Boolean).join(' ');
  return { kind: 'paragraph', id: newId(), role: 'paragraph', text, segmentIds: segments.map((segment) => segment.id), basedOn: text };
}

/** Appends one paragraph per segment, for the segments not yet in the article. */
export function addSegments(article: Article, segments: readonly Segment[], newId: NewId): Article {
  const used = new Set(article.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.segmentIds : [])));
  const fresh = segments.filter((segment) => !used.has(segment.id) && segment.translation.trim() !== '');
  return { ...article, blocks: [...article.blocks, ...fresh.map((segment) => paragraphFromSegments([segment], newId))] };
}

/**
 * Who the narrator is among the speakers: the one named like the pseudonym, else the one who
 * speaks longest (in an interview, the narrator). Null when nobody is assigned anything.
 */
export function narratorSpeakerId(interview: Pick<Interview, 'speakers' | 'segments' | 'narrator'>): string | null {
  const fold = (text: string) => text.normalize('NFC').toLowerCase().replace(/[\s-]+/g, '');
  const pseudonym = fold(interview.narrator.pseudonym);
  const named = pseudonym ? interview.speakers.find((speaker) => fold(speaker.name) && (pseudonym.includes(fold(speaker.name)) || fold(speaker.name).includes(pseudonym))) : undefined;
  if (named) return named.id;
  const spoken = new Map<string, number>();
  for (const segment of interview.segments) {
    if (segment.speakerId) spoken.set(segment.speakerId, (spoken.get(segment.speakerId) ?? 0) + Math.max(0, segment.end - segment.start));
  }
  return [...spoken.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function moveBlock(article: Article, index: number, offset: -1 | 1): Article {
  const target = index + offset;
  if (index < 0 || target < 0 || target >= article.blocks.length) return article;
  const blocks = [...article.blocks];
  [blocks[index], blocks[target]] = [blocks[target]!, blocks[index]!];
  return { ...article, blocks };
}

/** Joins a paragraph with the next one; both keep their sources. */
export function mergeWithNext(article: Article, index: number): Article {
  const first = article.blocks[index];
  const second = article.blocks[index + 1];
  if (first?.kind !== 'paragraph' || second?.kind !== 'paragraph') return article;
  const merged: ArticleParagraph = {
    ...first,
    text: [first.text.trim(), second.text.trim()].filter(Boolean).join(' '),
    segmentIds: [...first.segmentIds, ...second.segmentIds],
    basedOn: [first.basedOn, second.basedOn].filter(Boolean).join(' '),
  };
  return { ...article, blocks: [...article.blocks.slice(0, index), merged, ...article.blocks.slice(index + 2)] };
}

export function insertBreakAfter(article: Article, index: number, newId: NewId): Article {
  const block: ArticleBlock = { kind: 'break', id: newId() };
  return { ...article, blocks: [...article.blocks.slice(0, index + 1), block, ...article.blocks.slice(index + 1)] };
}

export function removeBlock(article: Article, index: number): Article {
  return { ...article, blocks: article.blocks.filter((_, position) => position !== index) };
}

export function rewordParagraph(article: Article, index: number, text: string): Article {
  return {
    ...article,
    blocks: article.blocks.map((block, position) => (position === index && block.kind === 'paragraph' ? { ...block, text } : block)),
  };
}

/** Says what a paragraph is in the piece: body text, a subhead, a pull quote or an editor's note. */
export function setBlockRole(article: Article, index: number, role: ArticleParagraph['role']): Article {
  return {
    ...article,
    blocks: article.blocks.map((block, position) => (position === index && block.kind === 'paragraph' ? { ...block, role } : block)),
  };
}

/** Takes the segments' current translation as the paragraph's text (and its new basis). */
export function refreshFromTranslation(article: Article, index: number, segments: readonly Segment[]): Article {
  return {
    ...article,
    blocks: article.blocks.map((block, position) => {
      if (position !== index || block.kind !== 'paragraph') return block;
      const basis = currentBasis(block, segmentsById(segments));
      return { ...block, text: basis, basedOn: basis };
    }),
  };
}

/** Keeps the editor's wording but marks the changed source as seen. */
export function acknowledgeSourceChange(article: Article, index: number, segments: readonly Segment[]): Article {
  return {
    ...article,
    blocks: article.blocks.map((block, position) =>
      position === index && block.kind === 'paragraph' ? { ...block, basedOn: currentBasis(block, segmentsById(segments)) } : block,
    ),
  };
}
