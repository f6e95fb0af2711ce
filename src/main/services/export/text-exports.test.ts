import { describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../shared/contract';
import { exportFixture } from './export-fixture';
import { renderExport } from './export-interview';

async function text(request: Partial<ExportRequest> & Pick<ExportRequest, 'format'>): Promise<string> {
  const { interview, settings } = exportFixture();
  const rendered = await renderExport(interview, settings, { language: 'source', includeOpenQueries: false, allowUnlisted: false, ...request });
  return Buffer.from(rendered.bytes).toString('utf8');
}

describe('text exports', () => {
  it('SRT: numbered cues with comma milliseconds, speaker prefixed, redacted', async () => {
    const srt = await text({ format: 'srt', language: 'target' });
    expect(srt.startsWith('1\n00:00:00,000 --> 00:00:20,000\nInterviewer: Where did you grow up?\n\n2\n00:00:25,000 --> 00:00:45,000\nLee Ji-woo: I grew up in my neighbourhood.')).toBe(true);
  });

  it('WebVTT: header, dot milliseconds, voice tags', async () => {
    const vtt = await text({ format: 'vtt' });
    expect(vtt).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:20\.000\n<v Interviewer>어디에서 자라셨어요\?/);
    expect(vtt).toContain('<v Lee Ji-woo>저는 [동네]에서 자랐어요.');
  });

  it('plain text: the oral-history transcript', async () => {
    expect(await text({ format: 'txt' })).toContain('[00:00:25] Lee Ji-woo: 저는 [동네]에서');
  });

  it('Markdown: the article with footnotes and a section break', async () => {
    const md = await text({ format: 'md' });
    expect(md).toMatch(/^# Ask a North Korean: What did children do after school\?\n\n\*A woman who grew up/);
    expect(md).toContain('I grew up in my neighbourhood. My name is Lee Ji-woo.[^1]');
    expect(md).toContain('\n\n* * *\n\n');
    expect(md).toContain('[^2]: Jangmadang: informal market.');
  });

  it('never contains a listed term, in any format', async () => {
    for (const format of ['srt', 'vtt', 'txt', 'md'] as const) {
      for (const language of ['source', 'target'] as const) {
        const output = (await text({ format, language })).toLowerCase();
        for (const term of ['최순희', 'choesunhui', '연봉동', 'yonbong']) expect(output, `${format}/${language}`).not.toContain(term);
      }
    }
  });
});
