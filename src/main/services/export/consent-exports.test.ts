// Every export path against every condition of the narrator's consent: what is refused (and with
// which sentence), what an internal draft may still make, and what a withdrawn passage becomes in
// each format.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportFormats, type ExportFormat } from '../../../shared/contract';
import { WITHDRAWN_MARK } from '../../../shared/consent';
import { emptyConsent, type Consent, type Interview } from '../../../shared/interview';
import { buildXliff } from '../handoff/xliff';
import { prepareExport, type ExportRequestInput } from './export-interview';
import { exportFixture } from './test-support/export-fixture';

const TODAY = new Date(2027, 0, 5, 12, 0); // 5 January 2027, noon, the desk's local time

/** Consent given for everything, then changed by `change`. */
function consented(change: (consent: Consent) => Consent = (consent) => consent): Interview {
  const { interview } = exportFixture();
  const full: Consent = { ...emptyConsent(), publication: true, given: { date: '2026-12-01', how: 'written', takenBy: 'the desk' }, scope: ['text', 'translation', 'article', 'audio'] };
  return { ...interview, consent: change(full) };
}

async function attempt(interview: Interview, request: ExportRequestInput) {
  const { settings } = exportFixture();
  try {
    const prepared = await prepareExport(interview, settings, { allowUnlisted: true, allowIncomplete: true, ...request }, [], TODAY);
    return { refused: null, warnings: prepared.consentWarnings, text: readable(prepared.rendered) };
  } catch (error) {
    return { refused: (error as { code?: string }).code === 'consent' ? (error as Error).message : `other: ${(error as Error).message}`, warnings: [], text: '' };
  }
}

/** The file's text: a Word file's document part, or the file itself. */
function readable(rendered: { bytes: Uint8Array; isDocx: boolean }): string {
  if (!rendered.isDocx) return Buffer.from(rendered.bytes).toString('utf8');
  const document = unzipSync(rendered.bytes)['word/document.xml']!;
  return Buffer.from(document).toString('utf8');
}

const conditions: [string, (consent: Consent) => Consent, RegExp | null][] = [
  ['consent to everything', (consent) => consent, null],
  ['an embargo until tomorrow', (consent) => ({ ...consent, conditions: { ...consent.conditions, embargoUntil: '2027-01-06' } }), /under embargo until 2027-01-06/],
  ['an embargo that ended today', (consent) => ({ ...consent, conditions: { ...consent.conditions, embargoUntil: '2027-01-05' } }), null],
  ['the whole interview withdrawn', (consent) => ({ ...consent, withdrawal: { whole: true, from: '' } }), /withdrew the whole interview/],
  ['withdrawn from a later day', (consent) => ({ ...consent, withdrawal: { whole: true, from: '2027-02-01' } }), null],
  ['review asked for, not back', (consent) => ({ ...consent, conditions: { ...consent.conditions, afterReview: true } }), /review is not back/],
  ['review asked for and back', (consent) => ({ ...consent, conditions: { ...consent.conditions, afterReview: true }, review: { sentOn: '2026-12-10', returnedOn: '2026-12-20' } }), null],
  ['consent to the text only', (consent) => ({ ...consent, scope: ['text'] }), /does not cover/],
];

/** Which formats each scope-only condition lets through: the text alone covers source transcripts, subtitles and OHMS. */
const textOnlyAllows = (format: ExportFormat, language: 'source' | 'target') =>
  format === 'docx-review' || format === 'ohms' || (['docx-transcript', 'txt', 'srt', 'vtt'].includes(format) && language === 'source');

