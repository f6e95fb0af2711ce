// Transcripts to oral-history standard and the ELAN export, on small interviews built for each case.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { schemaErrors } from './test-support/xml-schemas';
import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from '../../../shared/interview';
import { renderExport } from './export-interview';
import { exportFixture } from './test-support/export-fixture';
import { oralHistoryText, oralHistoryTurns } from './transcript-layout';

function interviewWith(segments: Interview['segments']): Interview {
  const interview = newInterview('int-t', 'Turns', '2026-01-01T00:00:00Z');
  interview.speakers = [
    { id: 'spk-i', name: 'Interviewer', color: '#2f5d8a' },
    { id: 'spk-n', name: 'Ji-woo', color: '#b5651d' },
  ];
  interview.narrator.pseudonym = 'Ji-woo';
  interview.interviewer = 'Desk interviewer';
  interview.translator = 'Desk translator';
  interview.segments = segments;
  return interview;
}

describe('oral-history transcripts', () => {
  it('keep an untranslated answer between two questions as its own turn with a tag', () => {
    const interview = interviewWith([
      newSegment({ id: 's1', start: 0, end: 4, speakerId: 'spk-i', source: '어디서 자랐어요?', translation: 'Where did you grow up?' }),
      newSegment({ id: 's2', start: 5, end: 12, speakerId: 'spk-n', source: '혜산에서 자랐어요.', translation: '' }),
      newSegment({ id: 's3', start: 13, end: 16, speakerId: 'spk-i', source: '학교는요?', translation: 'And school?' }),
    ]);
    const turns = oralHistoryTurns(interview, 'target');
    expect(turns.map((turn) => [turn.speaker, turn.pieces.map((piece) => piece.text).join(' ')])).toEqual([
      ['Interviewer', 'Where did you grow up?'],
      ['Ji-woo', '[untranslated 00:00:05–00:00:12]'],
      ['Interviewer', 'And school?'],
    ]);
    const text = oralHistoryText(interview, 'target');
    expect(text).toContain('English translation of a Korean interview');
    expect(text).toContain('Interviewer: Desk interviewer');
    expect(text).toContain('Translator: Desk translator');
    expect(text).toContain('[00:00:05] Ji-woo: [untranslated 00:00:05–00:00:12]');
  });

  it('stamp a five-minute single-speaker turn at least every minute, each stamp opening a paragraph', () => {
    const interview = interviewWith(
      Array.from({ length: 30 }, (_, index) => newSegment({ id: `s${index}`, start: index * 10, end: index * 10 + 9, speakerId: 'spk-n', source: `문장 ${index}.`, translation: `Sentence ${index}.` })),
    );
    const text = oralHistoryText(interview, 'target');
    const stamps = text.match(/\[\d\d:\d\d:\d\d\]/g) ?? [];
    expect(stamps.length).toBeGreaterThanOrEqual(5);
    expect(text).toContain('\n\n[00:01:00] Sentence 6.');
    expect(text).not.toContain('Translator:'.repeat(2));
    // A Korean transcript says it is the original, not a translation.
    expect(oralHistoryText(interview, 'source')).toContain('Korean interview (original language)');
    expect(oralHistoryText(interview, 'source')).not.toContain('Translator:');
  });
});

