// Runs of WordprocessingML written as text, with the properties docx writes for languageRuns
// (docx-styles.ts): one run per language stretch, Korean ones in the East Asian font. Long bodies
// (the bilingual table, the oral-history transcript) are written this way a paragraph at a time:
// built through docx's object tree, 10,000 segments are some 100,000 objects formatted one by
// one, seconds and hundreds of megabytes before the file is zipped.
import { EAST_ASIAN_FONT, languageStretches } from './docx-styles';

/** Characters XML 1.0 cannot hold at all (controls, unpaired surrogates, U+FFFE/U+FFFF): dropped. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_IN_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One run per language stretch; a line break inside the text is a line break in Word too. */
export function runsXml(text: string, language: 'en-US' | 'ko-KR', { bold = false, extraRunProperties = '' }: { bold?: boolean; extraRunProperties?: string } = {}): string {
  let xml = '';
  for (const stretch of languageStretches(text)) {
    const font = stretch.korean ? `<w:rFonts w:eastAsia="${EAST_ASIAN_FONT}"/>` : '';
    const lang = `<w:lang w:val="${stretch.korean ? 'ko-KR' : language}" w:eastAsia="ko-KR"/>`;
    const lines = stretch.text.split('\n').map((line) => `<w:t xml:space="preserve">${escapeXmlText(line)}</w:t>`);
    xml += `<w:r><w:rPr>${font}${bold ? '<w:b/><w:bCs/>' : ''}${extraRunProperties}${lang}</w:rPr>${lines.join('<w:br/>')}</w:r>`;
  }
  return xml;
}

/** A paragraph of the given style holding `runs` (runsXml's). */
export const paragraphXml = (styleId: string, runs: string): string => `<w:p><w:pPr><w:pStyle w:val="${styleId}"/></w:pPr>${runs}</w:p>`;
