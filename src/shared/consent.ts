// What the narrator agreed to, applied to every file that could publish them. One table says
// which parts of their consent each kind of export needs; one function judges a request against
// the record and the day, and says in one sentence why a file may not be made. Withdrawn passages
// are replaced before any exporter sees the interview, so no format can forget them.
import type { Consent, ConsentChange, ConsentScope, Interview, Segment } from './interview';

/** What a withdrawn passage says in every file made from it. */
export const WITHDRAWN_MARK = '[withdrawn at the narrator’s request]';

/** Said the first time a file is made without any consent recorded (the caller then sets `missingNoticed`). */
export const MISSING_CONSENT_WARNING = 'No consent is recorded for this interview: record what the narrator agreed to in Details › Consent. (Said once; the recording is refused without it.)';

/** Files that publish the narrator, and what of their consent each needs. */
export type PublishedFile = 'article' | 'bilingual' | 'transcript-source' | 'transcript-target' | 'subtitles-source' | 'subtitles-target' | 'eaf' | 'ohms' | 'recording';

export const consentNeeds: Record<PublishedFile, { scopes: ConsentScope[]; what: string }> = {
  article: { scopes: ['article'], what: 'the article' },
  bilingual: { scopes: ['text', 'translation'], what: 'the bilingual transcript' },
  'transcript-source': { scopes: ['text'], what: 'the transcript' },
  'transcript-target': { scopes: ['translation'], what: 'the translated transcript' },
  'subtitles-source': { scopes: ['text'], what: 'subtitles' },
  'subtitles-target': { scopes: ['translation'], what: 'translated subtitles' },
  eaf: { scopes: ['text', 'translation'], what: 'the ELAN transcript' },
  ohms: { scopes: ['text'], what: 'the OHMS index and transcript' },
  recording: { scopes: ['audio'], what: 'the recording' },
};

export const scopeWords: Record<ConsentScope, string> = {
  text: 'the transcript text',
  translation: 'the translation',
  article: 'an article',
  audio: 'the audio',
  photos: 'photos',
  'real-name': 'their real name',
};

/** The scope a record grants: its own, or (first-wave records) a ticked "publication" for the text, translation and article. */
export function grantedScopes(consent: Consent): ConsentScope[] {
  if (consent.scope.length > 0) return consent.scope;
  return consent.publication ? ['text', 'translation', 'article'] : [];
}

/** Whether anything about consent was recorded at all. */
export const consentRecorded = (consent: Consent): boolean => consent.publication || consent.given.date !== '' || consent.scope.length > 0;

export type ConsentVerdict = {
  /** Why the file may not be made now, in one sentence naming the condition; null when it may. */
  refusal: string | null;
  /** What the editor should know before the file leaves (made anyway). */
  warnings: string[];
};

/**
 * Whether `file` may be made on `today` (YYYY-MM-DD, the desk's local day). `draft`: the file
 * will carry the draft mark (an internal draft), which embargo, withdrawal, a review not yet back
 * and a narrow scope let through with a warning; the recording has no draft and never passes.
 */
