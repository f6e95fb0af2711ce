import { useMemo, useState } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import { validateInterviewDetails, type DetailsField } from '../../../../shared/details-validation';
import { workflowStatuses, type Interview } from '../../../../shared/interview';
import type { Settings } from '../../../../shared/settings';
import { ImeSafeForm } from '../../../components/ImeSafeForm';
import { Field } from './Field';
import { ConsentFields } from './ConsentFields';
import { NarratorReview } from './NarratorReview';

type Props = { interview: Interview; settings: Settings; onChange: (next: Interview, yearValid?: boolean) => void; beforeExport: () => Promise<void> };

const languageCodes = ['ko', 'en'] as const;

export function DetailsForm({ interview, settings, onChange, beforeExport }: Props) {
  const { t } = useTranslation();
  const [yearText, setYearText] = useState(interview.narrator.yearLeft?.toString() ?? '');
  const [showRealName, setShowRealName] = useState(false);
  const problems = useMemo(() => validateInterviewDetails(interview, new Date()), [interview]);
  const yearValid = yearText.trim() === '' || /^\d{4}$/.test(yearText.trim());
  // A field says what is wrong only once the user has been in it: a new interview opens clean.
  const [touched, setTouched] = useState<ReadonlySet<DetailsField>>(new Set());
  const touch = (field: DetailsField) => setTouched((current) => (current.has(field) ? current : new Set([...current, field])));
  const problem = (field: DetailsField) => (problems[field] && touched.has(field) ? t(problems[field] as 'validation.titleRequired') : undefined);
  const check = (field: DetailsField) => ({ problem: problem(field), onTouched: () => touch(field) });

  const set = (next: Interview) => onChange(next, yearValid);
  const narrator = (patch: Partial<Interview['narrator']>) => set({ ...interview, narrator: { ...interview.narrator, ...patch } });
  // Who the consent record's history names: the desk's author name, when one is set.
  const by = settings.documentAuthor.trim() || t('consent.thisDesk');
  const question = (patch: Partial<Interview['readerQuestion']>) =>
    set({ ...interview, readerQuestion: { ...interview.readerQuestion, ...patch } });

  const changeYear = (text: string) => {
    setYearText(text);
    const trimmed = text.trim();
    const valid = trimmed === '' || /^\d{4}$/.test(trimmed);
    onChange(
      { ...interview, narrator: { ...interview.narrator, yearLeft: trimmed === '' ? null : valid ? Number(trimmed) : interview.narrator.yearLeft } },
      valid,
    );
  };

  return (
    <ImeSafeForm className="details-form" onSubmit={(event) => event.preventDefault()} noValidate>
      <fieldset>
        <legend>{t('details.sections.interview')}</legend>
        <Field label={t('details.title')} {...check('title')} wide>
          {(id) => <input id={id} value={interview.title} onChange={(e) => set({ ...interview, title: e.target.value })} />}
        </Field>
        <Field label={t('details.status')}>
          {(id) => (
            <select id={id} value={interview.status} onChange={(e) => set({ ...interview, status: e.target.value as Interview['status'], statusSetByHand: true })}>
              {workflowStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="check inline">
          <input type="checkbox" checked={!interview.statusSetByHand} onChange={(e) => set({ ...interview, statusSetByHand: !e.target.checked })} />
          {t('details.statusFollowsWork')}
        </label>
        <Field label={t('details.sessionDate')} {...check('sessionDate')}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={interview.session.date}
              onChange={(e) => set({ ...interview, session: { ...interview.session, date: e.target.value } })}
            />
          )}
        </Field>
        <Field label={t('details.sessionPlace')}>
          {(id) => (
            <input id={id} value={interview.session.place} onChange={(e) => set({ ...interview, session: { ...interview.session, place: e.target.value } })} />
          )}
        </Field>
        {(['source', 'target'] as const).map((side) => (
          <Field key={side} label={t(side === 'source' ? 'details.sourceLanguage' : 'details.targetLanguage')}>
            {(id) => (
              <select id={id} value={interview.languages[side]} onChange={(e) => set({ ...interview, languages: { ...interview.languages, [side]: e.target.value } })}>
                {languageCodes.map((code) => (
                  <option key={code} value={code}>
                    {t(`details.languages.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('details.sections.narrator')}</legend>
        <Field label={t('details.pseudonym')} {...check('pseudonym')}>
          {(id) => <input id={id} value={interview.narrator.pseudonym} onChange={(e) => narrator({ pseudonym: e.target.value })} />}
        </Field>
        <Field
          label={t('details.realName')}
          badge={t('details.sensitive')}
          hint={t('details.realNameHint')}
          {...check('realName')}
          className="sensitive"
        >
          {(id) => (
            <span className="with-button">
              <input
                id={id}
                type={showRealName ? 'text' : 'password'}
                autoComplete="off"
                value={interview.narrator.realName}
                onChange={(e) => narrator({ realName: e.target.value })}
              />
              <button type="button" className="button small nowrap" onClick={() => setShowRealName((shown) => !shown)}>
                {showRealName ? t('details.hide') : t('details.show')}
              </button>
            </span>
          )}
        </Field>
        <Field label={t('details.birthRegion')}>
          {(id) => <input id={id} value={interview.narrator.birthRegion} onChange={(e) => narrator({ birthRegion: e.target.value })} />}
        </Field>
        <Field label={t('details.yearLeft')} problem={yearValid ? problem('yearLeft') : t('validation.yearLeftRange')} onTouched={() => touch('yearLeft')}>
          {(id) => <input id={id} inputMode="numeric" maxLength={4} value={yearText} onChange={(e) => changeYear(e.target.value)} />}
        </Field>
        <Field label={t('details.residence')}>
          {(id) => <input id={id} value={interview.narrator.residence} onChange={(e) => narrator({ residence: e.target.value })} />}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('details.sections.people')}</legend>
        <Field label={t('details.interviewer')}>
          {(id) => <input id={id} value={interview.interviewer} onChange={(e) => set({ ...interview, interviewer: e.target.value })} />}
        </Field>
        <Field label={t('details.translator')}>
          {(id) => <input id={id} value={interview.translator} onChange={(e) => set({ ...interview, translator: e.target.value })} />}
        </Field>
      </fieldset>

      <ConsentFields interview={interview} by={by} onChange={set} />
      <NarratorReview interview={interview} by={by} onChange={set} beforeExport={beforeExport} />

      <fieldset>
        <legend>{t('details.sections.question')}</legend>
        <Field label={t('details.question')} wide>
          {(id) => <textarea id={id} rows={2} value={interview.readerQuestion.text} onChange={(e) => question({ text: e.target.value })} />}
        </Field>
        <Field label={t('details.askerFirstName')} {...check('askerFirstName')}>
          {(id) => <input id={id} value={interview.readerQuestion.askerFirstName} onChange={(e) => question({ askerFirstName: e.target.value })} />}
        </Field>
        <Field label={t('details.askerCity')}>
          {(id) => <input id={id} value={interview.readerQuestion.askerCity} onChange={(e) => question({ askerCity: e.target.value })} />}
        </Field>
      </fieldset>
    </ImeSafeForm>
  );
}
