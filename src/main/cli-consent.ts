// `testimony consent`: the narrator's consent record from a terminal — when and how it was given,
// what it covers, an embargo, the review, withdrawal of the whole interview or of passages — and
// `--show` to read it back. Every change goes into the record's history, as in the window.
// Segments are numbered from 1, as the window shows them.
import { grantedScopes, parseSegmentNumbers, segmentNumbersText, withConsentHistory, withNarratorAnswer } from '../shared/consent';
import { isValidCalendarDate } from '../shared/details-validation';
import { consentScopes, consentWays, ConsentScope, type Consent, type Interview } from '../shared/interview';
import { libraryFrom, parseInterviewCommand, withCliLibrary } from './cli-library';

export const CONSENT_USAGE = `  testimony consent --data-dir DIR --interview ID [--given DATE] [--how ${consentWays.join('|')}] [--taken-by NAME] [--scope ${consentScopes.join(',')}] [--embargo-until DATE|none] [--after-review yes|no] [--not-in REGION] [--review-sent DATE] [--review-back DATE] [--withdraw-all [--from DATE] | --restore-all] [--withdraw-segments 3,7-9] [--change-segments N… --comment TEXT] [--publish-segments N…] [--by NAME] [--show] [--passphrase-env VAR]`;

type Io = { out: (line: string) => void; err: (line: string) => void };

/** A date option: YYYY-MM-DD, or "none" to clear it. */
function dateValue(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text === 'none' || text === '') return '';
  if (!isValidCalendarDate(text)) throw new UsageError(`--${option} takes a date as YYYY-MM-DD (or none), not “${text}”.`);
  return text;
}

class UsageError extends Error {}

/** The record with what the options say changed; unknown scope names are a usage error. */
function changedConsent(consent: Consent, values: Record<string, unknown>): Consent {
  const given = { ...consent.given };
  const date = dateValue(values.given, 'given');
  if (date !== undefined) given.date = date;
  if (values.how !== undefined) {
    const how = String(values.how);
    if (!(consentWays as readonly string[]).includes(how)) throw new UsageError(`--how is one of ${consentWays.join(', ')}.`);
    given.how = how as Consent['given']['how'];
  }
  if (values['taken-by'] !== undefined) given.takenBy = String(values['taken-by']).trim();
  let scope = consent.scope;
  if (values.scope !== undefined) {
    const names = String(values.scope).split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = names.filter((name) => !ConsentScope.safeParse(name).success);
    if (unknown.length > 0) throw new UsageError(`Unknown scope ${unknown.join(', ')}: use ${consentScopes.join(', ')}.`);
    scope = consentScopes.filter((name) => names.includes(name));
  }
  const conditions = { ...consent.conditions };
  const embargo = dateValue(values['embargo-until'], 'embargo-until');
  if (embargo !== undefined) conditions.embargoUntil = embargo;
  if (values['after-review'] !== undefined) {
    if (values['after-review'] !== 'yes' && values['after-review'] !== 'no') throw new UsageError('--after-review is yes or no.');
    conditions.afterReview = values['after-review'] === 'yes';
  }
  if (values['not-in'] !== undefined) conditions.notIn = String(values['not-in']).trim();
  const review = { ...consent.review };
  const sent = dateValue(values['review-sent'], 'review-sent');
  if (sent !== undefined) review.sentOn = sent;
  const back = dateValue(values['review-back'], 'review-back');
  if (back !== undefined) review.returnedOn = back;
  let withdrawal = consent.withdrawal;
  if (values['withdraw-all'] === true) withdrawal = { whole: true, from: dateValue(values.from, 'from') ?? '' };
  if (values['restore-all'] === true) withdrawal = { whole: false, from: '' };
  return { ...consent, given, scope, conditions, review, withdrawal };
}

