// Transcripts as Word files: a bilingual table (timecode, speaker, source, translation) and a
// one-language transcript in oral-history form.
import { Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Interview } from '../../../shared/interview';
import { formatTimecode } from '../../../shared/timecode';
import { languageRuns, languageTag, packDocument } from './docx-styles';
import { oralHistoryTurns, speakerNames, transcriptHeading } from './transcript-layout';

const languageNames: Record<string, string> = { ko: 'Korean', en: 'English' };
const cell = (text: string, language: 'en-US' | 'ko-KR', width: number, bold = false) =>
  // Word rejects a cell without a paragraph, so even an empty cell gets one.
  new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: languageRuns(text, language, { bold }) })] });

export async function buildBilingualDocx(interview: Interview, author: string): Promise<Buffer> {
  const names = speakerNames(interview);
  const source = languageTag(interview.languages.source);
  const target = languageTag(interview.languages.target);
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell('Time', 'en-US', 10, true),
      cell('Speaker', 'en-US', 14, true),
      cell(languageNames[interview.languages.source] ?? interview.languages.source, 'en-US', 38, true),
      cell(languageNames[interview.languages.target] ?? interview.languages.target, 'en-US', 38, true),
    ],
  });
  const rows = interview.segments.map(
    (segment) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(formatTimecode(segment.start), 'en-US', 10),
          cell(names(segment.speakerId), 'en-US', 14),
          cell(segment.source, source, 38),
          cell(segment.translation, target, 38),
        ],
      }),
  );
  const heading = transcriptHeading(interview);
  return packDocument({
    title: heading.title,
    author,
    sections: [
      {
        children: [
          new Paragraph({ style: 'Title', children: languageRuns(heading.title, 'en-US') }),
          new Paragraph({ style: 'Normal', children: languageRuns(heading.details, 'en-US') }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ],
      },
    ],
  });
}

export async function buildOralHistoryDocx(interview: Interview, language: 'source' | 'target', author: string): Promise<Buffer> {
  const tag = languageTag(language === 'source' ? interview.languages.source : interview.languages.target);
  const heading = transcriptHeading(interview);
  const turns = oralHistoryTurns(interview, language).map(
    (turn) =>
      new Paragraph({
        style: 'Normal',
        children: [
          ...languageRuns(`[${formatTimecode(turn.start)}] `, 'en-US'),
          ...languageRuns(`${turn.speaker}: `, 'en-US', { bold: true }),
          ...turn.pieces.flatMap((piece, index) => [
            ...languageRuns(index === 0 ? '' : ' ', 'en-US'),
            ...(piece.timestamp === null ? [] : languageRuns(`[${formatTimecode(piece.timestamp)}] `, 'en-US')),
            ...languageRuns(piece.text, tag),
          ]),
        ],
      }),
  );
  return packDocument({
    title: heading.title,
    author,
    sections: [
      {
        children: [
          new Paragraph({ style: 'Title', children: languageRuns(heading.title, 'en-US') }),
          new Paragraph({ style: 'Normal', children: languageRuns(heading.details, 'en-US') }),
          ...turns,
        ],
      },
    ],
  });
}
