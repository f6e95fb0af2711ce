import { describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../shared/contract';
import type { Interview } from '../../../shared/interview';
import { exportFixture } from './test-support/export-fixture';
import { renderExport } from './export-interview';

async function text(request: Partial<ExportRequest> & Pick<ExportRequest, 'format'>, change: (interview: Interview) => void = () => undefined): Promise<string> {
  const { interview, settings } = exportFixture();
  change(interview);
  const rendered = await renderExport(interview, settings, { language: 'source', includeOpenQueries: false, allowUnlisted: false, ...request });
  return Buffer.from(rendered.bytes).toString('utf8');
}

describe('text exports', () => {
  it('SRT: numbered cues with comma milliseconds, no names and no dash on a cue with one speaker, at most 7 s and two lines of 42', async () => {
    const srt = await text({ format: 'srt', language: 'target' });
    expect(srt.startsWith('1\n00:00:00,000 --> 00:00:07,000\nWhere did you grow up?\n\n2\n00:00:25,000 --> 00:00:32,000\nI grew up in my neighbourhood.\nMy name is Lee Ji-woo.\n\n')).toBe(true);
    expect(srt).not.toMatch(/^- /m);
    expect(srt).not.toMatch(/Interviewer:|Lee Ji-woo:/);
    const textLines = srt.split('\n').filter((line) => line && !/^\d+$/.test(line) && !line.includes('-->'));
    expect(textLines.every((line) => line.length <= 42)).toBe(true);
    expect(srt).toContain('“noodles”'); // the typography pass reaches subtitles too
  });

  it('SRT: a long segment becomes several cues timed by length; Korean lines keep to 20 characters', async () => {
    const long =
      'The rations stopped during the Arduous March, and from then on my mother sold noodles at the market. ' +
      'We got up before dawn to make them, and by noon they were gone. Nobody in our street had rice that winter.';
    const english = await text({ format: 'srt', language: 'target' }, (interview) => {
      interview.segments[0]!.translation = long;
    });
    const first = english.split('\n\n').slice(0, 3);
    // Two frames (80 ms) between the cues of one segment; at most 7 s on screen.
    expect(first.map((cue) => cue.split('\n')[1])).toEqual(['00:00:00,000 --> 00:00:07,000', '00:00:07,512 --> 00:00:13,091', '00:00:13,171 --> 00:00:20,000']);
    const korean = await text({ format: 'srt', language: 'source' });
    const koreanLines = korean.split('\n').filter((line) => /[가-힣]/.test(line));
    expect(koreanLines.every((line) => [...line].length <= 20)).toBe(true);
  });

  it('SRT and VTT of the translation keep an untranslated answer as an [untranslated] cue', async () => {
    for (const format of ['srt', 'vtt'] as const) {
      const subtitles = await text({ format, language: 'target' }, (interview) => {
        interview.segments[3]!.translation = '';
      });
      expect(subtitles).toMatch(/00:01:15[,.]000 --> 00:01:22[,.]000\n(<v Lee Ji-woo>)?\[untranslated\]/);
    }
  });

  it('Markdown keeps *italic* and **bold** and puts a footnote after the word its note explains', async () => {
    const md = await text({ format: 'md', includeNotes: true }, (interview) => {
      const block = interview.article.blocks.find((candidate) => candidate.kind === 'paragraph' && candidate.text.startsWith('My mother'));
      if (block?.kind === 'paragraph') block.text = 'My mother sold *noodles* at the jangmadang, **every** day.';
    });
    expect(md).toContain('My mother sold *noodles* at the jangmadang[^2], **every** day.');
    expect(md).toContain('[^2]: Jangmadang: informal market.');
  });

  it('the house dash style reaches subtitles and transcripts, not only the article', async () => {
    const { interview, settings } = exportFixture();
    const closed = { ...settings, typography: { dashSpacing: 'closed' as const } };
    for (const format of ['srt', 'txt'] as const) {
      const output = Buffer.from((await renderExport(interview, closed, { format, language: 'target', allowUnlisted: true })).bytes).toString('utf8');
      expect(output.replace(/\n/g, ' '), format).toContain('(장마당)—every day');
    }
  });

  it('WebVTT: header, dot milliseconds, voice tags', async () => {
    const vtt = await text({ format: 'vtt' });
    expect(vtt).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:07\.000\n<v Interviewer>어디에서 자라셨어요\?/);
    expect(vtt).toContain('<v Lee Ji-woo>저는 [동네]에서 자랐어요.');
  });

  it('plain text: the oral-history transcript', async () => {
    expect(await text({ format: 'txt' })).toContain('[00:00:25] Lee Ji-woo: 저는 [동네]에서');
  });

  it('Markdown: translator notes are left out unless asked for', async () => {
    const md = await text({ format: 'md' });
    expect(md).not.toContain('[^1]');
    expect(md).not.toContain('Jangmadang: informal market.');
  });

  it('Markdown: the article with footnotes and a section break', async () => {
    const md = await text({ format: 'md', includeNotes: true });
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
