// Transcripts as Word files: a bilingual table (timecode, speaker, source, translation) and a
// one-language transcript in oral-history form.
import { LineRuleType, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Interview, Segment } from '../../../shared/interview';
import { formatTimecode } from '../../../shared/timecode';
import { BILINGUAL_TABLE_STYLE, languageRuns, languageTag, packDocument } from './docx-styles';
import { languageName, oralHistoryTurns, segmentText, speakerNames, transcriptHeading, turnParagraphs } from './transcript-layout';

/** The text width of an A4 page inside one-inch margins, in twips: upright, and turned for extra columns. */
const PORTRAIT_WIDTH = 9026;
const LANDSCAPE_WIDTH = 16838 - 2 * 1440;

/** The bilingual table's optional columns: the editor picks them at export. */
export type BilingualColumns = { status: boolean; notes: boolean; queries: boolean };

type Column = { title: string; width: number; language: (segment: Segment) => 'en-US' | 'ko-KR'; text: (segment: Segment) => string };

const cell = (text: string, language: 'en-US' | 'ko-KR', width: number, bold = false) =>
  // Word rejects a cell without a paragraph, so even an empty cell gets one. Spacing, borders and
  // margins come from the table style; the line rule is repeated here for LibreOffice, which
  // does not apply a table style's paragraph properties.
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ spacing: { before: 0, after: 0, line: 264, lineRule: LineRuleType.AUTO }, children: languageRuns(text, language, bold ? { bold } : {}) })],
  });

const statusLabels: Record<Segment['status'], string> = { untranslated: 'Untranslated', draft: 'Draft', reviewed: 'Reviewed' };

function bilingualColumns(interview: Interview, extra: BilingualColumns, tableWidth: number): Column[] {
  const names = speakerNames(interview);
  const source = languageTag(interview.languages.source);
  const target = languageTag(interview.languages.target);
  const optional: Column[] = [
    ...(extra.status ? [{ title: 'Status', width: 1150, language: () => 'en-US' as const, text: (segment: Segment) => statusLabels[segment.status] }] : []),
    ...(extra.notes ? [{ title: 'Notes', width: 1700, language: () => target, text: (segment: Segment) => segment.notes.trim() }] : []),
    ...(extra.queries
      ? [{ title: 'Open queries', width: 1700, language: () => target, text: (segment: Segment) => segment.queries.filter((query) => query.status === 'open').map((query) => query.text.trim()).join('\n') }]
      : []),
  ];
  // Source and translation share what the fixed and optional columns leave.
  const textWidth = Math.floor((tableWidth - 1150 - 1400 - optional.reduce((sum, column) => sum + column.width, 0)) / 2);
  return [
    { title: 'Time', width: 1150, language: () => 'en-US', text: (segment) => formatTimecode(segment.start) },
    { title: 'Speaker', width: 1400, language: () => 'en-US', text: (segment) => names(segment.speakerId) },
    { title: languageName(interview.languages.source), width: textWidth, language: () => source, text: (segment) => segmentText(segment, 'source') },
    { title: languageName(interview.languages.target), width: textWidth, language: () => target, text: (segment) => segmentText(segment, 'target') },
    ...optional,
  ];
}

export async function buildBilingualDocx(interview: Interview, author: string, extra: BilingualColumns = { status: false, notes: false, queries: false }): Promise<Buffer> {
  // Extra columns turn the page: the source and translation keep a readable width.
  const landscape = extra.status || extra.notes || extra.queries;
  const tableWidth = landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
  const columns = bilingualColumns(interview, extra, tableWidth);
  const header = new TableRow({ tableHeader: true, children: columns.map((column) => cell(column.title, 'en-US', column.width, true)) });
  const rows = interview.segments.map(
    (segment) => new TableRow({ cantSplit: true, children: columns.map((column) => cell(column.text(segment), column.language(segment), column.width)) }),
  );
  return packTranscript(interview, author, 'target', landscape, [
    new Table({
      style: BILINGUAL_TABLE_STYLE,
      width: { size: tableWidth, type: WidthType.DXA },
      columnWidths: columns.map((column) => column.width),
      // Fixed widths: Word does not re-flow the columns by their longest Korean line.
      layout: TableLayoutType.FIXED,
      rows: [header, ...rows],
    }),
  ]);
}

export async function buildOralHistoryDocx(interview: Interview, language: 'source' | 'target', author: string): Promise<Buffer> {
  const tag = languageTag(language === 'source' ? interview.languages.source : interview.languages.target);
  // One paragraph per turn, and a new one (with its timestamp) every minute inside a long turn.
  const turns = oralHistoryTurns(interview, language).flatMap((turn) =>
    turnParagraphs(turn).map(
      (paragraph, index) =>
        new Paragraph({
          style: 'Normal',
          children: [
            ...languageRuns(`[${formatTimecode(index === 0 ? turn.start : paragraph[0]!.timestamp!)}] `, 'en-US'),
            ...(index === 0 ? languageRuns(`${turn.speaker}: `, 'en-US', { bold: true }) : []),
            ...paragraph.flatMap((piece, pieceIndex) => [...(pieceIndex === 0 ? [] : languageRuns(' ', 'en-US')), ...languageRuns(piece.text, tag)]),
          ],
        }),
    ),
  );
  return packTranscript(interview, author, language, false, turns);
}

/** A transcript file: its title, the facts that identify nobody, then the body. */
function packTranscript(interview: Interview, author: string, language: 'source' | 'target', landscape: boolean, body: (Paragraph | Table)[]): Promise<Buffer> {
  const heading = transcriptHeading(interview, language);
  return packDocument({
    title: heading.title,
    author,
    sections: [
      {
        ...(landscape ? { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } } } : {}),
        children: [
          new Paragraph({ style: 'Title', children: languageRuns(heading.title, 'en-US') }),
          ...heading.lines.map((line) => new Paragraph({ style: 'Normal', spacing: { after: 0 }, children: languageRuns(line, 'en-US') })),
          new Paragraph({ style: 'Normal', children: [] }),
          ...body,
        ],
      },
    ],
  });
}
