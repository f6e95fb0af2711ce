import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { tableXml, type TableColumn } from './bilingual-table-xml';
import { escapeXmlText } from './wordml-runs';

type Row = { source: string; translation: string };
const columns: TableColumn<Row>[] = [
  { title: 'Korean', width: 4000, language: () => 'ko-KR', text: (row) => row.source },
  { title: 'English', width: 4000, language: () => 'en-US', text: (row) => row.translation },
];
const wrapped = (pieces: string[]) => `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${pieces.join('')}</w:body></w:document>`;

describe('the bilingual table written as markup', () => {
  it('is well-formed whatever the text holds: markup characters escaped, characters XML cannot hold dropped', () => {
    const rows: Row[] = [{ source: '장마당 <b>&amp; "따옴표"', translation: 'Tom & Jerry <script>\u0000\u0001\u000b ok \ud800 end' }];
    const xml = wrapped(tableXml(rows, columns, { styleId: 'BilingualTranscript', width: 8000 }));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<w:t xml:space="preserve"> &lt;b&gt;&amp;amp; "</w:t>');
    expect(xml).toContain('Tom &amp; Jerry &lt;script&gt; ok  end');
    expect(escapeXmlText('a\u0009b\u000ac\u000dd')).toBe('a\u0009b\u000ac\u000dd'); // tab and line ends are allowed
  });

  it('has a header row repeated on each page, a row per item that never splits, fixed widths and the style', () => {
    const xml = tableXml([{ source: '하나', translation: 'one' }, { source: '둘', translation: 'two' }], columns, { styleId: 'BilingualTranscript', width: 8000 }).join('');
    expect(xml.match(/<w:tr>/g)).toHaveLength(3);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(2);
    expect(xml).toContain('<w:tblStyle w:val="BilingualTranscript"/><w:tblW w:type="dxa" w:w="8000"/><w:tblLayout w:type="fixed"/>');
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>');
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/><w:lang w:val="en-US" w:eastAsia="ko-KR"/></w:rPr><w:t xml:space="preserve">Korean</w:t></w:r>');
  });

  it('tags Korean stretches with the East Asian font and their language, and keeps line breaks as breaks', () => {
    const xml = tableXml([{ source: '장마당 market', translation: 'first question\nsecond question' }], columns, { styleId: 'S', width: 8000 }).join('');
    expect(xml).toContain('<w:r><w:rPr><w:rFonts w:eastAsia="Malgun Gothic"/><w:lang w:val="ko-KR" w:eastAsia="ko-KR"/></w:rPr><w:t xml:space="preserve">장마당</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:lang w:val="ko-KR" w:eastAsia="ko-KR"/></w:rPr><w:t xml:space="preserve"> market</w:t></w:r>');
    expect(xml).toContain('<w:t xml:space="preserve">first question</w:t><w:br/><w:t xml:space="preserve">second question</w:t>');
  });
});
