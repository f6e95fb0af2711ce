import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import { redactionKinds, type Interview, type Redaction, type RedactionKind } from '../../../../shared/interview';
import { guessRedactionKind, isKorean, lettersOf, narratorReplacement, proposedSpellings } from '../../../../shared/redaction/index';
import { newId } from '../../../new-id';
import { ImeSafeForm } from '../../../components/ImeSafeForm';

type Props = { interview: Interview; onChange: (next: Interview) => void };

const splitList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The proposed English spellings of an entity as chips: each can be removed, and put back. */
function SpellingChips({ proposals, rejected, onToggle, label }: { proposals: string[]; rejected: string[]; onToggle: (spelling: string) => void; label: string }) {
  const { t } = useTranslation();
  const removed = new Set(rejected.map(lettersOf));
  if (proposals.length === 0) return null;
  return (
    <ul className="spelling-chips" aria-label={label}>
      {proposals.map((spelling) => {
        const isRemoved = removed.has(lettersOf(spelling));
        return (
          <li key={spelling} className={isRemoved ? 'removed' : ''}>
            <span>{spelling}</span>
            <button
              type="button"
              className="link"
              aria-label={t(isRemoved ? 'redaction.restoreSpelling' : 'redaction.removeSpelling', { spelling })}
              title={t(isRemoved ? 'redaction.restoreSpelling' : 'redaction.removeSpelling', { spelling })}
              onClick={() => onToggle(spelling)}
            >
              {isRemoved ? '↺' : '×'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

const toggled = (rejected: string[], spelling: string) => {
  const key = lettersOf(spelling);
  return rejected.some((item) => lettersOf(item) === key) ? rejected.filter((item) => lettersOf(item) !== key) : [...rejected, spelling];
};

export function RedactionEditor({ interview, onChange }: Props) {
  const { t } = useTranslation();
  const [korean, setKorean] = useState('');
  const [english, setEnglish] = useState('');
  const [chosenKind, setChosenKind] = useState<RedactionKind | null>(null);
  const [rejected, setRejected] = useState<string[]>([]);
  const [replacementKo, setReplacementKo] = useState('[비공개]');
  const [replacementEn, setReplacementEn] = useState('[redacted]');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const realName = interview.narrator.realName.trim();

  const koreanForms = splitList(korean).filter(isKorean);
  const kind = chosenKind ?? guessRedactionKind(koreanForms[0] ?? '');
  const proposals = proposedSpellings({ kind, korean: koreanForms, english: splitList(english) });

  const update = (redactions: Redaction[]) => onChange({ ...interview, redactions });
  const change = (id: string, patch: Partial<Redaction>) => update(interview.redactions.map((item) => (item.id === id ? { ...item, ...patch } : item)));

  const add = (event: FormEvent) => {
    event.preventDefault();
    const typed = [...splitList(korean), ...splitList(english)];
    if (typed.length === 0) {
      setProblem(t('redaction.termRequired'));
      return;
    }
    update([
      ...interview.redactions,
      {
        id: newId('red'),
        kind,
        korean: typed.filter(isKorean),
        english: typed.filter((form) => !isKorean(form)),
        rejected,
        replacementKo: replacementKo.trim(),
        replacementEn: replacementEn.trim(),
        reason: reason.trim(),
      },
    ]);
    setKorean('');
    setEnglish('');
    setChosenKind(null);
    setRejected([]);
    setReplacementKo('[비공개]');
    setReplacementEn('[redacted]');
    setReason('');
    setProblem(null);
  };

  return (
    <section className="panel redaction">
      <h2>{t('redaction.title')}</h2>
      <p className="muted small">{t('redaction.hint')}</p>
      {interview.redactionsWithheld && (
        <div className="banner banner-warning" role="alert" data-testid="redactions-withheld">
          <p>{t('redaction.withheld')}</p>
          <button type="button" className="button small" onClick={() => onChange({ ...interview, redactionsWithheld: false })}>
            {t('redaction.markComplete')}
          </button>
        </div>
      )}
      <table className="grid compact redaction-list" data-testid="redaction-list">
        <thead>
          <tr>
            <th>{t('redaction.entity')}</th>
            <th>{t('redaction.spellings')}</th>
            <th>{t('redaction.replacementKo')}</th>
            <th>{t('redaction.replacementEn')}</th>
            <th>{t('redaction.reason')}</th>
            <th aria-label="actions" />
          </tr>
        </thead>
        <tbody>
          <tr className="locked">
            <td data-label={t('redaction.entity')}>{realName ? <span className="masked">{t('redaction.realNameRow')}</span> : <span className="muted">{t('redaction.noRealName')}</span>}</td>
            <td className="muted small" data-label={t('redaction.spellings')}>{realName ? t('redaction.realNameSpellings') : '—'}</td>
            <td data-label={t('redaction.replacementKo')}>{narratorReplacement(interview)}</td>
            <td data-label={t('redaction.replacementEn')}>{narratorReplacement(interview)}</td>
            <td className="muted" data-label={t('redaction.reason')}>—</td>
            <td />
          </tr>
          {interview.redactions.map((redaction, index) => (
            <tr key={redaction.id} data-testid="redaction-row">
              <td data-label={t('redaction.entity')}>
                <mark className="sensitive-term">{[...redaction.korean, ...redaction.english].join(', ')}</mark>
                <select aria-label={t('redaction.kindOf', { number: index + 1 })} value={redaction.kind} onChange={(e) => change(redaction.id, { kind: e.target.value as RedactionKind })}>
                  {redactionKinds.map((name) => (
                    <option key={name} value={name}>
                      {t(`redaction.kinds.${name}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td data-label={t('redaction.spellings')}>
                <SpellingChips
                  label={t('redaction.proposedFor', { number: index + 1 })}
                  proposals={proposedSpellings(redaction)}
                  rejected={redaction.rejected}
                  onToggle={(spelling) => change(redaction.id, { rejected: toggled(redaction.rejected, spelling) })}
                />
                <input
                  aria-label={t('redaction.extraSpellingsOf', { number: index + 1 })}
                  placeholder={t('redaction.extraSpellings')}
                  defaultValue={redaction.english.join(', ')}
                  onBlur={(e) => change(redaction.id, { english: splitList(e.target.value).filter((form) => !isKorean(form)) })}
                />
              </td>
              <td data-label={t('redaction.replacementKo')}>
                <input aria-label={t('redaction.replacementKoOf', { number: index + 1 })} lang="ko" value={redaction.replacementKo} onChange={(e) => change(redaction.id, { replacementKo: e.target.value })} />
              </td>
              <td data-label={t('redaction.replacementEn')}>
                <input aria-label={t('redaction.replacementEnOf', { number: index + 1 })} lang="en" value={redaction.replacementEn} onChange={(e) => change(redaction.id, { replacementEn: e.target.value })} />
              </td>
              <td data-label={t('redaction.reason')}>
                <input aria-label={t('redaction.reasonOf', { number: index + 1 })} value={redaction.reason} onChange={(e) => change(redaction.id, { reason: e.target.value })} />
              </td>
              <td className="actions">
                <button type="button" className="button small danger-quiet" onClick={() => update(interview.redactions.filter((item) => item.id !== redaction.id))}>
                  {t('redaction.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ImeSafeForm className="redaction-form" onSubmit={add} noValidate>
        <label className="field">
          <span>{t('redaction.korean')}</span>
          <input value={korean} lang="ko" onChange={(e) => setKorean(e.target.value)} aria-invalid={problem !== null} />
          {problem && <span className="field-error">{problem}</span>}
        </label>
        <label className="field">
          <span>{t('redaction.kind')}</span>
          <select value={kind} onChange={(e) => setChosenKind(e.target.value as RedactionKind)}>
            {redactionKinds.map((name) => (
              <option key={name} value={name}>
                {t(`redaction.kinds.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('redaction.english')}</span>
          <input value={english} onChange={(e) => setEnglish(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('redaction.replacementKo')}</span>
          <input value={replacementKo} lang="ko" onChange={(e) => setReplacementKo(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('redaction.replacementEn')}</span>
          <input value={replacementEn} list="replacement-choices" onChange={(e) => setReplacementEn(e.target.value)} />
          <datalist id="replacement-choices">
            <option value="[redacted]" />
            {interview.narrator.pseudonym && <option value={interview.narrator.pseudonym} />}
          </datalist>
        </label>
        <label className="field">
          <span>{t('redaction.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t('redaction.add')}
        </button>
        {proposals.length > 0 && (
          <div className="proposals" data-testid="spelling-proposals">
            <span className="muted small">{t('redaction.proposalsHint')}</span>
            <SpellingChips label={t('redaction.proposals')} proposals={proposals} rejected={rejected} onToggle={(spelling) => setRejected(toggled(rejected, spelling))} />
          </div>
        )}
      </ImeSafeForm>
    </section>
  );
}
