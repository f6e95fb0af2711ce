// What a CMS import makes of the Word files: mammoth (the docx-to-HTML converter such imports
// use) with the style map shipped in resources/. The headline must be h1, subheads h2, the dek
// recognisable, and no paragraph style may go unrecognised (it would arrive as plain <p>).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { exportFixture } from './test-support/export-fixture';
import { renderExport } from './export-interview';

const styleMap = async () => readFile(join(__dirname, '../../../../resources/docx-style-map.txt'), 'utf8');

async function convert(format: 'docx-article' | 'docx-transcript', adjust: (fixture: ReturnType<typeof exportFixture>) => void = () => undefined) {
  const fixture = exportFixture();
  adjust(fixture);
  const rendered = await renderExport(fixture.interview, fixture.settings, { format, language: 'target', includeNotes: true, allowUnlisted: true });
  return mammoth.convertToHtml({ buffer: Buffer.from(rendered.bytes) }, { styleMap: await styleMap() });
}

describe('Word files through a docx-to-HTML import (mammoth, shipped style map)', () => {
  it('the article: h1 headline, the dek, h2 subheads, pull quote, section break; no unrecognised style', async () => {
    const result = await convert('docx-article', ({ interview }) => {
      const paragraphs = interview.article.blocks.filter((block) => block.kind === 'paragraph');
      if (paragraphs[0]?.kind === 'paragraph') paragraphs[0].role = 'subhead';
      if (paragraphs[1]?.kind === 'paragraph') paragraphs[1].role = 'pullQuote';
    });
    const html = result.value;
    expect(html).toMatch(/^<h1 class="headline">Ask a North Korean: What did children do after school\?<\/h1><p class="dek">A woman who grew up/);
    expect(html).toContain('<p class="dateline">May 21, 2024</p>');
    expect(html).toContain('<h2>I grew up in my neighbourhood. My name is Lee Ji-woo.');
    expect(html).toMatch(/<blockquote class="pull-quote"><p>My mother sold “noodles”/);
    expect(html).toContain('<p class="section-break">* * *</p>');
    expect(html).toContain('<p class="question">Today’s question asks:');
    expect(html).toContain('<p class="bio">');
    expect(html).toContain('<p class="follow-up">Got a question for Lee Ji-woo? Send it with');
    expect(result.messages.filter((message) => /Unrecognised/.test(message.message))).toEqual([]);
  });

  it('the article’s *italic* and **bold** arrive as <em> and <strong>; a note’s footnote sits on the word it explains', async () => {
    const result = await convert('docx-article', ({ interview }) => {
      const block = interview.article.blocks.find((candidate) => candidate.kind === 'paragraph' && candidate.text.startsWith('My mother'));
      if (block?.kind === 'paragraph') block.text = 'My mother sold *naengmyeon* at the jangmadang, **every** day.';
    });
    const html = result.value;
    expect(html).toContain('My mother sold <em>naengmyeon</em> at the jangmadang<sup><a href="#footnote-');
    expect(html).toContain(', <strong>every</strong> day.');
    expect(result.messages.filter((message) => /Unrecognised/.test(message.message))).toEqual([]);
  });

  it('the transcript: h1 title and no unrecognised style', async () => {
    const result = await convert('docx-transcript');
    expect(result.value).toMatch(/^<h1 class="headline">/);
    expect(result.value).toContain('English translation of a Korean interview');
    expect(result.messages.filter((message) => /Unrecognised/.test(message.message))).toEqual([]);
  });
});
