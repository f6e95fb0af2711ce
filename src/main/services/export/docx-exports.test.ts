import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../shared/contract';
import { exportFixture } from './test-support/export-fixture';
import { renderExport } from './export-interview';

async function unzip(
  request: Partial<ExportRequest> & Pick<ExportRequest, 'format'>,
  adjust?: (fixture: ReturnType<typeof exportFixture>) => void,
): Promise<Record<string, string>> {
  const fixture = exportFixture();
  adjust?.(fixture);
  const rendered = await renderExport(fixture.interview, fixture.settings, { language: 'source', includeOpenQueries: false, allowUnlisted: false, ...request });
  const zip = await JSZip.loadAsync(rendered.bytes);
  const parts: Record<string, string> = {};
  for (const entry of Object.values(zip.files)) if (!entry.dir) parts[entry.name] = await entry.async('string');
  return parts;
}

const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((match) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(match[1]!)?.[1] ?? '',
    text: [...match[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
  }));

/** When the fixture's open query was raised, as Word writes comment dates. */
function fixtureQueryDate(): string {
  const query = exportFixture().interview.segments.flatMap((segment) => segment.queries).find((candidate) => candidate.status === 'open')!;
  return new Date(query.createdAt).toISOString();
}

const sensitive = ['최순희', 'choesunhui', 'Choe Sun', '연봉동', 'Yonbong', 'yeonbongdong'];

describe('every Word file', () => {
  it('holds exactly the parts the checks read: read back by another ZIP reader, part for part', async () => {
    for (const format of ['docx-article', 'docx-bilingual', 'docx-transcript'] as const) {
      const fixture = exportFixture();
      const rendered = await renderExport(fixture.interview, fixture.settings, { format, language: 'target', includeOpenQueries: true, includeNotes: true, allowUnlisted: false });
      if (!rendered.isDocx) throw new Error('not a Word file');
      const zip = await JSZip.loadAsync(rendered.bytes);
      const readBack = await Promise.all(Object.values(zip.files).filter((entry) => !entry.dir).map(async (entry) => ({ name: entry.name, xml: await entry.async('string') })));
      expect(readBack, format).toEqual(rendered.parts.map((part) => ({ name: part.name, xml: part.pieces.join('') })));
      expect(readBack.map((part) => part.name)).toContain('word/document.xml');
    }
  });
});