describe('ELAN export (EAF 3.0)', () => {
  it('has the header in milliseconds with the media, ordered time slots, a tier per speaker and a dependent translation tier, redacted', async () => {
    const { interview, settings } = exportFixture();
    interview.recording = { fileName: 'recording.ogg', originalName: 'x.ogg', mimeType: 'audio/ogg', sizeBytes: 1, durationSeconds: 130, importedAt: '2026-01-01T00:00:00Z' } as Interview['recording'];
    const xml = Buffer.from((await renderExport(interview, settings, { format: 'eaf', allowUnlisted: true })).bytes).toString('utf8');
    expect(xml).not.toContain('최순희');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['TIER', 'ANNOTATION', 'TIME_SLOT', 'LINGUISTIC_TYPE', 'LANGUAGE'].includes(name) }).parse(xml);
    const document = parsed.ANNOTATION_DOCUMENT;
    expect(document).toMatchObject({ FORMAT: '3.0', VERSION: '3.0' });
    expect(document.HEADER).toMatchObject({ TIME_UNITS: 'milliseconds', MEDIA_DESCRIPTOR: { MIME_TYPE: 'audio/ogg', RELATIVE_MEDIA_URL: './recording.ogg' } });
    const slots: { TIME_SLOT_ID: string; TIME_VALUE: string }[] = document.TIME_ORDER.TIME_SLOT;
    expect(slots[0]).toEqual({ TIME_SLOT_ID: 'ts1', TIME_VALUE: '0' });
    const values = new Map(slots.map((slot) => [slot.TIME_SLOT_ID, Number(slot.TIME_VALUE)]));
    const tiers: { TIER_ID: string; PARENT_REF?: string; LINGUISTIC_TYPE_REF: string; ANNOTATION: Record<string, { ANNOTATION_ID: string; ANNOTATION_REF?: string; TIME_SLOT_REF1?: string; TIME_SLOT_REF2?: string; ANNOTATION_VALUE: string }>[] }[] = document.TIER;
    expect(tiers.map((tier) => [tier.TIER_ID, tier.PARENT_REF ?? null, tier.LINGUISTIC_TYPE_REF])).toEqual([
      ['Interviewer', null, 'utterance'],
      ['Interviewer (translation)', 'Interviewer', 'translation'],
      ['Lee Ji-woo', null, 'utterance'],
      ['Lee Ji-woo (translation)', 'Lee Ji-woo', 'translation'],
    ]);
    const utterances = tiers[2]!.ANNOTATION.map((annotation) => annotation.ALIGNABLE_ANNOTATION!);
    expect(values.get(utterances[0]!.TIME_SLOT_REF1!)).toBe(25_000);
    expect(values.get(utterances[0]!.TIME_SLOT_REF2!)).toBe(45_000);
    const translations = tiers[3]!.ANNOTATION.map((annotation) => annotation.REF_ANNOTATION!);
    expect(translations[0]).toMatchObject({ ANNOTATION_REF: utterances[0]!.ANNOTATION_ID, ANNOTATION_VALUE: 'I grew up in my neighbourhood. My name is Lee Ji-woo.' });
    const types = document.LINGUISTIC_TYPE as { LINGUISTIC_TYPE_ID: string; CONSTRAINTS?: string; TIME_ALIGNABLE: string }[];
    expect(types).toContainEqual({ LINGUISTIC_TYPE_ID: 'translation', TIME_ALIGNABLE: 'false', CONSTRAINTS: 'Symbolic_Association', GRAPHIC_REFERENCES: 'false' });
    expect(document.CONSTRAINT).toMatchObject({ STEREOTYPE: 'Symbolic_Association' });
    expect(types).toContainEqual({ LINGUISTIC_TYPE_ID: 'utterance', TIME_ALIGNABLE: 'true', GRAPHIC_REFERENCES: 'false' });
    expect(document.HEADER.MEDIA_DESCRIPTOR.MEDIA_URL).toBe('recording.ogg');
  });

  it('is well-formed XML and valid against EAFv3.0.xsd', async () => {
    const { interview, settings } = exportFixture();
    interview.recording = { fileName: 'recording.ogg', mimeType: 'audio/ogg', durationSeconds: 130 };
    const xml = Buffer.from((await renderExport(interview, settings, { format: 'eaf', allowUnlisted: true })).bytes).toString('utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(await schemaErrors('eaf', xml)).toEqual([]);
  });
});

