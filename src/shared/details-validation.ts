// Rules for the interview details form. They return message keys (translated by the UI), not text.
import type { Interview } from './interview';

export type DetailsField = 'title' | 'pseudonym' | 'realName' | 'yearLeft' | 'sessionDate' | 'askerFirstName';
export type DetailsProblems = Partial<Record<DetailsField, string>>;

const FIRST_DEFECTION_YEAR = 1945;

export function isValidCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function validateInterviewDetails(interview: Interview, today: Date): DetailsProblems {
  const problems: DetailsProblems = {};
  const { narrator, consent } = interview;
  if (interview.title.trim() === '') problems.title = 'validation.titleRequired';
  if (consent.anonymity === 'pseudonym' && narrator.pseudonym.trim() === '') {
    problems.pseudonym = 'validation.pseudonymRequired';
  }
  if (
    narrator.realName.trim() !== '' &&
    narrator.realName.trim().normalize('NFC') === narrator.pseudonym.trim().normalize('NFC')
  ) {
    problems.realName = 'validation.realNameEqualsPseudonym';
  }
  if (narrator.yearLeft !== null) {
    const thisYear = today.getUTCFullYear();
    if (!Number.isInteger(narrator.yearLeft) || narrator.yearLeft < FIRST_DEFECTION_YEAR || narrator.yearLeft > thisYear) {
      problems.yearLeft = 'validation.yearLeftRange';
    }
  }
  const date = interview.session.date;
  if (date !== '') {
    if (!isValidCalendarDate(date)) problems.sessionDate = 'validation.dateInvalid';
    else if (date > today.toISOString().slice(0, 10)) problems.sessionDate = 'validation.dateInFuture';
  }
  if (interview.readerQuestion.text.trim() !== '' && interview.readerQuestion.askerFirstName.trim() === '') {
    problems.askerFirstName = 'validation.askerRequired';
  }
  return problems;
}