export function judgeConsent(consent: Consent, file: PublishedFile, today: string, options: { draft: boolean }): ConsentVerdict {
  const { scopes, what } = consentNeeds[file];
  const warnings: string[] = [];
  const blockers: string[] = [];
  const { withdrawal, conditions, review } = consent;
  if (withdrawal.whole && (withdrawal.from === '' || withdrawal.from <= today)) {
    blockers.push(`The narrator withdrew the whole interview${withdrawal.from ? ` from ${withdrawal.from}` : ''}: ${what} may not be published.`);
  }
  if (conditions.embargoUntil !== '' && today < conditions.embargoUntil) {
    blockers.push(`The interview is under embargo until ${conditions.embargoUntil} at the narrator’s request: ${what} may not be published before then.`);
  }
  if (conditions.afterReview && review.returnedOn === '') {
    blockers.push(`The narrator asked to read the transcript before anything is published, and their review is not back: enter it in Details › Narrator review before publishing ${what}.`);
  }
  if (consentRecorded(consent)) {
    const granted = grantedScopes(consent);
    const missing = scopes.filter((scope) => !granted.includes(scope));
    if (missing.length > 0) blockers.push(`The narrator’s consent does not cover ${missing.map((scope) => scopeWords[scope]).join(' or ')}: ${what} may not be published (Details › Consent).`);
  } else if (file === 'recording') {
    blockers.push('No consent is recorded for this interview, and a recording is never published without it: record the narrator’s consent to the audio in Details › Consent.');
  } else if (!consent.missingNoticed) {
    warnings.push(MISSING_CONSENT_WARNING);
  }
  if (conditions.notIn.trim() !== '') warnings.push(`The narrator asked that their account not appear in ${conditions.notIn.trim()}.`);
  if (blockers.length === 0) return { refusal: null, warnings };
  if (options.draft && file !== 'recording') {
    return { refusal: null, warnings: [...blockers.map((blocker) => `Made as an internal draft only. ${blocker}`), ...warnings] };
  }
  return { refusal: blockers[0]!, warnings };
}

/** Today as YYYY-MM-DD in the desk's own time zone: an embargo ends at the narrator's midnight, not UTC's. */
export function localDay(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isWithdrawn = (segment: Segment): boolean => segment.narratorAnswer === 'withdraw';

/** The interview as exports may show it: each withdrawn passage says so and nothing else. */
export function withWithdrawalsApplied(interview: Interview): Interview {
  if (!interview.segments.some(isWithdrawn)) return interview;
  return {
    ...interview,
    segments: interview.segments.map((segment) =>
      isWithdrawn(segment)
        ? { ...segment, source: WITHDRAWN_MARK, translation: WITHDRAWN_MARK, sourceAtTranslation: WITHDRAWN_MARK, machineText: '', notes: '', queries: [] }
        : segment,
    ),
  };
}

/** The article's paragraphs (numbered from 1, as Edit & Export shows them) built on a withdrawn passage. */
export function paragraphsOnWithdrawn(interview: Interview): number[] {
  const withdrawn = new Set(interview.segments.filter(isWithdrawn).map((segment) => segment.id));
  if (withdrawn.size === 0) return [];
  return interview.article.blocks.flatMap((block, index) => (block.kind === 'paragraph' && block.segmentIds.some((id) => withdrawn.has(id)) ? [index + 1] : []));
}

/**
 * Segment numbers as the window shows them ("3, 7-9"), 1-based, into indexes; throws a readable
 * message for anything else or a number past the interview's end.
 */
export function parseSegmentNumbers(text: string, count: number): number[] {
  const indexes = new Set<number>();
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const match = /^(\d+)(?:[-–](\d+))?$/.exec(part);
    if (!match) throw new Error(`“${part}” is not a segment number or range (write 3 or 7-9).`);
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from < 1 || to < from) throw new Error(`“${part}” is not a range from a lower to a higher segment number.`);
    if (to > count) throw new Error(`There is no segment ${to}: the interview has ${count}.`);
    for (let number = from; number <= to; number += 1) indexes.add(number - 1);
  }
  return [...indexes].sort((a, b) => a - b);
}

/** "3, 7–9": indexes back into the window's numbers, runs shortened. */
export function segmentNumbersText(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let at = 0; at < sorted.length; ) {
    let end = at;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    runs.push(end === at ? String(sorted[at]! + 1) : `${sorted[at]! + 1}–${sorted[end]! + 1}`);
    at = end + 1;
  }
  return runs.join(', ');
}

