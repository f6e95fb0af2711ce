import { describe, expect, it } from 'vitest';
import { findMatches, replaceAll } from './find-replace';
import { checkGlossaryConsistency, findGlossaryHits, glossaryInUse, usesRendering } from './glossary';
import { newSegment, type GlossaryTerm } from './interview';
import { actionFor, bindingOf, conflictingActions, defaultKeymap, effectiveKeymap } from './keymap';
import {
  confirmTranslation,
  copySourceIntoTranslation,
  isStale,
  markReviewed,
  nextNeedingTranslation,
  translationProgress,
  writeSource,
  writeTranslation,
} from './translation';

const term = (id: string, korean: string, english: string, avoid: string[] = []): GlossaryTerm => ({ id, korean, english, avoid, note: '' });
const jangmadang = term('g-1', '장마당', 'jangmadang', ['black market']);
const bowibu = term('g-2', '보위부', 'Ministry of State Security', ['secret police']);
const bowibuOfficer = term('g-3', '보위부원', 'security agent');

describe('translation state', () => {
  const segment = newSegment({ id: 'seg-1', start: 0, end: 1, source: '장마당에 갔어요.' });

  it('goes untranslated → draft → reviewed, and back to draft when the translation changes', () => {
    expect(segment.status).toBe('untranslated');
    const draft = writeTranslation(segment, 'I went to the market.');
    expect(draft.status).toBe('draft');
    const reviewed = markReviewed(draft);
    expect(reviewed.status).toBe('reviewed');
    expect(writeTranslation(reviewed, 'I went to the jangmadang.').status).toBe('draft');
    expect(writeTranslation(reviewed, '  ').status).toBe('untranslated');
    expect(markReviewed(segment).status).toBe('untranslated'); // nothing to review
  });

  it('marks a translated row stale when its source changes, until confirmed or retranslated', () => {
    const translated = writeTranslation(segment, 'I went to the market.');
    const edited = writeSource(translated, '장마당에 자주 갔어요.');
    expect(isStale(edited)).toBe(true);
    expect(isStale(confirmTranslation(edited))).toBe(false);
    expect(isStale(writeTranslation(edited, 'I often went to the market.'))).toBe(false);
    expect(isStale(writeSource(segment, '다른 말'))).toBe(false); // untranslated rows are not stale
  });

  it('copies the source into the translation', () => {
    expect(copySourceIntoTranslation(segment)).toMatchObject({ translation: '장마당에 갔어요.', status: 'draft' });
  });

  it('counts progress in segments and words, and finds the next row needing work', () => {
    const rows = [
      markReviewed(writeTranslation(newSegment({ id: 'a-1', start: 0, end: 1, source: '하나 둘' }), 'one two')),
      newSegment({ id: 'a-2', start: 1, end: 2, source: '셋' }),
      writeSource(writeTranslation(newSegment({ id: 'a-3', start: 2, end: 3, source: '넷' }), 'four'), '넷 다섯'),
    ];
    expect(translationProgress(rows)).toEqual({ segments: 3, translated: 2, reviewed: 1, stale: 1, sourceWords: 5, translatedSourceWords: 4 });
    expect(nextNeedingTranslation(rows, 0, 1)).toBe(1);
    expect(nextNeedingTranslation(rows, 1, 1)).toBe(2);
    expect(nextNeedingTranslation(rows, 2, 1)).toBe(1); // wraps around
    expect(nextNeedingTranslation(rows, 1, -1)).toBe(2);
  });
});

describe('glossary', () => {
  it('finds terms in Korean even with particles attached, longest first', () => {
    const hits = findGlossaryHits('보위부원이 장마당에 왔고 보위부는 몰랐다', [jangmadang, bowibu, bowibuOfficer]);
    expect(hits.map((hit) => hit.term.id)).toEqual(['g-3', 'g-1', 'g-2']);
  });

  it('flags rows missing the agreed rendering or using one to avoid', () => {
    const rows = [
      writeTranslation(newSegment({ id: 's-1', start: 0, end: 1, source: '장마당에서 팔았어요' }), 'We sold at the jangmadang.'),
      writeTranslation(newSegment({ id: 's-2', start: 1, end: 2, source: '장마당은 컸어요' }), 'The black market was big.'),
      writeTranslation(newSegment({ id: 's-3', start: 2, end: 3, source: '보위부가 왔어요' }), 'The ministry of state security came.'),
      newSegment({ id: 's-4', start: 3, end: 4, source: '장마당' }),
    ];
    expect(checkGlossaryConsistency(rows, [jangmadang, bowibu]).map((issue) => `${issue.segmentId}:${issue.kind}`)).toEqual([
      's-2:missing',
      's-2:avoided',
    ]);
  });

  it('checks an edited row again while the untouched rows keep their findings (as when typing)', () => {
    const terms = [jangmadang, bowibu];
    const rows = [
      writeTranslation(newSegment({ id: 's-1', start: 0, end: 1, source: '장마당에서 팔았어요' }), 'We sold at the market.'),
      writeTranslation(newSegment({ id: 's-2', start: 1, end: 2, source: '보위부가 왔어요' }), 'The Ministry of State Security came.'),
    ];
    expect(checkGlossaryConsistency(rows, terms).map((issue) => `${issue.segmentId}:${issue.kind}`)).toEqual(['s-1:missing']);
    const fixed = [writeTranslation(rows[0]!, 'We sold at the jangmadang.'), rows[1]!];
    expect(checkGlossaryConsistency(fixed, terms)).toEqual([]);
    const broken = [fixed[0]!, writeTranslation(rows[1]!, 'The secret police came.')];
    expect(checkGlossaryConsistency(broken, terms).map((issue) => `${issue.segmentId}:${issue.kind}`)).toEqual(['s-2:missing', 's-2:avoided']);
    // Another term list is another check, not the first one's findings.
    expect(checkGlossaryConsistency(broken, [jangmadang])).toEqual([]);
  });

  it('matches renderings as whole words, ignoring case and quote style', () => {
    expect(usesRendering('the Arduous March began', 'the Arduous March')).toBe(true);
    expect(usesRendering('my mother’s stall', "mother's stall")).toBe(true);
    expect(usesRendering('a songbun-based system', 'song bun')).toBe(false);
    expect(usesRendering('the station', 'nation')).toBe(false);
  });

  it('understands English inflection: plurals and derived forms count as the agreed term, in every form', () => {
    expect(usesRendering('we copied the discs at night', 'disc')).toBe(true);
    expect(usesRendering('the inspection squads came', 'inspection squad')).toBe(true);
    expect(usesRendering('everyone was mobilized for the harvest', 'mobilization')).toBe(true);
    // An avoided rendering is caught in its plural too.
    const patrol = term('g-7', '규찰대', 'inspection squad', ['police patrol']);
    const issues = checkGlossaryConsistency([newSegment({ id: 's-1', start: 0, end: 1, source: '규찰대가 왔어요', translation: 'The police patrols came.' })], [patrol]);
    expect(issues.map((issue) => issue.kind)).toEqual(['missing', 'avoided']);
  });

  it('lets an interview’s own term override the library’s for the same Korean', () => {
    const own = term('g-9', '장마당', 'market');
    expect(glossaryInUse([jangmadang, bowibu], [own]).map((t) => t.id)).toEqual(['g-9', 'g-2']);
  });
});

