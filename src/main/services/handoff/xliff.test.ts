import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from '../../../shared/interview';
import { isStale } from '../../../shared/translation';
import { buildTbx, buildXliff, importXliff } from './xliff';
import { readXliff } from './xliff-read';

function interview(): Interview {
  const made = newInterview('int-xliff', 'XLIFF', '2026-01-01T00:00:00Z');
  made.speakers = [{ id: 'spk-1', name: '지우 & co', color: '#2f5d8a' }];
  made.segments = [0, 1, 2].map((index) => newSegment({ id: `seg-${index}`, start: index * 5, end: index * 5 + 4, speakerId: 'spk-1', source: `원문 <${index}> & "따옴표"` }));
  return made;
}

describe('XLIFF 1.2 for CAT tools', () => {
  it('has one trans-unit per segment keyed by id, with speaker and timing notes, and is well-formed', () => {
    const xml = buildXliff(interview());
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(parsed.xliff['@version']).toBe('1.2');
    expect(parsed.xliff.file['@source-language']).toBe('ko');
    const units = parsed.xliff.file.body['trans-unit'];
    expect(units.map((unit: { '@id': string }) => unit['@id'])).toEqual(['seg-0', 'seg-1', 'seg-2']);
    expect(units[1].note).toEqual([expect.objectContaining({ '#text': '지우 & co', '@from': 'speaker' }), expect.objectContaining({ '@from': 'timing', '#text': '00:00:05.000 --> 00:00:09.000' })]);
    expect(readXliff(xml, 'int-xliff')[1]).toEqual({ id: 'seg-1', source: '원문 <1> & "따옴표"', target: '', state: 'needs-translation', notes: [] });
  });

  it('brings translations back by id; a source changed here since the export makes its row stale', () => {
    const base = interview();
    // A CAT tool translates and moves each target's state on, as OmegaT and Trados do.
    const xml = buildXliff(base).replace(/<target xml:lang="en" state="needs-translation"><\/target>/g, '<target xml:lang="en" state="translated">A CAT translation</target>');
    const ours = structuredClone(base);
    ours.segments[2]!.source = '원문 2 (고침)';
    const { merged, conflicts } = importXliff(base, ours, readXliff(xml, 'int-xliff'), 'OmegaT');
    expect(conflicts).toEqual([]);
    expect(merged.segments.map((segment) => segment.translation)).toEqual(['A CAT translation', 'A CAT translation', 'A CAT translation']);
    expect(merged.segments.filter(isStale).map((segment) => segment.id)).toEqual(['seg-2']);
    expect(() => readXliff(xml, 'another-interview')).toThrow(/another interview/);
  });

  it('writes the glossary as TBX', () => {
    const tbx = buildTbx([{ id: 'glo-1', korean: '장마당', english: 'jangmadang (market)', avoid: ['black market'], note: 'informal markets' }], { source: 'ko', target: 'en' });
    expect(XMLValidator.validate(tbx)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(tbx);
    const entry = parsed.martif.text.body.termEntry;
    expect(entry['@id']).toBe('glo-1');
    expect(entry.langSet[0].tig.term).toBe('장마당');
    expect(entry.note).toBe('informal markets');
  });
});
