// The bilingual table's WordprocessingML, written as text. Built through docx's object tree, a
// table of 10,000 rows is 40,000 cells and some 100,000 objects, formatted and resolved one by
// one: about four seconds and half a gigabyte before the file is zipped. This writes the same
// markup (the cell and run properties docx writes for them, the table style's id) straight into
// strings, a row at a time. Everything else in the file still comes from docx.
import { runsXml } from './wordml-runs';

/** A column: its heading (English unless `titleLanguage` says), width in twips, and each row's text and language. */
export type TableColumn<Row> = { title: string; titleLanguage?: 'en-US' | 'ko-KR'; width: number; language: (row: Row) => 'en-US' | 'ko-KR'; text: (row: Row) => string };

const CELL_PARAGRAPH_PROPERTIES = '<w:pPr><w:spacing w:after="0" w:before="0" w:line="264" w:lineRule="auto"/></w:pPr>';

function cell(text: string, language: 'en-US' | 'ko-KR', width: number, bold: boolean, extraRunProperties: string): string {
  // Word rejects a cell without a paragraph, so even an empty cell gets one. The line rule is
  // repeated on each paragraph for LibreOffice, which does not apply a table style's paragraph properties.
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr><w:p>${CELL_PARAGRAPH_PROPERTIES}${runsXml(text, language, { bold, extraRunProperties })}</w:p></w:tc>`;
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
