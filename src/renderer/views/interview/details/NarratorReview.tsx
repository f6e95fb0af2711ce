// The narrator's review in Details: the review copy exported for them (Korean, redacted as it
// would be published, numbered passages), and their answers entered back by passage number —
// withdrawn passages leave every export, changes they ask for become open queries.
import { useId, useState } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import { localDay, parseSegmentNumbers, segmentNumbersText, withConsentHistory, withNarratorAnswer } from '../../../../shared/consent';
import type { Interview, NarratorAnswer } from '../../../../shared/interview';
import { call, messageOf } from '../../../api';
import { isImeKeystroke } from '../../../ime';
import { UnlistedNames, type UnlistedName } from '../edit-export/UnlistedNames';
import { Field } from './Field';
import { useLatestInterview } from '../useLatestInterview';

type Props = { interview: Interview; by: string; onChange: (next: Interview) => void; beforeExport: () => Promise<void> };

const answerChoices: NarratorAnswer[] = ['withdraw', 'change', 'publish', ''];

export function NarratorReview({ interview, by, onChange, beforeExport }: Props) {
  const { t } = useTranslation();
  const [numbers, setNumbers] = useState('');
  const [answer, setAnswer] = useState<NarratorAnswer>('withdraw');
  const [comment, setComment] = useState('');
  const [entered, setEntered] = useState<{ ok: boolean; message: string } | null>(null);
  const [exported, setExported] = useState<{ ok: boolean; message: string } | null>(null);
  const [unlisted, setUnlisted] = useState<UnlistedName[]>([]);
  const [busy, setBusy] = useState(false);
  const numbersHint = useId();
  const { consent } = interview;
  // The export may run again after the names review changed the interview: it works on the newest.
  const { latest, commit } = useLatestInterview(interview, onChange);

  const exportCopy = async () => {
    setBusy(true);
    setExported(null);
    try {
      await beforeExport();
      const request = { format: 'docx-review' as const };
      const review = await call('export.review', { id: interview.id, request });
      setUnlisted(review.unlisted);
      if (review.unlisted.length > 0) return;
      const result = await call('export.save', { id: interview.id, request });
      if (!result.saved) return setExported({ ok: true, message: t('export.cancelled') });
      setExported({ ok: true, message: t('export.saved', { fileName: result.fileName }) });
      // The day it went out, unless one was entered: the narrator's review has begun.
      const now = latest.current;
      if (!now.consent.review.sentOn) commit({ ...now, consent: withConsentHistory(now.consent, { ...now.consent, review: { ...now.consent.review, sentOn: localDay(new Date()) } }, by, new Date()) });
    } catch (error) {
      setExported({ ok: false, message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const enter = () => {
    try {
      const indexes = parseSegmentNumbers(numbers, interview.segments.length);
      if (indexes.length === 0) return setEntered({ ok: false, message: t('consent.review.segments') });
      onChange(withNarratorAnswer(interview, indexes, { answer, comment: answer === 'change' ? comment : '' }, by, new Date()));
      setEntered({ ok: true, message: t('consent.review.applied', { numbers: segmentNumbersText(indexes) }) });
      setNumbers('');
      setComment('');
    } catch (error) {
      setEntered({ ok: false, message: (error as Error).message });
    }
  };

  const answered = (wanted: NarratorAnswer) => segmentNumbersText(interview.segments.flatMap((segment, index) => (segment.narratorAnswer === wanted ? [index] : []))) || t('consent.review.none');
  const setReviewDay = (field: 'sentOn' | 'returnedOn', value: string) =>
    onChange({ ...interview, consent: withConsentHistory(consent, { ...consent, review: { ...consent.review, [field]: value } }, by, new Date()) });

  return (
    <fieldset className="narrator-review" data-testid="narrator-review">
      <legend>{t('consent.review.title')}</legend>
      <p className="muted small">{t('consent.review.hint')}</p>
      <div className="row wrap">
        <button type="button" className="button" disabled={busy} onClick={() => void exportCopy()}>
          {t('consent.review.export')}
        </button>
        {exported && (
          <span className={exported.ok ? 'muted small' : 'field-error'} role={exported.ok ? 'status' : 'alert'} data-testid="review-export-outcome">
            {exported.message}
          </span>
        )}
      </div>
      {unlisted.length > 0 && <UnlistedNames names={unlisted} interview={interview} onChange={commit} onDone={() => void exportCopy()} onRemaining={setUnlisted} />}
      <div className="field-row">
        <Field label={t('consent.review.sentOn')}>{(id) => <input id={id} type="date" value={consent.review.sentOn} onChange={(e) => setReviewDay('sentOn', e.target.value)} />}</Field>
        <Field label={t('consent.review.returnedOn')}>{(id) => <input id={id} type="date" value={consent.review.returnedOn} onChange={(e) => setReviewDay('returnedOn', e.target.value)} />}</Field>
      </div>
      <div className="field-row">
        <Field label={t('consent.review.segments')}>
          {(id) => (
            <input
              id={id}
              value={numbers}
              aria-describedby={numbersHint}
              inputMode="numeric"
              onChange={(e) => setNumbers(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !isImeKeystroke(e)) {
                  e.preventDefault();
                  enter();
                }
              }}
            />
          )}
        </Field>
        <Field label={t('consent.review.answer')}>
          {(id) => (
            <select id={id} value={answer} onChange={(e) => setAnswer(e.target.value as NarratorAnswer)}>
              {answerChoices.map((choice) => (
                <option key={choice || 'clear'} value={choice}>
                  {t(`consent.review.answers.${choice}` as 'consent.review.answers.publish')}
                </option>
              ))}
            </select>
          )}
        </Field>
        {answer === 'change' && <Field label={t('consent.review.comment')}>{(id) => <input id={id} value={comment} onChange={(e) => setComment(e.target.value)} />}</Field>}
        <button type="button" className="button" onClick={enter}>
          {t('consent.review.apply')}
        </button>
      </div>
      {entered && (
        <p className={entered.ok ? 'muted small' : 'field-error'} role={entered.ok ? 'status' : 'alert'} id={numbersHint} data-testid="review-entered">
          {entered.message}
        </p>
      )}
      <p className="small" data-testid="review-summary">
        {t('consent.review.summary', { withdrawn: answered('withdraw'), change: answered('change'), publish: answered('publish') })}
      </p>
    </fieldset>
  );
}
