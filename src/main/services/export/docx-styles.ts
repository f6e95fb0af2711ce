// What every exported Word file shares: Word's own named styles (so the piece flows into a CMS
// without direct formatting), language tags per run, an East Asian font for Korean, and
// document properties that carry no personal names.
import { HANGUL_RANGES } from '../../../shared/text-patterns';
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IPropertiesOptions, type ISectionOptions } from 'docx';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';

/** Word's standard Korean font; LibreOffice substitutes Noto Sans CJK KR where it is missing. */
export const EAST_ASIAN_FONT = 'Malgun Gothic';
const LATIN_FONT = 'Calibri';

/** A Korean stretch: Hangul, with the spaces, digits and punctuation between Hangul words. */
const KOREAN_STRETCH = new RegExp(`([${HANGUL_RANGES}](?:[^A-Za-z]*[${HANGUL_RANGES}])?)`, 'u');
const IS_KOREAN = new RegExp(`^[${HANGUL_RANGES}]`, 'u');

export type RunStyle = { bold?: boolean; /** A character style: Emphasis or Strong (the article's *italic* and **bold**). */ style?: string; /** In half-points. */ size?: number };

/** The text in stretches of Hangul and of everything else, in order. */
export function languageStretches(text: string): { text: string; korean: boolean }[] {
  return text
    .split(KOREAN_STRETCH)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, korean: IS_KOREAN.test(part) }));
}

/** Splits text into runs tagged with their language; Korean runs get the East Asian font. */
export function languageRuns(text: string, language: 'en-US' | 'ko-KR', style: RunStyle = {}): TextRun[] {
  return languageStretches(text).map((part) =>
    part.korean
      ? new TextRun({ text: part.text, ...style, language: { value: 'ko-KR', eastAsia: 'ko-KR' }, font: { eastAsia: EAST_ASIAN_FONT } })
      : new TextRun({ text: part.text, ...style, language: { value: language, eastAsia: 'ko-KR' } }),
  );
}

export const languageTag = (code: string): 'en-US' | 'ko-KR' => (code === 'ko' ? 'ko-KR' : 'en-US');

/** The bilingual table's style id: borders, cell margins and a shaded, bold header row live in it, not on the table. */
export const BILINGUAL_TABLE_STYLE = 'BilingualTranscript';

function bilingualTableStyleXml(): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>`;
  return [
    `<w:style w:type="table" w:customStyle="1" w:styleId="${BILINGUAL_TABLE_STYLE}">`,
    '<w:name w:val="Bilingual Transcript"/><w:uiPriority w:val="59"/><w:qFormat/>',
    // Zero spacing inside cells, one line rule for Korean and Latin alike.
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="264" w:lineRule="auto"/></w:pPr>',
    '<w:rPr><w:sz w:val="20"/></w:rPr>',
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`,
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>',
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8EDF2"/></w:tcPr></w:tblStylePr>',
    '</w:style>',
  ].join('');
}

const styles: IPropertiesOptions['styles'] = {
  default: {
    document: {
      run: { font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: EAST_ASIAN_FONT }, size: 22, language: { value: 'en-US', eastAsia: 'ko-KR' } },
      paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: { run: { size: 44, bold: true }, paragraph: { spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true } },
    // Headings carry outline levels (Word's navigation pane, LibreOffice's navigator, CMS
    // importers) and stay on the page of the paragraph that follows them.
    heading1: { run: { size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
    heading2: { run: { size: 24, bold: true }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
    caption: { run: { size: 18, italics: true, color: '555555' } },
  },
  // Named character styles for the article's inline emphasis, never direct formatting: CMS
  // importers map them (resources/docx-style-map.txt) and Word's own styles keep their names.
  characterStyles: [
    { id: 'Emphasis', name: 'Emphasis', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { italics: true } },
    { id: 'Strong', name: 'Strong', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } },
  ],
  paragraphStyles: [
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, color: '444444' }, paragraph: { keepNext: true } },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: '404040' },
      paragraph: { indent: { left: 720, right: 720 } },
    },
    // One named style per part of the column template, so a CMS import can map each of them.
    { id: 'Dateline', name: 'Dateline', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 20, color: '555555' } },
    { id: 'ImageCredit', name: 'Image Credit', basedOn: 'Caption', next: 'Normal', quickFormat: true },
    { id: 'SeriesNote', name: 'Series Note', basedOn: 'Quote', next: 'Normal', quickFormat: true },
    { id: 'HowToSubmit', name: 'How To Submit', basedOn: 'Quote', next: 'Normal', quickFormat: true },
    { id: 'QuestionLine', name: 'Question Line', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true }, paragraph: { keepNext: true } },
    { id: 'Bio', name: 'Bio', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true } },
    { id: 'FollowUp', name: 'Follow Up', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true } },
    { id: 'Closing', name: 'Closing', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true } },
    { id: 'PullQuote', name: 'Pull Quote', basedOn: 'Quote', next: 'Normal', quickFormat: true, run: { size: 28 }, paragraph: { keepLines: true } },
    { id: 'EditorsNote', name: 'Editors Note', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '404040' } },
    {
      id: 'SectionBreak',
      name: 'Section Break',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, keepNext: true },
    },
  ],
};


