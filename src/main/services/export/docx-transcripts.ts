// Transcripts as Word files: a bilingual table (timecode, speaker, source, translation) and a
// one-language transcript in oral-history form.
import { LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Interview } from '../../../shared/interview';
import { formatTimecode } from '../../../shared/timecode';
import { languageRuns, languageTag, packDocument } from './docx-styles';
import { languageName, oralHistoryTurns, segmentText, speakerNames, transcriptHeading, turnParagraphs } from './transcript-layout';

/** Column widths in twips, filling an A4 page inside one-inch margins. */
const COLUMN_WIDTHS = [1250, 1500, 3138, 3138] as const;
const cell = (text: string, language: 'en-US' | 'ko-KR', column: number, bold = false) =>
  // Word rejects a cell without a paragraph, so even an empty cell gets one.
  new TableCell({
    width: { size: COLUMN_WIDTHS[column]!, type: WidthType.DXA },
    // No space after the cell's paragraph, and one line rule for Korean and Latin alike, so a
    // Korean cell is not taller than its English neighbour.
    children: [new Paragraph({ spacing: { before: 0, after: 0, line: 264, lineRule: LineRuleType.AUTO }, children: languageRuns(text, language, bold ? { bold } : {}) })],
  });

export async function buildBilingualDocx(interview: Interview, author: string): Promise<Buffer> {
  const names = speakerNames(interview);
  const source = languageTag(interview.languages.source);
  const target = languageTag(interview.languages.target);
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell('Time', 'en-US', 0, true),
      cell('Speaker', 'en-US', 1, true),
      cell(languageName(interview.languages.source), 'en-US', 2, true),
      cell(languageName(interview.languages.target), 'en-US', 3, true),
    ],
  });
  const rows = interview.segments.map(
    (segment) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(formatTimecode(segment.start), 'en-US', 0),
          cell(names(segment.speakerId), 'en-US', 1),
          cell(segmentText(segment, 'source'), source, 2),
          cell(segmentText(segment, 'target'), target, 3),
        ],
      }),
  );
  return packTranscript(interview, author, 'target', [
    new Table({
      width: { size: 9026, type: WidthType.DXA },
      columnWidths: [...COLUMN_WIDTHS],
      // Fixed widths: Word does not re-flow the columns by their longest Korean line.
      layout: TableLayoutType.FIXED,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
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
  return packTranscript(interview, author, language, turns);
}

/** A transcript file: its title, the facts that identify nobody, then the body. */
function packTranscript(interview: Interview, author: string, language: 'source' | 'target', body: (Paragraph | Table)[]): Promise<Buffer> {
  const heading = transcriptHeading(interview, language);
  return packDocument({
    title: heading.title,
    author,
    sections: [
      {
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
