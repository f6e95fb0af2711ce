import { FormProblem } from '../components/FormProblem';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { call, messageOf } from '../api';
import { NewPassphraseFields, useNewPassphraseCheck } from './NewPassphraseFields';
import { ImeSafeForm } from '../components/ImeSafeForm';

type Props = {
  /** Set once an encrypted library was made: its recovery key, shown this one time. */
  recoveryKey?: string;
  onCreated: (recoveryKey: string | null) => void;
};

export function SetupScreen({ recoveryKey, onCreated }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'encrypted' | 'plain'>('encrypted');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const checkNewPassphrase = useNewPassphraseCheck();

  if (recoveryKey) {
    return (
      <section className="gate pad" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('gate.recoveryTitle')}</h1>
        <p>{t('gate.recoveryHint')}</p>
        <p className="recovery-key mono" data-testid="recovery-key">
          {recoveryKey}
        </p>
        <p className="warning">{t('gate.lostWarning')}</p>
        <button type="button" className="button primary" onClick={() => onCreated(null)}>
          {t('gate.wroteItDown')}
        </button>
      </section>
    );
  }

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = mode === 'encrypted' ? checkNewPassphrase(passphrase, repeat) : null;
    if (invalid) return setProblem(invalid);
    setBusy(true);
    setProblem(null);
    try {
      const result = await call('library.setup', mode === 'encrypted' ? { mode, passphrase } : { mode });
      onCreated(result.recoveryKey);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ImeSafeForm className="gate pad" onSubmit={create} aria-labelledby="setup-title" noValidate>
      <h1 id="setup-title">{t('gate.setupTitle')}</h1>
      <p>{t('gate.setupHint')}</p>
      <fieldset className="choices">
        <legend className="sr-only">{t('gate.setupTitle')}</legend>
        <label className="check">
          <input type="radio" name="mode" checked={mode === 'encrypted'} onChange={() => setMode('encrypted')} />
          <span>
            <strong>{t('gate.encrypted')}</strong> — {t('gate.encryptedHint')}
          </span>
        </label>
        <label className="check">
          <input type="radio" name="mode" checked={mode === 'plain'} onChange={() => setMode('plain')} />
          <span>
            <strong>{t('gate.plain')}</strong> — {t('gate.plainHint')}
          </span>
        </label>
      </fieldset>
      {mode === 'encrypted' && (
        <NewPassphraseFields passphrase={passphrase} repeat={repeat} onPassphrase={setPassphrase} onRepeat={setRepeat} />
      )}
      <FormProblem problem={problem} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('gate.working') : t('gate.create')}
      </button>
    </ImeSafeForm>
  );
}