/** The footer of every page: the slug, an optional DRAFT mark, and "Page X of Y". */
export function pageFooter(slug: string, draftMark: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${draftMark ? 'DRAFT · ' : ''}${slug} · Page `, size: 18 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
          new TextRun({ text: ' of ', size: 18 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 }),
        ],
      }),
    ],
  });
}

/**
 * Two things docx cannot write, added to the finished package. Word adds the name of whoever saves
 * the file next (author, editor, comment authors) unless the document says not to: these flags
 * make Word strip personal information and dates on save. And docx has no table styles (its
 * `importedStyles` would replace every other style), so the bilingual table's named style is
 * added to styles.xml as Word writes one.
 */
function finishedPackage(packed: Buffer, insertion?: BodyInsertion): PackedDocx {
  const parts: DocxParts = Object.entries(unzipSync(packed)).map(([name, bytes]) => ({ name, pieces: [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')] }));
  const edit = (name: string, change: (xml: string) => string[]) => {
    const part = parts.find((candidate) => candidate.name === name);
    if (part) part.pieces = change(part.pieces.join(''));
  };
  if (insertion) edit('word/document.xml', (xml) => withInsertion(xml, insertion));
  edit('word/settings.xml', (xml) => [xml.includes('w:removePersonalInformation') ? xml : xml.replace(/<w:settings([^>]*)>/, '<w:settings$1><w:removePersonalInformation/><w:removeDateAndTime/>')]);
  edit('word/styles.xml', (xml) => [xml.replace('</w:styles>', `${bilingualTableStyleXml()}</w:styles>`)]);
  // Encoded piece by piece: one 14 MB string would first have to be flattened, then encoded.
  return { bytes: zipParts(parts.map((part) => ({ name: part.name, bytes: utf8Of(part.pieces) }))), parts };
}

/** The pieces encoded into one buffer of their exact size (not a buffer per piece, then a copy of them all). */
function utf8Of(pieces: string[]): Buffer {
  // Zero-filled, not allocUnsafe: whatever memory held before must never reach a file.
  const bytes = Buffer.alloc(pieces.reduce((total, piece) => total + Buffer.byteLength(piece, 'utf8'), 0));
  let written = 0;
  for (const piece of pieces) written += bytes.write(piece, written, 'utf8');
  if (written !== bytes.length) throw new Error('A part of the document was not encoded whole.');
  return bytes;
}

/**
 * A ZIP of the parts in fflate's container, each deflated by Node's zlib: native, several times
 * faster than a JavaScript deflate on the 14 MB body of a 10,000-row table. (fflate takes files
 * compressed elsewhere through its ZipInputFile interface.)
 */
function zipParts(parts: { name: string; bytes: Uint8Array }[]): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const { name, bytes } of parts) {
    const file: ZipInputFile = { filename: name, size: bytes.length, crc: crc32(bytes), compression: 8 };
    zip.add(file);
    file.ondata!(null, deflateRawSync(bytes, { level: 3 }), true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/**
 * The parts of a Word file as text (XML), each in pieces that split it only between tags (a long
 * table is a piece per row): joined, a piece list is the part.
 */
export type DocxParts = { name: string; pieces: string[] }[];

/** A finished Word file: its bytes, and every part's text exactly as zipped into them (what the checks read). */
export type PackedDocx = { bytes: Buffer; parts: DocxParts };

/**
 * Markup written without docx (a long table: bilingual-table-xml.ts), put where the paragraph
 * holding `marker` — a one-off id no text can contain — stands in the body.
 */
export type BodyInsertion = { marker: string; xml: string[] };

/** The document's XML in pieces, the insertion's own among them; every piece is whole tags and text. */
function withInsertion(documentXml: string, { marker, xml }: BodyInsertion): string[] {
  const at = documentXml.indexOf(marker);
  if (at < 0) throw new Error('The place for the inserted body is missing from the document.');
  const start = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at));
  const end = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
  return [documentXml.slice(0, start), ...xml, documentXml.slice(end)];
}

/** Builds the .docx bytes with neutral properties: no creator, editor or company names. */
export async function packDocument(options: {
  title: string;
  author: string;
  sections: ISectionOptions[];
  comments?: IPropertiesOptions['comments'];
  insertion?: BodyInsertion;
}): Promise<PackedDocx> {
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
  return finishedPackage(await Packer.toBuffer(document), options.insertion);
}
