import { FormProblem } from '../components/FormProblem';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { call, messageOf } from '../api';
import { ImeSafeForm } from '../components/ImeSafeForm';

export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await call('library.unlock', { passphrase });
      setPassphrase('');
      onUnlocked();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ImeSafeForm className="gate pad" onSubmit={unlock} aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('gate.unlockTitle')}</h1>
      <p>{t('gate.unlockHint')}</p>
      <label className="field">
        <span>{t('gate.passphrase')}</span>
        <input type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </label>
      <FormProblem problem={problem} />
      <button type="submit" className="button primary" disabled={busy || passphrase === ''}>
        {busy ? t('gate.working') : t('gate.unlock')}
      </button>
    </ImeSafeForm>
  );
}
