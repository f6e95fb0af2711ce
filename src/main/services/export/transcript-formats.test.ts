// Transcripts to oral-history standard and the ELAN export, on small interviews built for each case.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from '../../../shared/interview';
import { renderExport } from './export-interview';
import { exportFixture } from './export-fixture';
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
  });
});
