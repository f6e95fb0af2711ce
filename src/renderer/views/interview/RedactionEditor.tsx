import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview, Redaction } from '../../../shared/interview';
import { narratorReplacement } from '../../../shared/redaction';
import { newId } from '../../new-id';

type Props = { interview: Interview; onChange: (next: Interview) => void };

const splitVariants = (text: string) =>
  text
    .split(',')
    .map((variant) => variant.trim())
    .filter(Boolean);

export function RedactionEditor({ interview, onChange }: Props) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [replacement, setReplacement] = useState('[redacted]');
  const [variants, setVariants] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const realName = interview.narrator.realName.trim();

  const update = (redactions: Redaction[]) => onChange({ ...interview, redactions });
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (term.trim() === '') {
      setProblem(t('redaction.termRequired'));
      return;
    }
    update([...interview.redactions, { id: newId('red'), term: term.trim(), replacement: replacement.trim(), variants: splitVariants(variants), reason: reason.trim() }]);
    setTerm('');
    setVariants('');
    setReason('');
    setProblem(null);
  };

  return (
    <section className="panel redaction">
      <h2>{t('redaction.title')}</h2>
      <p className="muted small">{t('redaction.hint')}</p>
      <table className="grid compact" data-testid="redaction-list">
        <thead>
          <tr>
            <th>{t('redaction.term')}</th>
            <th>{t('redaction.replacement')}</th>
            <th>{t('redaction.variants')}</th>
            <th>{t('redaction.reason')}</th>
            <th aria-label="actions" />
          </tr>
        </thead>
        <tbody>
          <tr className="locked">
            <td>{realName ? <span className="masked">{t('redaction.realNameRow')}</span> : <span className="muted">{t('redaction.noRealName')}</span>}</td>
            <td>{narratorReplacement(interview)}</td>
            <td className="muted">—</td>
            <td className="muted">—</td>
            <td />
          </tr>
          {interview.redactions.map((redaction, index) => (
            <tr key={redaction.id}>
              <td>
                <mark className="sensitive-term">{redaction.term}</mark>
              </td>
              <td>
                <input
                  aria-label={`${t('redaction.replacement')} ${index + 1}`}
                  value={redaction.replacement}
                  onChange={(e) => update(interview.redactions.map((item) => (item.id === redaction.id ? { ...item, replacement: e.target.value } : item)))}
                />
              </td>
              <td>{redaction.variants.join(', ')}</td>
              <td>{redaction.reason}</td>
              <td className="actions">
                <button type="button" className="button small danger-quiet" onClick={() => update(interview.redactions.filter((item) => item.id !== redaction.id))}>
                  {t('redaction.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="redaction-form" onSubmit={add} noValidate>
        <label className="field">
          <span>{t('redaction.term')}</span>
          <input value={term} onChange={(e) => setTerm(e.target.value)} aria-invalid={problem !== null} />
          {problem && <span className="field-error">{problem}</span>}
        </label>
        <label className="field">
          <span>{t('redaction.replacement')}</span>
          <input value={replacement} list="replacement-choices" onChange={(e) => setReplacement(e.target.value)} />
          <datalist id="replacement-choices">
            <option value="[redacted]" />
            {interview.narrator.pseudonym && <option value={interview.narrator.pseudonym} />}
          </datalist>
        </label>
        <label className="field">
          <span>{t('redaction.variants')}</span>
          <input value={variants} onChange={(e) => setVariants(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('redaction.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t('redaction.add')}
        </button>
      </form>
    </section>
  );
}
