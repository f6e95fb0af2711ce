import { describe, expect, it } from 'vitest';
import { isValidCalendarDate, validateInterviewDetails } from './details-validation';
import { newInterview, type Interview } from './interview';

const today = new Date('2026-11-27T12:00:00Z');
const base = newInterview('abc-123', 'Title', today.toISOString());
const withNarrator = (patch: Partial<Interview['narrator']>): Interview => ({ ...base, narrator: { ...base.narrator, ...patch } });

describe('validateInterviewDetails', () => {
  it('needs a title and, when appearing under a pseudonym, a pseudonym', () => {
    expect(validateInterviewDetails({ ...base, title: ' ' }, today)).toMatchObject({ title: 'validation.titleRequired' });
    expect(validateInterviewDetails(base, today)).toEqual({ pseudonym: 'validation.pseudonymRequired' });
    expect(validateInterviewDetails({ ...base, consent: { ...base.consent, anonymity: 'anonymous' } }, today)).toEqual({});
  });

  it('keeps the pseudonym different from the real name, Korean normalisation included', () => {
    const nfd = '박영희'.normalize('NFD');
    expect(validateInterviewDetails(withNarrator({ pseudonym: '박영희', realName: nfd }), today)).toEqual({
      realName: 'validation.realNameEqualsPseudonym',
    });
  });

  it('accepts years from 1945 to this year', () => {
    expect(validateInterviewDetails(withNarrator({ pseudonym: 'A', yearLeft: 2019 }), today)).toEqual({});
    expect(validateInterviewDetails(withNarrator({ pseudonym: 'A', yearLeft: 1900 }), today)).toEqual({ yearLeft: 'validation.yearLeftRange' });
    expect(validateInterviewDetails(withNarrator({ pseudonym: 'A', yearLeft: 2027 }), today)).toEqual({ yearLeft: 'validation.yearLeftRange' });
  });

  it('wants real, past interview dates', () => {
    const at = (date: string) => validateInterviewDetails({ ...withNarrator({ pseudonym: 'A' }), session: { date, place: '' } }, today);
    expect(at('2026-02-28')).toEqual({});
    expect(at('2026-02-30')).toEqual({ sessionDate: 'validation.dateInvalid' });
    expect(at('2027-01-01')).toEqual({ sessionDate: 'validation.dateInFuture' });
    expect(isValidCalendarDate('2024-02-29')).toBe(true);
    expect(isValidCalendarDate('2023-02-29')).toBe(false);
  });

  it('asks who asked the reader’s question', () => {
    const asked = { ...withNarrator({ pseudonym: 'A' }), readerQuestion: { text: 'Why?', askerFirstName: '', askerCity: '' } };
    expect(validateInterviewDetails(asked, today)).toEqual({ askerFirstName: 'validation.askerRequired' });
  });
});
