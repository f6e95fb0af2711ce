// Transcripts as Word files: a bilingual table (timecode, speaker, source, translation) and a
// one-language transcript in oral-history form.
import { randomUUID } from 'node:crypto';
import { PageOrientation, Paragraph, TextRun } from 'docx';
import type { Interview, Segment } from '../../../shared/interview';
import { formatTimecode } from '../../../shared/timecode';
import { tableXml, type TableColumn } from './bilingual-table-xml';
import { paragraphXml, runsXml } from './wordml-runs';
import { BILINGUAL_TABLE_STYLE, languageRuns, languageTag, packDocument, pageFooter, type BodyInsertion, type PackedDocx } from './docx-styles';
import { languageName, oralHistoryTurns, segmentText, speakerNames, transcriptHeading, turnParagraphs } from './transcript-layout';

/** The text width of an A4 page inside one-inch margins, in twips: upright, and turned for extra columns. */
const PORTRAIT_WIDTH = 9026;
const LANDSCAPE_WIDTH = 16838 - 2 * 1440;

/** The bilingual table's optional columns: the editor picks them at export. */
export type BilingualColumns = { status: boolean; notes: boolean; queries: boolean };

type Column = TableColumn<Segment>;

const statusLabels: Record<Segment['status'], string> = { untranslated: 'Untranslated', draft: 'Draft', reviewed: 'Reviewed' };

function bilingualColumns(interview: Interview, extra: BilingualColumns, tableWidth: number): Column[] {
  const names = speakerNames(interview);
  const source = languageTag(interview.languages.source);
  const target = languageTag(interview.languages.target);
  const optional: Column[] = [
    // Wide enough for its longest word ("Untranslated") on one line: a narrow column broke it mid-word.
    ...(extra.status ? [{ title: 'Status', width: 1600, language: () => 'en-US' as const, text: (segment: Segment) => statusLabels[segment.status] }] : []),
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

/** What every transcript file's pages say in their footer. */
export type TranscriptPages = { draftMark: boolean };

export async function buildBilingualDocx(interview: Interview, author: string, extra: BilingualColumns = { status: false, notes: false, queries: false }, pages: TranscriptPages = { draftMark: false }): Promise<PackedDocx> {
  // Extra columns turn the page: the source and translation keep a readable width.
  const landscape = extra.status || extra.notes || extra.queries;
  const tableWidth = landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
  const columns = bilingualColumns(interview, extra, tableWidth);
  // The table is written as markup directly (a row per segment, fast at 10,000): docx lays out
  // the rest and leaves a marked paragraph where the table goes.
  const marker = `bilingual-table-${randomUUID()}`;
  const table = tableXml(interview.segments, columns, { styleId: BILINGUAL_TABLE_STYLE, width: tableWidth });
  return packTranscript(interview, author, 'target', landscape, pages, [new Paragraph({ children: [new TextRun(marker)] })], { marker, xml: table });
}

export async function buildOralHistoryDocx(interview: Interview, language: 'source' | 'target', author: string, pages: TranscriptPages = { draftMark: false }): Promise<PackedDocx> {
  const tag = languageTag(language === 'source' ? interview.languages.source : interview.languages.target);
  // One paragraph per turn, and a new one (with its timestamp) every minute inside a long turn;
  // written as text (wordml-runs.ts), with the markup docx writes for the same runs.
  const body = oralHistoryTurns(interview, language).flatMap((turn) =>
    turnParagraphs(turn).map((paragraph, index) =>
      paragraphXml(
        'Normal',
        [
          runsXml(`[${formatTimecode(index === 0 ? turn.start : paragraph[0]!.timestamp!)}] `, 'en-US'),
          index === 0 ? runsXml(`${turn.speaker}: `, 'en-US', { bold: true }) : '',
          ...paragraph.map((piece, pieceIndex) => `${pieceIndex === 0 ? '' : runsXml(' ', 'en-US')}${runsXml(piece.text, tag)}`),
        ].join(''),
      ),
    ),
  );
  const marker = `transcript-body-${randomUUID()}`;
  return packTranscript(interview, author, language, false, pages, [new Paragraph({ children: [new TextRun(marker)] })], { marker, xml: body });
}

/** A transcript file: its title, the facts that identify nobody, then the body. */
function packTranscript(interview: Interview, author: string, language: 'source' | 'target', landscape: boolean, pages: TranscriptPages, body: Paragraph[], insertion?: BodyInsertion): Promise<PackedDocx> {
  const heading = transcriptHeading(interview, language);
  // Every page says what it is and where it stands, as the article's do ("DRAFT · … · Page 3 of 41").
  const footers = { default: pageFooter(heading.title.slice(0, 60), pages.draftMark) };
  return packDocument({
    title: heading.title,
    author,
    ...(insertion ? { insertion } : {}),
    sections: [
      {
        ...(landscape ? { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } } } : {}),
        footers,
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