describe('every export path obeys the narrator’s consent', () => {
  for (const [condition, change, refusal] of conditions) {
    for (const format of exportFormats) {
      for (const language of ['source', 'target'] as const) {
        it(`${format} (${language}) with ${condition}`, async () => {
          const result = await attempt(consented(change), { format, language });
          const expected = format === 'docx-review' ? null : condition === 'consent to the text only' ? (textOnlyAllows(format, language) ? null : refusal) : refusal;
          if (expected === null) expect(result.refused).toBeNull();
          else {
            expect(result.refused).toMatch(expected);
            expect(result.refused).toMatch(/^Nothing was written\./);
          }
        });
      }
    }
  }

  it('an internal draft (a Word file with the draft mark) passes an embargo and says so; a text format cannot be a draft', async () => {
    const embargoed = consented((consent) => ({ ...consent, conditions: { ...consent.conditions, embargoUntil: '2027-03-01' } }));
    const draft = await attempt(embargoed, { format: 'docx-transcript', draftMark: true });
    expect(draft.refused).toBeNull();
    expect(draft.warnings.join(' ')).toMatch(/internal draft only.*embargo until 2027-03-01/);
    expect(draft.text).toContain('어디에서 자라셨어요');
    expect((await attempt(embargoed, { format: 'srt', draftMark: true })).refused).toMatch(/embargo/);
  });

  it('without any consent recorded: a warning for text, and exports still made', async () => {
    const { interview } = exportFixture();
    const result = await attempt(interview, { format: 'txt' });
    expect(result.refused).toBeNull();
    expect(result.warnings).toEqual([expect.stringMatching(/No consent is recorded/)]);
  });

  it('a region the narrator named is a reminder on every export', async () => {
    const result = await attempt(
      consented((consent) => ({ ...consent, conditions: { ...consent.conditions, notIn: 'South Korean broadcast media' } })),
      { format: 'docx-article' },
    );
    expect(result.warnings).toEqual(['The narrator asked that their account not appear in South Korean broadcast media.']);
  });
});

describe('a withdrawn passage', () => {
  /** Segment 3 (index 2: the noodles) and segment 5 (index 4) withdrawn. */
  function withWithdrawn(): Interview {
    const interview = consented();
    return { ...interview, segments: interview.segments.map((segment, index) => (index === 2 || index === 4 ? { ...segment, narratorAnswer: 'withdraw' } : segment)) };
  }

  it('says it was withdrawn in transcripts, subtitles and archives, and nothing of its words is left', async () => {
    for (const format of ['txt', 'docx-transcript', 'docx-bilingual', 'srt', 'vtt', 'eaf', 'ohms', 'docx-review'] as const) {
      for (const language of ['source', 'target'] as const) {
        const result = await attempt(withWithdrawn(), { format, language, includeNotes: true, includeOpenQueries: true });
        expect(result.refused, format).toBeNull();
        // Subtitles wrap the mark over two lines: compared with every run of spaces as one.
        const text = result.text.replace(/&amp;/g, '&').replace(/\s+/g, ' ');
        expect(text, `${format} ${language}`).toContain(WITHDRAWN_MARK);
        for (const gone of ['국수', 'noodles', 'Cold noodles', 'longest of my life', '가장 길었어요']) expect(text, `${format} ${language}`).not.toContain(gone);
        // The passages not withdrawn are still there.
        expect(text, `${format} ${language}`).toMatch(/강을 건넜어요|crossed the river/);
      }
    }
  });

  it('makes the article refuse the paragraphs built on it, by number; a draft shows them as withdrawn', async () => {
    const interview = withWithdrawn();
    const paragraphs = interview.article.blocks.flatMap((block, index) => (block.kind === 'paragraph' && block.segmentIds.some((id) => id === 'seg-2' || id === 'seg-5') ? [index + 1] : []));
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const format of ['docx-article', 'md'] as const) {
      const refused = await attempt(interview, { format });
      expect(refused.refused).toContain(`paragraph${paragraphs.length > 1 ? 's' : ''} ${paragraphs.join(', ')} of the article`);
    }
    const draft = await attempt(interview, { format: 'docx-article', draftMark: true });
    expect(draft.refused).toBeNull();
    expect(draft.text).toContain('withdrawn at the narrator');
    expect(draft.text).not.toContain('at the jangmadang');
    expect(draft.text).not.toContain('longest of my life');
  });

  it('goes to a CAT tool as the mark alone, locked against translation', () => {
    const xliff = buildXliff(withWithdrawn());
    const unit = /<trans-unit id="seg-2"[^>]*>[\s\S]*?<\/trans-unit>/.exec(xliff)![0];
    expect(unit).toContain('translate="no"');
    expect(unit).toContain(WITHDRAWN_MARK);
    expect(unit).not.toContain('국수');
    expect(xliff).toContain('강을 건넜어요');
  });
});