describe('OHMS export (record schema 6.0)', () => {
  // The record's children in the order OHMS's schema sequence sets them (optional ones may be absent).
  const SCHEMA_ORDER = ['version', 'date', 'date_nonpreferred_format', 'cms_record_id', 'title', 'accession', 'duration', 'collection_id', 'collection_name', 'series_id', 'series_name', 'repository', 'funding', 'repository_url', 'subject', 'keyword', 'interviewee', 'interviewer', 'format', 'file_name', 'sync', 'sync_alt', 'transcript_alt_lang', 'translate', 'media_id', 'media_url', 'mediafile', 'kembed', 'language', 'user_notes', 'index', 'type', 'description', 'rel', 'transcript', 'transcript_alt', 'vtt_transcript', 'vtt_transcript_alt', 'rights', 'fmt', 'usage', 'userestrict', 'xmllocation', 'xmlfilename', 'collection_link', 'series_link'];

  /** The word at OHMS's (line, word): lines counted from 0 as the Nunn Center's viewer indexes them, words from 1. */
  const wordAt = (transcript: string, line: number, word: number) => transcript.split('\n')[line]!.split(/\s+/).filter(Boolean)[word - 1];

  it('holds the redacted transcripts with sync points at every minute, an index point per question, in schema order', async () => {
    const { interview, settings } = exportFixture();
    interview.interviewer = 'Desk interviewer';
    interview.translator = 'Desk translator';
    interview.session.date = '2025-11-02';
    const rendered = await renderExport(interview, settings, { format: 'ohms', allowUnlisted: true });
    const xml = Buffer.from(rendered.bytes).toString('utf8');
    expect(xml).not.toContain('최순희');
    expect(xml).not.toContain('연봉동');
    expect(xml).not.toMatch(/Yonbong/i);

    const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(xml) as Record<string, unknown>[];
    const root = ordered.find((node) => 'ROOT' in node)!;
    expect(root[':@']).toEqual({ '@_xmlns': 'https://www.weareavp.com/nunncenter/ohms' });
    const recordNode = (root.ROOT as Record<string, unknown>[]).find((node) => 'record' in node)!;
    const children = (recordNode.record as Record<string, unknown>[]).map((node) => Object.keys(node).find((key) => key !== ':@')!);
    const positions = children.map((name) => SCHEMA_ORDER.indexOf(name));
    expect(positions.every((position) => position >= 0), children.join(',')).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const record = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => name === 'point' }).parse(xml).ROOT.record;
    expect(record).toMatchObject({ version: '6.0', date: { value: '2025-11-02', format: 'yyyy-mm-dd' }, interviewee: 'Lee Ji-woo', interviewer: 'Desk interviewer', translate: '1', language: 'Korean', transcript_alt_lang: 'English', duration: '00:02:25' });
    expect(record.user_notes).toBe('English translation by Desk translator.');

    // Korean lines: a paragraph a line, a blank line between, the speaker in capitals.
    const korean: string = record.transcript;
    expect(korean.split('\n')[0]).toBe('INTERVIEWER: 어디에서 자라셨어요?');
    expect(korean.split('\n')[1]).toBe('');
    expect(korean.split('\n')[2]).toMatch(/^LEE JI-WOO: 저는 /);
    // Minute 1 (60 s) falls in the middle of the segment spoken 50–70 s; minute 2 (120 s), in the
    // silence before the segment at 125 s, on that segment's first word.
    const [interval, ...stamps] = (record.sync as string).split('|');
    expect(interval).toBe('1:');
    expect(stamps).toHaveLength(2);
    const [line1, word1] = stamps[0]!.match(/^(\d+)\((\d+)\)$/)!.slice(1).map(Number);
    expect('어머니는 장마당에서 국수를 팔았어요.'.split(' ')).toContain(wordAt(korean, line1!, word1!));
    const [line2, word2] = stamps[1]!.match(/^(\d+)\((\d+)\)$/)!.slice(1).map(Number);
    expect(wordAt(korean, line2!, word2!)).toBe('그');
    // The translation has sync points of its own, placed in its own lines.
    const english: string = record.transcript_alt;
    expect(english).toContain('LEE JI-WOO: I grew up in my neighbourhood.');
    const [englishLine, englishWord] = (record.sync_alt as string).split('|')[2]!.match(/^(\d+)\((\d+)\)$/)!.slice(1).map(Number);
    expect(wordAt(english, englishLine!, englishWord!)).toBe('Those');

    // Primary fields in the transcript's language (Korean), *_alt in the translation's, as the viewer shows its two modes.
    expect(record.index.point).toEqual([
      {
        time: '0',
        title: '어디에서 자라셨어요?',
        title_alt: 'Where did you grow up?',
        partial_transcript: expect.stringMatching(/^저는 \[동네\]에서 자랐어요\./),
        partial_transcript_alt: expect.stringMatching(/^I grew up in my neighbourhood\. My name is/),
        synopsis: '',
        synopsis_alt: '',
        keywords: '',
        keywords_alt: '',
        subjects: '',
        subjects_alt: '',
      },
    ]);
  });

  it('makes index points at real questions, not at one-word acknowledgements', async () => {
    const interview = interviewWith([
      newSegment({ id: 's1', start: 0, end: 4, speakerId: 'spk-i', source: '고향이 어디예요?', translation: 'Where is home?' }),
      newSegment({ id: 's2', start: 5, end: 9, speakerId: 'spk-n', source: '혜산이에요.', translation: 'Hyesan.' }),
      newSegment({ id: 's3', start: 10, end: 11, speakerId: 'spk-i', source: '네.', translation: 'Yes.' }),
      newSegment({ id: 's4', start: 12, end: 20, speakerId: 'spk-n', source: '거기서 학교를 다녔어요.', translation: 'I went to school there.' }),
      newSegment({ id: 's5', start: 21, end: 25, speakerId: 'spk-i', source: '그때 이야기를 좀 더 해 주세요.', translation: 'Tell me a little more about that time.' }),
      newSegment({ id: 's6', start: 26, end: 30, speakerId: 'spk-n', source: '배고팠어요.', translation: 'We were hungry.' }),
    ]);
    const xml = Buffer.from((await renderExport(interview, { ...exportFixture().settings }, { format: 'ohms', allowUnlisted: true })).bytes).toString('utf8');
    const record = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'point' }).parse(xml).ROOT.record;
    expect(record.index.point.map((point: { time: string; title_alt: string }) => [point.time, point.title_alt])).toEqual([
      ['0', 'Where is home?'],
      ['21', 'Tell me a little more about that time.'],
    ]);
  });

  it('follows the editor’s choice of index points over the app’s', async () => {
    const interview = interviewWith([
      newSegment({ id: 's1', start: 0, end: 4, speakerId: 'spk-i', source: '고향이 어디예요?', translation: 'Where is home?', indexPoint: 'no' }),
      newSegment({ id: 's2', start: 5, end: 9, speakerId: 'spk-n', source: '혜산이에요.', translation: 'Hyesan.' }),
      newSegment({ id: 's3', start: 10, end: 11, speakerId: 'spk-i', source: '네.', translation: 'Yes.', indexPoint: 'yes' }),
      newSegment({ id: 's4', start: 12, end: 20, speakerId: 'spk-n', source: '거기서 학교를 다녔어요.', translation: 'I went to school there.' }),
    ]);
    const xml = Buffer.from((await renderExport(interview, { ...exportFixture().settings }, { format: 'ohms', allowUnlisted: true })).bytes).toString('utf8');
    const record = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'point' }).parse(xml).ROOT.record;
    expect(record.index.point.map((point: { time: string }) => point.time)).toEqual(['10']);
  });

  it('is one transcript and translate 0 when nothing is translated yet', async () => {
    const interview = interviewWith([
      newSegment({ id: 's1', start: 0, end: 4, speakerId: 'spk-i', source: '고향이 어디예요?' }),
      newSegment({ id: 's2', start: 5, end: 9, speakerId: 'spk-n', source: '혜산이에요.' }),
    ]);
    const xml = Buffer.from((await renderExport(interview, { ...exportFixture().settings }, { format: 'ohms', allowUnlisted: true })).bytes).toString('utf8');
    const record = new XMLParser({ parseTagValue: false }).parse(xml).ROOT.record;
    expect(record.translate).toBe('0');
    expect(record.transcript_alt).toBeUndefined();
    expect(record.sync).toBe('');
    expect(record.transcript).toBe('INTERVIEWER: 고향이 어디예요?\n\nJI-WOO: 혜산이에요.');
  });
});