/** The record as lines for a terminal. */
function describeConsent(interview: Interview): string[] {
  const { consent } = interview;
  const withdrawn = interview.segments.flatMap((segment, index) => (segment.narratorAnswer === 'withdraw' ? [index] : []));
  const changes = interview.segments.flatMap((segment, index) => (segment.narratorAnswer === 'change' ? [index] : []));
  const or = (text: string) => text || '—';
  return [
    `given: ${or(consent.given.date)}${consent.given.how ? ` (${consent.given.how})` : ''}${consent.given.takenBy ? `, taken by ${consent.given.takenBy}` : ''}`,
    `scope: ${or(grantedScopes(consent).join(', '))}${consent.scope.length === 0 && consent.publication ? ' (from “consent to publish”)' : ''}`,
    `appears as: ${consent.anonymity}`,
    `embargo until: ${or(consent.conditions.embargoUntil)}`,
    `not before the narrator’s review: ${consent.conditions.afterReview ? 'yes' : 'no'} (review sent ${or(consent.review.sentOn)}, back ${or(consent.review.returnedOn)})`,
    `must not appear in: ${or(consent.conditions.notIn)}`,
    `whole interview withdrawn: ${consent.withdrawal.whole ? `yes${consent.withdrawal.from ? `, from ${consent.withdrawal.from}` : ''}` : 'no'}`,
    `withdrawn segments: ${or(segmentNumbersText(withdrawn))}`,
    `changes asked for: ${or(segmentNumbersText(changes))}`,
    ...(consent.history.length ? ['history:', ...consent.history.slice(-20).map((change) => `  ${change.at.slice(0, 16).replace('T', ' ')}  ${change.by}  ${change.what}`)] : []),
  ];
}

export async function runConsent(args: readonly string[], io: Io, usage: string): Promise<number> {
  const values = parseInterviewCommand(
    args,
    {
      given: { type: 'string' },
      how: { type: 'string' },
      'taken-by': { type: 'string' },
      scope: { type: 'string' },
      'embargo-until': { type: 'string' },
      'after-review': { type: 'string' },
      'not-in': { type: 'string' },
      'review-sent': { type: 'string' },
      'review-back': { type: 'string' },
      'withdraw-all': { type: 'boolean', default: false },
      from: { type: 'string' },
      'restore-all': { type: 'boolean', default: false },
      'withdraw-segments': { type: 'string' },
      'change-segments': { type: 'string' },
      'publish-segments': { type: 'string' },
      comment: { type: 'string' },
      by: { type: 'string' },
      show: { type: 'boolean', default: false },
    },
    io,
    usage,
  );
  if (!values) return 2;
  if (values['withdraw-all'] === true && values['restore-all'] === true) {
    io.err('Give --withdraw-all or --restore-all, not both.');
    return 2;
  }
  return withCliLibrary(libraryFrom(values, io), io, 'Consent', async ({ library }) => {
    const stored = await library.get(String(values.interview));
    const by = String(values.by ?? '').trim() || library.settings.documentAuthor.trim() || 'command line';
    const at = new Date();
    let interview: Interview;
    try {
      interview = { ...stored, consent: withConsentHistory(stored.consent, changedConsent(stored.consent, values), by, at) };
      const answers: [string, 'withdraw' | 'change' | 'publish'][] = [
        ['withdraw-segments', 'withdraw'],
        ['change-segments', 'change'],
        ['publish-segments', 'publish'],
      ];
      for (const [option, answer] of answers) {
        if (values[option] === undefined) continue;
        const indexes = parseSegmentNumbers(String(values[option]), interview.segments.length);
        interview = withNarratorAnswer(interview, indexes, { answer, comment: answer === 'change' ? String(values.comment ?? '') : '' }, by, at);
      }
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error));
      return 2;
    }
    if (interview.consent.history !== stored.consent.history || interview.segments !== stored.segments) {
      await library.save(interview);
      io.err(`The consent record of “${interview.id}” is saved (${interview.consent.history.length} change${interview.consent.history.length === 1 ? '' : 's'} in its history).`);
    }
    if (values.show === true) for (const line of describeConsent(interview)) io.out(line);
    return 0;
  });
}
