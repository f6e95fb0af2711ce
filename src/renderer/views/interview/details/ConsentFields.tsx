// The narrator's consent record in Details: what they agreed to, on which conditions, and whether
// they withdrew. Every change is noted in the record's history (who, when, what), which travels
// with the interview; exports obey the record (shared/consent.ts).
import { useTranslation } from '../../../i18n/useTranslation';
import { withConsentHistory } from '../../../../shared/consent';
import { anonymityChoices, consentScopes, consentWays, type Consent, type Interview } from '../../../../shared/interview';
import { Field } from './Field';

type Props = { interview: Interview; by: string; onChange: (next: Interview) => void };

export function ConsentFields({ interview, by, onChange }: Props) {
  const { t } = useTranslation();
  const { consent } = interview;
  const change = (next: Consent) => onChange({ ...interview, consent: withConsentHistory(consent, next, by, new Date()) });
  const patch = <K extends keyof Consent>(key: K, value: Partial<Consent[K]>) =>
    change({ ...consent, [key]: typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(consent[key] as object), ...value } : value });

  return (
    <fieldset className="consent-record" data-testid="consent-record">
      <legend>{t('details.sections.consent')}</legend>
      <label className="check">
        <input type="checkbox" checked={consent.recording} onChange={(e) => change({ ...consent, recording: e.target.checked })} />
        {t('details.recordingConsent')}
      </label>
      <label className="check">
        <input type="checkbox" checked={consent.publication} onChange={(e) => change({ ...consent, publication: e.target.checked })} />
        {t('details.publicationConsent')}
      </label>
      <Field label={t('details.anonymity')}>
        {(id) => (
          <select id={id} value={consent.anonymity} onChange={(e) => change({ ...consent, anonymity: e.target.value as Consent['anonymity'] })}>
            {anonymityChoices.map((choice) => (
              <option key={choice} value={choice}>
                {t(`details.anonymityChoices.${choice}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label={t('consent.givenOn')}>{(id) => <input id={id} type="date" value={consent.given.date} onChange={(e) => patch('given', { date: e.target.value })} />}</Field>
        <Field label={t('consent.how')}>
          {(id) => (
            <select id={id} value={consent.given.how} onChange={(e) => patch('given', { how: e.target.value as Consent['given']['how'] })}>
              <option value="">{t('consent.ways.none')}</option>
              {consentWays.map((way) => (
                <option key={way} value={way}>
                  {t(`consent.ways.${way}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('consent.takenBy')}>{(id) => <input id={id} value={consent.given.takenBy} onChange={(e) => patch('given', { takenBy: e.target.value })} />}</Field>
      </div>
      <fieldset className="check-group">
        <legend>{t('consent.covers')}</legend>
        {consentScopes.map((scope) => (
          <label key={scope} className="check inline">
            <input
              type="checkbox"
              checked={consent.scope.includes(scope)}
              onChange={(e) => change({ ...consent, scope: consentScopes.filter((name) => (name === scope ? e.target.checked : consent.scope.includes(name))) })}
            />
            {t(`consent.scopes.${scope}`)}
          </label>
        ))}
        {consent.scope.length === 0 && consent.publication && <p className="muted small">{t('consent.legacyScope')}</p>}
      </fieldset>
      <fieldset className="check-group">
        <legend>{t('consent.conditions')}</legend>
        <label className="check">
          <input type="checkbox" checked={consent.conditions.afterReview} onChange={(e) => patch('conditions', { afterReview: e.target.checked })} />
          {t('consent.afterReview')}
        </label>
        <div className="field-row">
          <Field label={t('consent.embargoUntil')}>
            {(id) => <input id={id} type="date" value={consent.conditions.embargoUntil} onChange={(e) => patch('conditions', { embargoUntil: e.target.value })} />}
          </Field>
          <Field label={t('consent.notIn')}>{(id) => <input id={id} value={consent.conditions.notIn} onChange={(e) => patch('conditions', { notIn: e.target.value })} />}</Field>
        </div>
      </fieldset>
      <fieldset className="check-group">
        <legend>{t('consent.withdrawal')}</legend>
        <label className="check">
          <input type="checkbox" checked={consent.withdrawal.whole} onChange={(e) => patch('withdrawal', { whole: e.target.checked, from: e.target.checked ? consent.withdrawal.from : '' })} />
          {t('consent.withdrawWhole')}
        </label>
        {consent.withdrawal.whole && (
          <Field label={t('consent.withdrawFrom')}>{(id) => <input id={id} type="date" value={consent.withdrawal.from} onChange={(e) => patch('withdrawal', { from: e.target.value })} />}</Field>
        )}
      </fieldset>
      <details className="consent-history" data-testid="consent-history">
        <summary>{t('consent.history', { count: consent.history.length })}</summary>
        {consent.history.length === 0 ? (
          <p className="muted small">{t('consent.noHistory')}</p>
        ) : (
          <ol>
            {[...consent.history].reverse().map((entry) => (
              <li key={`${entry.at}-${entry.what}`}>
                <span className="mono">{new Date(entry.at).toLocaleString()}</span> · {entry.by} · {entry.what}
              </li>
            ))}
          </ol>
        )}
      </details>
    </fieldset>
  );
}
