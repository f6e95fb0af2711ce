// The narrator's review copy: their own words in Korean, redacted exactly as they would be
// published, in large type, one numbered passage a row (numbered as the window numbers segments,
// so answers come back to the right passage), with a column to tick publish / change / withdraw
// and room to write what should change. Printed or read on screen, it is for the narrator alone.
import { randomUUID } from 'node:crypto';
import { Paragraph, TextRun } from 'docx';
import type { Interview, Segment } from '../../../shared/interview';
import { formatTimecode } from '../../../shared/timecode';
import { tableXml, type TableColumn } from './bilingual-table-xml';
import { BILINGUAL_TABLE_STYLE, languageRuns, packDocument, pageFooter, type PackedDocx } from './docx-styles';
import { segmentText, speakerNames } from './transcript-layout';

/** 14 pt, in Word's half-points: readable for an older narrator, on paper too. */
const REVIEW_TYPE = 28;
const PAGE_WIDTH = 9026;

const INSTRUCTIONS = [
  '이 문서는 귀하의 구술을 옮겨 적은 것입니다. 공개될 때와 똑같이, 귀하나 가족을 알아볼 수 있는 이름은 가려져 있습니다.',
  '각 구절마다 “게재”, “수정”, “철회” 중 하나에 표시해 주십시오. 수정을 원하시면 메모 칸에 고칠 내용을 적어 주십시오. 철회하신 구절은 어떤 형태로도 공개되지 않습니다.',
];

type Passage = { number: number; segment: Segment };

export async function buildNarratorReviewDocx(interview: Interview, author: string): Promise<PackedDocx> {
  const names = speakerNames(interview);
  const passages: Passage[] = interview.segments.map((segment, index) => ({ number: index + 1, segment })).filter(({ segment }) => segment.source.trim() !== '');
  const columns: TableColumn<Passage>[] = [
    { title: '번호', titleLanguage: 'ko-KR', width: 800, language: () => 'en-US', text: ({ number }) => String(number) },
    { title: '시간 · 화자', titleLanguage: 'ko-KR', width: 1500, language: () => 'ko-KR', text: ({ segment }) => `${formatTimecode(segment.start)}\n${names(segment.speakerId)}` },
    { title: '내용', titleLanguage: 'ko-KR', width: 3926, language: () => 'ko-KR', text: ({ segment }) => segmentText(segment, 'source') },
    { title: '답', titleLanguage: 'ko-KR', width: 1300, language: () => 'ko-KR', text: () => '☐ 게재\n☐ 수정\n☐ 철회' },
    { title: '메모', titleLanguage: 'ko-KR', width: 1500, language: () => 'ko-KR', text: () => '' },
  ];
  const marker = `review-table-${randomUUID()}`;
  const table = tableXml(passages, columns, { styleId: BILINGUAL_TABLE_STYLE, width: PAGE_WIDTH, halfPoints: REVIEW_TYPE });
  const title = `구술 검토본: ${interview.title.trim() || '제목 없음'}`;
  const big = { size: REVIEW_TYPE };
  return packDocument({
    title,
    author,
    insertion: { marker, xml: table },
    sections: [
      {
        footers: { default: pageFooter('구술 검토본 (review copy)', false) },
        children: [
          new Paragraph({ style: 'Title', children: languageRuns(title, 'ko-KR') }),
          ...(interview.narrator.pseudonym.trim() ? [new Paragraph({ style: 'Normal', children: languageRuns(`구술자: ${interview.narrator.pseudonym.trim()}`, 'ko-KR', big) })] : []),
          ...(interview.session.date ? [new Paragraph({ style: 'Normal', children: languageRuns(`면담일: ${interview.session.date}`, 'ko-KR', big) })] : []),
          ...INSTRUCTIONS.map((line) => new Paragraph({ style: 'Normal', children: languageRuns(line, 'ko-KR', big) })),
          new Paragraph({ children: [new TextRun(marker)] }),
          new Paragraph({ style: 'Normal', children: languageRuns('검토일: ______________    서명: ______________', 'ko-KR', big) }),
        ],
      },
    ],
  });
}
