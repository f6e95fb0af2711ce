// The bilingual table's WordprocessingML, written as text. Built through docx's object tree, a
// table of 10,000 rows is 40,000 cells and some 100,000 objects, formatted and resolved one by
// one: about four seconds and half a gigabyte before the file is zipped. This writes the same
// markup (the cell and run properties docx writes for them, the table style's id) straight into
// strings, a row at a time. Everything else in the file still comes from docx.
import { EAST_ASIAN_FONT, languageStretches } from './docx-styles';

/** A column: its heading (English unless `titleLanguage` says), width in twips, and each row's text and language. */
export type TableColumn<Row> = { title: string; titleLanguage?: 'en-US' | 'ko-KR'; width: number; language: (row: Row) => 'en-US' | 'ko-KR'; text: (row: Row) => string };

/** Characters XML 1.0 cannot hold at all (controls, unpaired surrogates, U+FFFE/U+FFFF): dropped. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_IN_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const CELL_PARAGRAPH_PROPERTIES = '<w:pPr><w:spacing w:after="0" w:before="0" w:line="264" w:lineRule="auto"/></w:pPr>';

/** One run per language stretch; a line break inside the text is a line break in Word too. */
function runs(text: string, language: 'en-US' | 'ko-KR', bold: boolean, extraRunProperties = ''): string {
  let xml = '';
  for (const stretch of languageStretches(text)) {
    const font = stretch.korean ? `<w:rFonts w:eastAsia="${EAST_ASIAN_FONT}"/>` : '';
    const lang = `<w:lang w:val="${stretch.korean ? 'ko-KR' : language}" w:eastAsia="ko-KR"/>`;
    const lines = stretch.text.split('\n').map((line) => `<w:t xml:space="preserve">${escapeXmlText(line)}</w:t>`);
    xml += `<w:r><w:rPr>${font}${bold ? '<w:b/><w:bCs/>' : ''}${extraRunProperties}${lang}</w:rPr>${lines.join('<w:br/>')}</w:r>`;
  }
  return xml;
}

function cell(text: string, language: 'en-US' | 'ko-KR', width: number, bold: boolean, extraRunProperties: string): string {
  // Word rejects a cell without a paragraph, so even an empty cell gets one. The line rule is
  // repeated on each paragraph for LibreOffice, which does not apply a table style's paragraph properties.
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr><w:p>${CELL_PARAGRAPH_PROPERTIES}${runs(text, language, bold, extraRunProperties)}</w:p></w:tc>`;
}

/**
 * The table as pieces of XML (a header row repeated on every page, then a row per item that
 * never splits across pages), fixed column widths, styled by `styleId`.
 */
export function tableXml<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[], options: { styleId: string; width: number; halfPoints?: number }): string[] {
  // A size of its own (the narrator's review copy is set large) goes on every run, as Word writes it.
  const size = options.halfPoints ? `<w:sz w:val="${options.halfPoints}"/><w:szCs w:val="${options.halfPoints}"/>` : '';
  const pieces = [
    `<w:tbl><w:tblPr><w:tblStyle w:val="${options.styleId}"/><w:tblW w:type="dxa" w:w="${options.width}"/><w:tblLayout w:type="fixed"/></w:tblPr>`,
    `<w:tblGrid>${columns.map((column) => `<w:gridCol w:w="${column.width}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${columns.map((column) => cell(column.title, column.titleLanguage ?? 'en-US', column.width, true, size)).join('')}</w:tr>`,
  ];
  for (const row of rows) {
    pieces.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${columns.map((column) => cell(column.text(row), column.language(row), column.width, false, size)).join('')}</w:tr>`);
  }
  pieces.push('</w:tbl>');
  return pieces;
}
