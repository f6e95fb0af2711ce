// The article template (../shared/reference/publication-format.md) as data: what a draft holds,
// in the order it is published, with redactions and newsroom typography applied. The live
// preview and every export are drawn from this one outline.
import { isValidCalendarDate } from './details-validation';
import type { Article, ArticleBlock, ArticleParagraph, GlossaryTerm, Interview, Segment } from './interview';
import { englishPlaceName } from './place-names';
import { applyRedactions, redactionTerms, type RedactionTerm } from './redaction';
import type { SeriesSettings } from './settings';
import { typesetEnglish, type TypographyStyle } from './typography';

export type BlockRole = ArticleParagraph['role'];
export type OutlineParagraph = { role: BlockRole; text: string; notes: string[]; openQueries: { text: string; raisedAt: string }[] };

export type ArticleOutline = {
  headline: string;
  dek: string;
  dateLine: string;
  imageCredit: string;
  boilerplate: string;
  howToSubmit: string;
  questionLine: string;
  bio: string;
  followUp: string;
  /** Body paragraphs, grouped into sections by the breaks the editor placed. */
  sections: OutlineParagraph[][];
  closing: string;
};

const withQuestionMark = (question: string) => {
  const trimmed = question.trim();
  return trimmed === '' || /[?？]$/.test(trimmed) ? trimmed : `${trimmed}?`;
};

export function defaultHeadline(interview: Interview, series: SeriesSettings): string {
  return `${series.name}: ${withQuestionMark(interview.readerQuestion.text)}`;
}

/**
 * The bio line's default. The birthplace is said in English: the glossary's place names (the
 * library's and the interview's), else romanised — never Hangul in the English article.
 */
export function defaultBio(interview: Interview, topic: string, terms: RedactionTerm[] = redactionTerms(interview), glossary: readonly GlossaryTerm[] = interview.glossary): string {
  const { pseudonym, yearLeft } = interview.narrator;
  const redacted = applyRedactions(interview.narrator.birthRegion.trim(), terms, { language: 'en' });
  // A birthplace that is itself redacted is left out of the sentence, never printed as its
  // placeholder ("born and raised in [a border town]"); a plain-words replacement reads as prose.
  const birthRegion = /[[\]]/.test(redacted) ? '' : englishPlaceName(redacted, glossary);
  const where = birthRegion ? `${birthRegion}, North Korea,` : 'North Korea';
  const until = yearLeft ? `until leaving in ${yearLeft}` : 'until leaving';
  return `${pseudonym.trim() || 'The writer'} — who was born and raised in ${where} and lived there ${until} — writes about ${topic.trim() || 'life there'}.`;
}

/** "2024-05-21" → "May 21, 2024"; anything else is left as typed. */
export function formatPublicationDate(isoDate: string): string {
  if (!isValidCalendarDate(isoDate)) return isoDate;
  const date = new Date(`${isoDate}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** What a paragraph's segments say now; compared with `basedOn` to show a changed source. */
/** The interview's segments by id: made once for a whole article, not once per paragraph (10,000 segments × hundreds of paragraphs took a second). */
export type SegmentsById = ReadonlyMap<string, Segment>;
export const segmentsById = (segments: readonly Segment[]): SegmentsById => new Map(segments.map((segment) => [segment.id, segment]));

export function currentBasis(paragraph: Pick<ArticleParagraph, 'segmentIds'>, segments: SegmentsById): string {
  return paragraph.segmentIds.map((id) => segments.get(id)?.translation.trim() ?? '').join(' ');
}

export function paragraphSourceChanged(paragraph: ArticleParagraph, segments: SegmentsById): boolean {
  return paragraph.segmentIds.length > 0 && currentBasis(paragraph, segments) !== paragraph.basedOn;
}

function bodySections(blocks: readonly ArticleBlock[], segments: readonly Segment[], clean: (text: string) => string): OutlineParagraph[][] {
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const sections: OutlineParagraph[][] = [[]];
  for (const block of blocks) {
    if (block.kind === 'break') {
      if (sections.at(-1)!.length > 0) sections.push([]);
      continue;
    }
    if (block.text.trim() === '') continue;
    const sources = block.segmentIds.map((id) => byId.get(id)).filter((segment): segment is Segment => segment !== undefined);
    sections.at(-1)!.push({
      role: block.role,
      text: clean(block.text),
      notes: sources.map((segment) => segment.notes.trim()).filter(Boolean).map(clean),
      openQueries: sources.flatMap((segment) => segment.queries.filter((query) => query.status === 'open').map((query) => ({ text: clean(query.text), raisedAt: query.createdAt }))),
    });
  }
  return sections.filter((section) => section.length > 0);
}

/** "Got a question for Ji-woo? Send it with…": the series' own "Have a question?" is not repeated. */
export function followUpLine(pseudonym: string, howToSubmit: string): string {
  const instruction = howToSubmit.trim().replace(/^(have|got) a question\??\s*/i, '');
  return `Got a question for ${pseudonym}?${instruction ? ` ${instruction.replace(/^./, (first) => first.toUpperCase())}` : ''}`;
}

/** True when the draft has no body paragraph at all: exporting it is almost always a mistake. */
export function isEmptyDraft(outline: ArticleOutline): boolean {
  return outline.sections.every((section) => section.every((paragraph) => paragraph.text.trim() === ''));
}

export function articleOutline(
  interview: Interview,
  series: SeriesSettings,
  terms: RedactionTerm[] = redactionTerms(interview),
  mark?: (replacement: string) => string,
  typography?: TypographyStyle,
  /** Place names for the bio: the library's glossary and the interview's. */
  glossary: readonly GlossaryTerm[] = interview.glossary,
): ArticleOutline {
  const article: Article = interview.article;
  // The article is English: every replacement in it is the English one.
  const clean = (text: string) => typesetEnglish(applyRedactions(text.trim(), terms, { language: 'en', mark }), typography);
  const pseudonym = interview.narrator.pseudonym.trim() || 'the writer';
  const question = withQuestionMark(interview.readerQuestion.text);
  return {
    headline: clean(article.headline || defaultHeadline(interview, series)),
    dek: clean(article.dek),
    dateLine: formatPublicationDate(article.publicationDate),
    imageCredit: clean(article.imageCredit),
    boilerplate: clean(series.boilerplate),
    howToSubmit: clean(series.howToSubmit),
    questionLine: clean(`Today's question asks: ${question}`),
    bio: clean(article.bio || defaultBio(interview, article.topic, terms, glossary)),
    followUp: clean(followUpLine(pseudonym, series.howToSubmit)),
    sections: bodySections(article.blocks, interview.segments, clean),
    closing: clean(article.closing),
  };
}