describe('find and replace', () => {
  const rows = [
    writeTranslation(newSegment({ id: 'f-1', start: 0, end: 1, source: '장마당 장마당' }), 'The market, the Market.'),
    newSegment({ id: 'f-2', start: 1, end: 2, source: '시장' }),
  ];

  it('counts matches per scope, in Korean, with whole-word and case options', () => {
    expect(findMatches(rows, { query: '장마당', scope: 'source', wholeWord: false, matchCase: false })).toHaveLength(2);
    expect(findMatches(rows, { query: 'market', scope: 'translation', wholeWord: true, matchCase: false })).toHaveLength(2);
    expect(findMatches(rows, { query: 'market', scope: 'translation', wholeWord: true, matchCase: true })).toHaveLength(1);
    expect(findMatches(rows, { query: '장마', scope: 'source', wholeWord: true, matchCase: false })).toHaveLength(0);
    expect(findMatches(rows, { query: 'market', scope: 'source', wholeWord: false, matchCase: false })).toHaveLength(0);
  });

  it('replaces everywhere in scope; replacing in the source leaves translated rows stale', () => {
    const result = replaceAll(rows, { query: '장마당', scope: 'both', wholeWord: false, matchCase: false }, '시장');
    expect(result.replaced).toBe(2);
    expect(result.segments[0]!.source).toBe('시장 시장');
    expect(isStale(result.segments[0]!)).toBe(true);
  });
});

describe('keymap', () => {
  const key = (key: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean; isComposing: boolean; keyCode: number }> = {}) => ({
    key,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    metaKey: false,
    ...mods,
  });

  it('names key events like the Settings screen does', () => {
    expect(bindingOf(key('u', { ctrlKey: true }))).toBe('Ctrl+U');
    expect(bindingOf(key('U', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+U');
    expect(bindingOf(key(' ', { ctrlKey: true }))).toBe('Ctrl+Space');
    expect(bindingOf(key('Control', { ctrlKey: true }))).toBeNull();
  });

  it('never acts during IME composition', () => {
    const keymap = effectiveKeymap({});
    expect(actionFor(key('Enter', { ctrlKey: true }), keymap)).toBe('translate.markReviewed');
    expect(actionFor(key('Enter', { ctrlKey: true, isComposing: true }), keymap)).toBeNull();
    expect(actionFor(key('Process', { ctrlKey: true, keyCode: 229 }), keymap)).toBeNull();
  });

  it('applies user bindings over the defaults and reports conflicts', () => {
    const keymap = effectiveKeymap({ 'translate.markReviewed': 'F8', unknown: 'F9' });
    expect(keymap['translate.markReviewed']).toBe('F8');
    expect(actionFor(key('F8'), keymap)).toBe('translate.markReviewed');
    expect(conflictingActions(defaultKeymap)).toEqual([]);
    expect(conflictingActions({ ...defaultKeymap, 'translate.insertMatch': 'Ctrl+U' })).toEqual(['translate.nextUntranslated', 'translate.insertMatch']);
  });
});

describe('segments without source (empty proposals from pauses)', () => {
  it('are never offered for translation nor counted', async () => {
    const { newSegment } = await import('./interview');
    const { matchesFilter, needsTranslation, translationProgress } = await import('./translation');
    const empty = newSegment({ id: 'seg-empty', start: 0, end: 2 });
    const typed = newSegment({ id: 'seg-typed', start: 2, end: 4, source: '장마당' });
    expect(needsTranslation(empty)).toBe(false);
    expect(needsTranslation(typed)).toBe(true);
    expect(matchesFilter(empty, 'all')).toBe(false);
    expect(matchesFilter(empty, 'untranslated')).toBe(false);
    expect(matchesFilter(typed, 'untranslated')).toBe(true);
    expect(translationProgress([empty, typed]).segments).toBe(1);
  });
});