describe('article DOCX', () => {
  it('uses Word’s named styles in the template’s order', async () => {
    const parts = await unzip({ format: 'docx-article' });
    const body = paragraphs(parts['word/document.xml']!);
    expect(body.slice(0, 9).map((paragraph) => paragraph.style)).toEqual([
      'Title',
      'Subtitle',
      'Dateline',
      'ImageCredit',
      'SeriesNote',
      'HowToSubmit',
      'QuestionLine',
      'Bio',
      'FollowUp',
    ]);
    expect(body[0]!.text).toBe('Ask a North Korean: What did children do after school?');
    expect(body[2]!.text).toBe('May 21, 2024');
    expect(body[6]!.text).toBe('Today’s question asks: What did children do after school?');
    expect(body[7]!.text).toMatch(/^Lee Ji-woo — who was born and raised in Ryanggang Province, North Korea, and lived there until leaving in 2014 — writes about growing up in the market\.$/);
    // The series' own "Have a question?" is not repeated after the follow-up's question.
    expect(body[8]!.text).toBe('Got a question for Lee Ji-woo? Send it with your first name and city, and we will put it to our writers.');
    const rest = body.slice(9).map((paragraph) => paragraph.text);
    expect(rest).toEqual([
      'I grew up in my neighbourhood. My name is Lee Ji-woo.',
      'My mother sold “noodles” at the jangmadang (장마당) — every day.',
      '* * *', // the section break: a centred mark in its own style
      'In the winter of 2014 I crossed the river.',
      'Those ten minutes were the longest of my life.',
      'I still cannot eat noodles without thinking of her.',
    ]);
    for (const style of ['Subtitle', 'Quote', 'Dateline', 'ImageCredit', 'SeriesNote', 'HowToSubmit', 'QuestionLine', 'Bio', 'FollowUp', 'Closing', 'SectionBreak', 'PullQuote', 'EditorsNote']) {
      expect(parts['word/styles.xml']).toContain(`w:styleId="${style}"`);
    }
    expect(body.at(-1)!.style).toBe('Closing');
    expect(parts['word/document.xml']).not.toMatch(/<w:b\/>|<w:i\/>|<w:sz /); // no direct formatting in the body
  });

  it('headings carry outline levels and keep with the next paragraph; the footer numbers pages; Word is told to strip personal data', async () => {
    const parts = await unzip({ format: 'docx-article', draftMark: true });
    const styles = parts['word/styles.xml']!;
    const heading2 = /<w:style [^>]*w:styleId="Heading2".*?<\/w:style>/s.exec(styles)![0];
    expect(heading2).toContain('<w:keepNext/>');
    expect(heading2).toContain('<w:keepLines/>');
    expect(heading2).toContain('<w:outlineLvl w:val="1"/>');
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toContain('DRAFT · Lee Ji-woo의 장마당 — Market days · Page '); // the slug is the redacted title
    expect(footer).toMatch(/PAGE.*of .*NUMPAGES/s);
    expect(parts['word/settings.xml']).toContain('<w:removePersonalInformation/>');
    expect(parts['word/settings.xml']).toContain('<w:removeDateAndTime/>');
  });

  it('numbers the pages of the bilingual table and the transcript too, with the draft mark when asked; notes and queries are typeset', async () => {
    for (const format of ['docx-bilingual', 'docx-transcript'] as const) {
      const parts = await unzip({ format, language: 'target', draftMark: true, includeNotes: true, includeOpenQueries: true, includeStatus: true }, ({ interview }) => {
        interview.segments[2]!.notes = 'She said "cold noodles" -- not hot ones.';
      });
      const footer = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? '';
      expect(footer, format).toContain('DRAFT · ');
      expect(footer, format).toMatch(/PAGE.*of .*NUMPAGES/s);
      if (format === 'docx-bilingual') {
        const body = parts['word/document.xml']!;
        expect(body).toContain('She said “cold noodles” — not hot ones.');
        expect(body).not.toContain('&quot;cold noodles&quot;');
      }
    }
  });

  it('gives each block role its own style: subhead, pull quote, editor’s note', async () => {
    const parts = await unzip({ format: 'docx-article' }, ({ interview }) => {
      const blocks = interview.article.blocks;
      const paragraphsOnly = blocks.filter((block) => block.kind === 'paragraph');
      if (paragraphsOnly[0]?.kind === 'paragraph') paragraphsOnly[0].role = 'subhead';
      if (paragraphsOnly[1]?.kind === 'paragraph') paragraphsOnly[1].role = 'pullQuote';
      if (paragraphsOnly[2]?.kind === 'paragraph') paragraphsOnly[2].role = 'editorsNote';
    });
    const styles = paragraphs(parts['word/document.xml']!).slice(9, 13).map((paragraph) => paragraph.style);
    expect(styles).toEqual(['Heading2', 'PullQuote', 'SectionBreak', 'EditorsNote']);
  });

  it('leaves translator notes out unless asked: they are reader-facing', async () => {
    const parts = await unzip({ format: 'docx-article' });
    expect(parts['word/document.xml']).not.toContain('<w:footnoteReference');
  });

  it('puts translator notes in footnotes, redacted, when asked', async () => {
    const parts = await unzip({ format: 'docx-article', includeNotes: true });
    expect(parts['word/document.xml']!.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(parts['word/footnotes.xml']).toContain('my neighbourhood is a district');
    expect(parts['word/footnotes.xml']).toContain('Jangmadang: informal market.');
  });

  it('tags English en-US and Korean ko-KR in an East Asian font', async () => {
    const xml = (await unzip({ format: 'docx-article' }))['word/document.xml']!;
    expect(xml).toContain('<w:lang w:val="en-US" w:eastAsia="ko-KR"/>');
    expect(xml).toMatch(/<w:rFonts w:eastAsia="Malgun Gothic"\/><w:lang w:val="ko-KR" w:eastAsia="ko-KR"\/><\/w:rPr><w:t xml:space="preserve">장마당<\/w:t>/);
  });

  it('adds open queries as comments only when asked, authored by a role, dated when raised, numbered above the footnotes', async () => {
    expect((await unzip({ format: 'docx-article' }))['word/comments.xml'] ?? '').not.toContain('Cold noodles');
    const parts = await unzip({ format: 'docx-article', includeOpenQueries: true, includeNotes: true });
    expect(parts['word/comments.xml']).toContain('Cold noodles or hot?');
    expect(parts['word/comments.xml']).toContain('w:author="Translator query"');
    // Two footnotes (ids 1 and 2): the comment takes id 3, so no program confuses the two.
    expect(parts['word/document.xml']!.match(/<w:footnoteReference w:id="(\d+)"\/>/g)).toEqual(['<w:footnoteReference w:id="1"/>', '<w:footnoteReference w:id="2"/>']);
    expect(parts['word/document.xml']).toContain('<w:commentRangeStart w:id="3"/>');
    const query = fixtureQueryDate();
    expect(parts['word/comments.xml']).toContain(`w:date="${query}"`);
  });

  it('carries no personal names in its properties and no listed term anywhere in the package', async () => {
    for (const format of ['docx-article', 'docx-bilingual', 'docx-transcript'] as const) {
      const parts = await unzip({ format, includeOpenQueries: true });
      const core = parts['docProps/core.xml']!;
      expect(core).not.toMatch(/<dc:creator>[^<]+</);
      expect(core).not.toMatch(/<cp:lastModifiedBy>[^<]+</);
      expect(core).not.toContain('Un-named');
      expect(parts['docProps/app.xml']).not.toMatch(/<Company>[^<]+</);
      const everything = Object.values(parts).join('\n').normalize('NFC').toLowerCase();
      for (const term of sensitive) expect(everything, `${format}: ${term}`).not.toContain(term.toLowerCase());
    }
  });

  it('uses the neutral author from Settings when one is set', async () => {
    const parts = await unzip({ format: 'docx-article' }, ({ settings }) => {
      settings.documentAuthor = 'Newsroom';
    });
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Newsroom</dc:creator>');
  });
});

describe('transcript DOCX', () => {
  it('bilingual: a table of timecode, speaker, source and translation, header repeated', async () => {
    const xml = (await unzip({ format: 'docx-bilingual' }))['word/document.xml']!;
    const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((row) =>
      [...row[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((cell) => [...cell[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
    );
    expect(rows[0]).toEqual(['Time', 'Speaker', 'Korean', 'English']);
    expect(rows[2]).toEqual(['00:00:25', 'Lee Ji-woo', '저는 [동네]에서 자랐어요. 제 이름은 Lee Ji-woo예요.', 'I grew up in my neighbourhood. My name is Lee Ji-woo.']);
    expect(rows).toHaveLength(6);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    // No space after each cell's paragraph; one line rule for both languages.
    expect(xml.match(/<w:tc>.*?<w:spacing w:after="0" w:before="0" w:line="264" w:lineRule="auto"\/>/gs)?.length).toBe(rows.flat().length);
    expect(xml).toContain('<w:lang w:val="ko-KR" w:eastAsia="ko-KR"/>');
    // A named table style holds the borders, margins and the header row's look.
    expect(xml).toContain('<w:tblStyle w:val="BilingualTranscript"/>');
  });

  it('bilingual: a named table style in styles.xml, and status, notes and open-query columns when asked', async () => {
    const parts = await unzip({ format: 'docx-bilingual', includeStatus: true, includeNotes: true, includeOpenQueries: true });
    const style = parts['word/styles.xml']!.match(/<w:style w:type="table"[^>]*w:styleId="BilingualTranscript">.*?<\/w:style>/s)?.[0];
    expect(style).toContain('<w:name w:val="Bilingual Transcript"/>');
    expect(style).toContain('<w:tblStylePr w:type="firstRow">');
    expect(style).toContain('<w:spacing w:before="0" w:after="0"');
    const xml = parts['word/document.xml']!;
    const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((row) =>
      [...row[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((cell) => [...cell[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
    );
    expect(rows[0]).toEqual(['Time', 'Speaker', 'Korean', 'English', 'Status', 'Notes', 'Open queries']);
    expect(rows[3]!.slice(4)).toEqual(['Reviewed', 'Jangmadang: informal market.', 'Cold noodles or hot?']);
    // The page turns for the extra columns, which fill its text width; the two texts keep the width they have upright.
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const widths = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(widths).toHaveLength(7);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(16838 - 2880);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeGreaterThan(16838 - 2880 - 10);
    expect(Math.min(widths[2]!, widths[3]!)).toBeGreaterThanOrEqual(3000);
    // Left out unless asked.
    const plain = (await unzip({ format: 'docx-bilingual' }))['word/document.xml']!;
    expect(plain).not.toContain('Open queries');
    expect(plain).not.toContain('w:orient="landscape"');
    expect(plain).not.toContain('Cold noodles');
  });

  it('oral history: speaker label on each turn, timestamps at speaker changes and every 60 seconds', async () => {
    const body = paragraphs((await unzip({ format: 'docx-transcript', language: 'source' }))['word/document.xml']!);
    expect(body[0]).toMatchObject({ style: 'Title' });
    const text = body.map((paragraph) => paragraph.text);
    expect(text).toContain('Korean interview (original language)');
    expect(text.slice(text.indexOf('[00:00:00] Interviewer: 어디에서 자라셨어요?'))).toEqual([
      '[00:00:00] Interviewer: 어디에서 자라셨어요?',
      '[00:00:25] Lee Ji-woo: 저는 [동네]에서 자랐어요. 제 이름은 Lee Ji-woo예요. 어머니는 장마당에서 국수를 팔았어요. 2014년 겨울에 강을 건넜어요.',
      // A minute on within one turn: a new paragraph with its own timestamp.
      '[00:02:05] 그 십 분이 가장 길었어요.',
    ]);
  });
});
