// The article draft as a Word file, in the column template's order, every part in its own named
// style (Title, Subtitle, Dateline, Heading 2 for subheads…), so a CMS import maps it without
// an editor reformatting anything. Footnotes and query comments are numbered apart: a comment
// whose id equals a footnote's makes LibreOffice show (and save back) the wrong footnote text.
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  FootnoteReferenceRun,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { ArticleOutline, BlockRole, OutlineParagraph } from '../../../shared/article';
import { noteAnchors, stretchesCutAt } from '../../../shared/inline-emphasis';
import { languageRuns, packDocument, pageFooter, type PackedDocx } from './docx-styles';

export type ArticleDocxOptions = {
  author: string;
  includeOpenQueries: boolean;
  /** Translator notes become footnotes only when the editor asks, as queries do. */
  includeNotes: boolean;
  /** A short name for the piece, in every page's footer. */
  slug: string;
  draftMark: boolean;
};

const styled = (style: string, text: string) => new Paragraph({ style, children: languageRuns(text, 'en-US') });
const roleStyles: Record<BlockRole, string> = { paragraph: 'Normal', subhead: 'Heading2', pullQuote: 'PullQuote', editorsNote: 'EditorsNote' };
export const SECTION_BREAK_MARK = '* * *';

export async function buildArticleDocx(outline: ArticleOutline, options: ArticleDocxOptions): Promise<PackedDocx> {
  const comments: ICommentOptions[] = [];
  const footnoteCount = options.includeNotes ? outline.sections.flat().reduce((sum, paragraph) => sum + paragraph.notes.length, 0) : 0;

  const bodyParagraph = (paragraph: OutlineParagraph) => {
    const children: ParagraphChild[] = [];
    const queries = options.includeOpenQueries ? paragraph.openQueries : [];
    const commentIds = queries.map((query) => {
      const id = footnoteCount + 1 + comments.length;
      // The author is a role, never a person: these files get forwarded. The date is the query's.
      comments.push({ id, author: 'Translator query', initials: 'TQ', date: new Date(query.raisedAt), children: [new Paragraph({ children: languageRuns(query.text, 'en-US') })] });
      return id;
    });
    children.push(...commentIds.map((id) => new CommentRangeStart(id)));
    // The text in its stretches (*italic* and **bold** as character styles), each footnote mark
    // right after the word its note explains, or at the paragraph's end.
    const anchors = noteAnchors(paragraph.text, options.includeNotes ? paragraph.notes : []);
    const { stretches, cuts } = stretchesCutAt(paragraph.text, anchors.map((anchor) => anchor.at));
    const footnote = (note: string) => new FootnoteReferenceRun({ children: [new Paragraph({ style: 'FootnoteText', children: languageRuns(note, 'en-US') })] });
    stretches.forEach((stretch, index) => {
      anchors.forEach((anchor, anchorIndex) => cuts[anchorIndex] === index && children.push(footnote(anchor.note)));
      children.push(...languageRuns(stretch.text, 'en-US', stretch.emphasis === 'none' ? {} : { style: stretch.emphasis === 'italic' ? 'Emphasis' : 'Strong' }));
    });
    anchors.forEach((anchor, anchorIndex) => cuts[anchorIndex] === stretches.length && children.push(footnote(anchor.note)));
    // Footnote marks go inside the commented range: LibreOffice shows the wrong footnote text
    // when a footnote follows a comment's end in the same paragraph.
    children.push(...commentIds.map((id) => new CommentRangeEnd(id)));
    children.push(...commentIds.map((id) => new TextRun({ children: [new CommentReference(id)] })));
    return new Paragraph({ style: roleStyles[paragraph.role], children });
  };

  const parts: Paragraph[] = [styled('Title', outline.headline)];
  if (outline.dek) parts.push(styled('Subtitle', outline.dek));
  if (outline.dateLine) parts.push(styled('Dateline', outline.dateLine));
  if (outline.imageCredit) parts.push(styled('ImageCredit', outline.imageCredit));
  if (outline.boilerplate) parts.push(styled('SeriesNote', outline.boilerplate));
  if (outline.howToSubmit) parts.push(styled('HowToSubmit', outline.howToSubmit));
  parts.push(styled('QuestionLine', outline.questionLine));
  parts.push(styled('Bio', outline.bio));
  parts.push(styled('FollowUp', outline.followUp));
  outline.sections.forEach((section, index) => {
    // A section break is a visible, centred mark in its own style, not an empty paragraph.
    if (index > 0) parts.push(styled('SectionBreak', SECTION_BREAK_MARK));
    parts.push(...section.map(bodyParagraph));
  });
  if (outline.closing) parts.push(styled('Closing', outline.closing));

  return packDocument({
    title: outline.headline,
    author: options.author,
    sections: [{ footers: { default: pageFooter(options.slug, options.draftMark) }, children: parts }],
    ...(comments.length ? { comments: { children: comments } } : {}),
  });
}
