// The article draft as a Word file, in the column template's order and Word's named styles.
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
import type { ArticleOutline, OutlineParagraph } from '../../../shared/article';
import { languageRuns, packDocument } from './docx-styles';

const styled = (style: string, text: string) => new Paragraph({ style, children: languageRuns(text, 'en-US') });

export async function buildArticleDocx(outline: ArticleOutline, options: { author: string; includeOpenQueries: boolean }): Promise<Buffer> {
  const comments: ICommentOptions[] = [];

  const bodyParagraph = (paragraph: OutlineParagraph) => {
    const children: ParagraphChild[] = [];
    const queries = options.includeOpenQueries ? paragraph.openQueries : [];
    const commentIds = queries.map((query) => {
      const id = comments.length;
      // The author is a role, never a person: these files get forwarded.
      comments.push({ id, author: 'Translator query', initials: 'TQ', children: [new Paragraph({ children: languageRuns(query, 'en-US') })] });
      return id;
    });
    children.push(...commentIds.map((id) => new CommentRangeStart(id)));
    children.push(...languageRuns(paragraph.text, 'en-US'));
    for (const note of paragraph.notes) {
      children.push(new FootnoteReferenceRun({ children: [new Paragraph({ style: 'FootnoteText', children: languageRuns(note, 'en-US') })] }));
    }
    // Footnote marks go inside the commented range: LibreOffice shows the wrong footnote text
    // when a footnote follows a comment's end in the same paragraph.
    children.push(...commentIds.map((id) => new CommentRangeEnd(id)));
    children.push(...commentIds.map((id) => new TextRun({ children: [new CommentReference(id)] })));
    return new Paragraph({ style: 'Normal', children });
  };

  const parts: Paragraph[] = [styled('Title', outline.headline)];
  if (outline.dek) parts.push(styled('Subtitle', outline.dek));
  if (outline.dateLine) parts.push(styled('Normal', outline.dateLine));
  if (outline.imageCredit) parts.push(styled('Caption', outline.imageCredit));
  if (outline.boilerplate) parts.push(styled('Quote', outline.boilerplate));
  if (outline.howToSubmit) parts.push(styled('Quote', outline.howToSubmit));
  parts.push(styled('Heading1', outline.questionLine));
  parts.push(styled('Normal', outline.bio));
  parts.push(styled('Normal', outline.followUp));
  outline.sections.forEach((section, index) => {
    // A section break in print is one blank line between groups of paragraphs.
    if (index > 0) parts.push(new Paragraph({ style: 'Normal', children: [] }));
    parts.push(...section.map(bodyParagraph));
  });
  if (outline.closing) parts.push(styled('Normal', outline.closing));

  return packDocument({
    title: outline.headline,
    author: options.author,
    sections: [{ children: parts }],
    ...(comments.length ? { comments: { children: comments } } : {}),
  });
}
