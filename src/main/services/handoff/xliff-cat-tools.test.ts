// XLIFF as CAT tools write it back, shaped after their documented output: OmegaT (XLIFF 1.2 filter:
// <g> tags, no states), Trados Studio (SDLXLIFF: segments in <mrk mtype="seg">, confirmation in
// sdl:seg conf), memoQ (XLIFF 1.2 with native codes in <bpt>/<ept>, states), and XLIFF 2.0. Each
// import keeps the text in order, takes what is a translation, and says what it did.
import { describe, expect, it } from 'vitest';
import { newInterview, newSegment, type Interview } from '../../../shared/interview';
import { importXliff } from './xliff';
import { readXliff } from './xliff-read';

function interview(): Interview {
  const made = newInterview('int-cat', 'CAT', '2026-01-01T00:00:00Z');
  made.segments = [0, 1, 2, 3].map((index) => newSegment({ id: `seg-${index}`, start: index * 5, end: index * 5 + 4, source: `원문 ${index}` }));
  return made;
}

const omegaT = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="int-cat" source-language="ko" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="seg-0"><source xml:lang="ko">원문 0</source><target xml:lang="en">one <g id="1">two</g> three</target></trans-unit>
      <trans-unit id="seg-1"><source xml:lang="ko">원문 1</source><target xml:lang="en">Agent 007 paid 3.10 won<x id="2"/> in cash.</target></trans-unit>
      <trans-unit id="seg-9"><source xml:lang="ko">다른 원문</source><target xml:lang="en">Not ours</target></trans-unit>
    </body>
  </file>
</xliff>`;

const trados = `<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2" sdl:version="1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="int-cat" datatype="x-sdlfilterframework2" source-language="ko-KR" target-language="en-US">
    <body>
      <group>
        <trans-unit id="seg-0">
          <source>원문 0</source>
          <seg-source><mrk mtype="seg" mid="1">원문 0</mrk></seg-source>
          <target><mrk mtype="seg" mid="1">The <g id="5">market</g> opened at dawn.</mrk></target>
          <sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff" origin="interactive"/></sdl:seg-defs>
        </trans-unit>
        <trans-unit id="seg-1">
          <source>원문 1</source>
          <seg-source><mrk mtype="seg" mid="1">원문 1</mrk></seg-source>
          <target><mrk mtype="seg" mid="1">We waited.</mrk></target>
          <sdl:seg-defs><sdl:seg id="1" conf="Draft"/></sdl:seg-defs>
        </trans-unit>
      </group>
    </body>
  </file>
</xliff>`;

const memoQ = `<?xml version="1.0" encoding="utf-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff">
  <file original="int-cat" source-language="ko" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="seg-0" mq:status="ManuallyConfirmed">
        <source>원문 0</source>
        <target state="final">She said <bpt id="1">&lt;i&gt;</bpt>nothing<ept id="1">&lt;/i&gt;</ept> at all.</target>
        <note>Check the tone with the editor.</note>
        <alt-trans match-quality="80"><target>Machine suggestion</target></alt-trans>
      </trans-unit>
      <trans-unit id="seg-1"><source>원문 1</source><target state="needs-translation">원문 1</target></trans-unit>
      <trans-unit id="seg-2" xml:space="preserve"><source>원문 2</source><target state="translated">Two  spaces
kept.</target></trans-unit>
      <trans-unit id="seg-3"><source>원문 3</source><target state="new"></target></trans-unit>
    </body>
  </file>
</xliff>`;

const xliff20 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en">
  <file id="f1" original="int-cat">
    <group id="g1">
      <unit id="seg-0">
        <notes><note category="translator">A regional word.</note></notes>
        <segment state="final"><source>원문 0</source><target>Rice <pc id="1">porridge</pc><ph id="2"/>, again.</target></segment>
      </unit>
    </group>
    <unit id="seg-1"><segment state="initial"><source>원문 1</source><target>원문 1</target></segment></unit>
  </file>
</xliff>`;

describe('XLIFF written back by CAT tools', () => {
  it('OmegaT: text inside <g> stays in order, numbers keep their form, <x/> adds nothing, an unknown unit is counted', () => {
    const units = readXliff(omegaT, 'int-cat');
    expect(units.map((unit) => unit.target)).toEqual(['one two three', 'Agent 007 paid 3.10 won in cash.', 'Not ours']);
    const { merged, summary } = importXliff(interview(), interview(), units, 'OmegaT');
    expect(merged.segments.slice(0, 2).map((segment) => [segment.translation, segment.status])).toEqual([
      ['one two three', 'draft'],
      ['Agent 007 paid 3.10 won in cash.', 'draft'],
    ]);
    expect(summary).toEqual({ taken: 2, notesTaken: 0, unchanged: 0, notTranslated: 0, unknown: { count: 1, ids: ['seg-9'] } });
  });

  it('Trados: segments inside <mrk mtype="seg">, units inside <group>, sign-off read as reviewed', () => {
    const units = readXliff(trados, 'int-cat');
    expect(units.map((unit) => [unit.id, unit.target])).toEqual([
      ['seg-0', 'The market opened at dawn.'],
      ['seg-1', 'We waited.'],
    ]);
    const { merged } = importXliff(interview(), interview(), units, 'Trados');
    expect(merged.segments.slice(0, 2).map((segment) => segment.status)).toEqual(['reviewed', 'draft']);
  });

  it('memoQ: native codes leave no text, alt-trans is no translation, states mapped, xml:space kept, notes taken', () => {
    const units = readXliff(memoQ, 'int-cat');
    expect(units.map((unit) => unit.target)).toEqual(['She said nothing at all.', '원문 1', 'Two  spaces\nkept.', '']);
    const { merged, summary } = importXliff(interview(), interview(), units, 'memoQ');
    expect(merged.segments.map((segment) => [segment.translation, segment.status])).toEqual([
      ['She said nothing at all.', 'reviewed'],
      ['', 'untranslated'], // needs-translation, the source copied: no translation
      ['Two  spaces\nkept.', 'draft'],
      ['', 'untranslated'], // new
    ]);
    expect(merged.segments[0]!.notes).toBe('Check the tone with the editor.');
    expect(summary).toMatchObject({ taken: 2, notesTaken: 1, notTranslated: 2 });
    expect(importXliff(interview(), interview(), units, 'memoQ', { translatedIsReviewed: true }).merged.segments[2]!.status).toBe('reviewed');
  });

  it('XLIFF 2.0: units in groups, <pc> text in place, <ph/> nothing, segment states, notes', () => {
    const units = readXliff(xliff20, 'int-cat');
    expect(units).toEqual([
      { id: 'seg-0', source: '원문 0', target: 'Rice porridge, again.', state: 'final', notes: ['A regional word.'] },
      { id: 'seg-1', source: '원문 1', target: '원문 1', state: 'initial', notes: [] },
    ]);
    const { merged } = importXliff(interview(), interview(), units, 'a 2.0 tool');
    expect(merged.segments.slice(0, 2).map((segment) => [segment.translation, segment.status])).toEqual([
      ['Rice porridge, again.', 'reviewed'],
      ['', 'untranslated'],
    ]);
  });

  it('says which interview a file was made for when it is not this one, and what is not XLIFF', () => {
    expect(() => readXliff(omegaT, 'another')).toThrow('This XLIFF file was made for another interview (its file is “int-cat”, this interview is “another”). Nothing was taken.');
    expect(() => readXliff('<tmx version="1.4"/>', 'int-cat')).toThrow('This is not an XLIFF file (no <xliff> element).');
  });
});
