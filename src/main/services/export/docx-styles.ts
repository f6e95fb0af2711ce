// What every exported Word file shares: Word's own named styles (so the piece flows into a CMS
// without direct formatting), language tags per run, an East Asian font for Korean, and
// document properties that carry no personal names.
import { HANGUL_RANGES } from '../../../shared/text-patterns';
import { Document, LineRuleType, Packer, TextRun, type IPropertiesOptions, type ISectionOptions } from 'docx';

/** Word's standard Korean font; LibreOffice substitutes Noto Sans CJK KR where it is missing. */
export const EAST_ASIAN_FONT = 'Malgun Gothic';
const LATIN_FONT = 'Calibri';

/** A Korean stretch: Hangul, with the spaces, digits and punctuation between Hangul words. */
const KOREAN_STRETCH = new RegExp(`([${HANGUL_RANGES}](?:[^A-Za-z]*[${HANGUL_RANGES}])?)`, 'u');
const IS_KOREAN = new RegExp(`^[${HANGUL_RANGES}]`, 'u');

export type RunStyle = { bold?: boolean };

/** Splits text into runs tagged with their language; Korean runs get the East Asian font. */
export function languageRuns(text: string, language: 'en-US' | 'ko-KR', style: RunStyle = {}): TextRun[] {
  return text
    .split(KOREAN_STRETCH)
    .filter((part) => part !== '')
    .map((part) =>
      IS_KOREAN.test(part)
        ? new TextRun({ text: part, ...style, language: { value: 'ko-KR', eastAsia: 'ko-KR' }, font: { eastAsia: EAST_ASIAN_FONT } })
        : new TextRun({ text: part, ...style, language: { value: language, eastAsia: 'ko-KR' } }),
    );
}

export const languageTag = (code: string): 'en-US' | 'ko-KR' => (code === 'ko' ? 'ko-KR' : 'en-US');

const styles: IPropertiesOptions['styles'] = {
  default: {
    document: {
      run: { font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: EAST_ASIAN_FONT }, size: 22, language: { value: 'en-US', eastAsia: 'ko-KR' } },
      paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: { run: { size: 44, bold: true }, paragraph: { spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO } } },
    heading1: { run: { size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
    heading2: { run: { size: 24, bold: true }, paragraph: { spacing: { before: 200, after: 100 } } },
    caption: { run: { size: 18, italics: true, color: '555555' } },
  },
  paragraphStyles: [
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, color: '444444' } },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: '404040' },
      paragraph: { indent: { left: 720, right: 720 } },
    },
  ],
};

/** Builds the .docx bytes with neutral properties: no creator, editor or company names. */
export async function packDocument(options: {
  title: string;
  author: string;
  sections: ISectionOptions[];
  comments?: IPropertiesOptions['comments'];
}): Promise<Buffer> {
  const document = new Document({
    creator: options.author,
    lastModifiedBy: options.author,
    title: options.title,
    description: '',
    subject: '',
    keywords: '',
    styles,
    features: { updateFields: false },
    ...(options.comments ? { comments: options.comments } : {}),
    sections: options.sections,
  });
  return Packer.toBuffer(document);
}