/** Each field of the record a person changes, in the words of the history. */
function describedFields(consent: Consent): Record<string, string> {
  const yes = (value: boolean) => (value ? 'yes' : 'no');
  return {
    'Consent to record': yes(consent.recording),
    'Consent to publish': yes(consent.publication),
    'Appears as': consent.anonymity,
    'Consent given on': consent.given.date || '—',
    'Given how': consent.given.how || '—',
    'Taken by': consent.given.takenBy || '—',
    Scope: consent.scope.length ? consent.scope.join(', ') : '—',
    'Not before the narrator’s review': yes(consent.conditions.afterReview),
    'Embargo until': consent.conditions.embargoUntil || '—',
    'Must not appear in': consent.conditions.notIn || '—',
    'Review copy sent on': consent.review.sentOn || '—',
    'Review back on': consent.review.returnedOn || '—',
    'Whole interview withdrawn': consent.withdrawal.whole ? `yes${consent.withdrawal.from ? `, from ${consent.withdrawal.from}` : ''}` : 'no',
  };
}

/** Entries of one person within this long are one change: typing a name is not twelve changes. */
const SAME_CHANGE_MS = 10 * 60 * 1000;

/**
 * `next` with its history telling what changed from `before`: one line per field, the field's
 * latest value; a person's repeated edits to one field within minutes stay one line.
 */
export function withConsentHistory(before: Consent, next: Consent, by: string, at: Date): Consent {
  const [old, now] = [describedFields(before), describedFields(next)];
  let history = next.history;
  for (const [field, value] of Object.entries(now)) {
    if (old[field] === value) continue;
    history = withChange(history, { at: at.toISOString(), by, what: `${field}: ${value}` }, field);
  }
  return history === next.history ? next : { ...next, history };
}

/** The history with one more change (a free sentence, e.g. the narrator's answers), kept short. */
export function withChange(history: ConsentChange[], change: ConsentChange, field = change.what): ConsentChange[] {
  const last = history.at(-1);
  const sameField = last && last.by === change.by && last.what.startsWith(`${field}: `) && Date.parse(change.at) - Date.parse(last.at) < SAME_CHANGE_MS;
  const kept = sameField ? history.slice(0, -1) : history;
  return [...kept, change].slice(-1000);
}

/** Two sides' histories as one, in time order, each change once (a hand-off merges them by value). */
export function mergedHistory(...histories: ConsentChange[][]): ConsentChange[] {
  const seen = new Map<string, ConsentChange>();
  for (const change of histories.flat()) seen.set(`${change.at}\u0000${change.by}\u0000${change.what}`, change);
  return [...seen.values()].sort((a, b) => a.at.localeCompare(b.at)).slice(-1000);
}

export type NarratorAnswerInput = { answer: Segment['narratorAnswer']; comment?: string };

const answerWords: Record<Segment['narratorAnswer'], string> = { '': 'not answered', publish: 'publish', change: 'change requested', withdraw: 'withdrawn' };

/**
 * The narrator's answer entered for the passages at `indexes`: each takes the answer, a change
 * they asked for becomes an open query on its passage (the translator's list of questions), and
 * the record notes it and that the review is back (today, unless a day was already entered).
 */
export function withNarratorAnswer(interview: Interview, indexes: readonly number[], input: NarratorAnswerInput, by: string, at: Date): Interview {
  const chosen = new Set(indexes);
  const comment = input.comment?.trim() ?? '';
  const segments = interview.segments.map((segment, index) => {
    if (!chosen.has(index)) return segment;
    const queries =
      input.answer === 'change'
        ? [...segment.queries, { id: `query-narrator-${at.getTime().toString(36)}-${index}`, text: `The narrator asks for a change${comment ? `: ${comment}` : '.'}`, status: 'open' as const, createdAt: at.toISOString() }]
        : segment.queries;
    return { ...segment, narratorAnswer: input.answer, queries };
  });
  const { consent } = interview;
  const what = `Narrator’s review, segment${chosen.size === 1 ? '' : 's'} ${segmentNumbersText(indexes)}: ${answerWords[input.answer]}${comment ? ` (“${comment}”)` : ''}`;
  return {
    ...interview,
    segments,
    consent: {
      ...consent,
      review: input.answer === '' || consent.review.returnedOn ? consent.review : { ...consent.review, returnedOn: localDay(at) },
      history: withChange(consent.history, { at: at.toISOString(), by, what }, '\u0000'),
    },
  };
}
