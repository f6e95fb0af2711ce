import { FormProblem } from '../components/FormProblem';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import QRCode from 'qrcode';
import { call, messageOf } from '../api';
import { NewPassphraseFields, useNewPassphraseCheck } from './NewPassphraseFields';
import { ImeSafeForm } from '../components/ImeSafeForm';

type Props = {
  encrypted: boolean;
  idleLockMinutes: number;
  onIdleChange: (minutes: number) => Promise<void>;
  /** The library was just encrypted: the app shows the lock from now on. */
  onEncrypted: () => void;
};

export function SecuritySettings({ encrypted, idleLockMinutes, onIdleChange, onEncrypted }: Props) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  if (!encrypted) return <EncryptLibrary onEncrypted={onEncrypted} />;

  const change = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) return setMessage({ kind: 'error', text: t('gate.mismatch') });
    try {
      await call('library.changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setMessage({ kind: 'ok', text: t('security.changed') });
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    }
  };

  return (
    <section className="settings-group" aria-labelledby="security-title">
      <h2 id="security-title">{t('security.title')}</h2>
      <p className="muted small">{t('security.encrypted')}</p>
      <PublicKey />
      <label className="field">
        <span>{t('security.idle')}</span>
        <input type="number" min={0} max={240} value={idleLockMinutes} onChange={(e) => void onIdleChange(Math.max(0, Math.min(240, Math.round(Number(e.target.value) || 0))))} />
      </label>
      <ImeSafeForm onSubmit={change}>
        <h3>{t('security.changeTitle')}</h3>
        <label className="field">
          <span>{t('security.current')}</span>
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('security.next')}</span>
          <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('gate.repeat')}</span>
          <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t('security.change')}
        </button>
        {message && (
          <p className={message.kind === 'ok' ? 'muted' : 'field-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </ImeSafeForm>
    </section>
  );
}

/** Encrypts a plain library in place, then shows the recovery key once and what was replaced. */
function EncryptLibrary({ onEncrypted }: { onEncrypted: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const checkNewPassphrase = useNewPassphraseCheck();
  const [done, setDone] = useState<{ recoveryKey: string; replaced: string[] } | null>(null);

  const encrypt = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = checkNewPassphrase(passphrase, repeat);
    if (invalid) return setProblem(invalid);
    setBusy(true);
    setProblem(null);
    try {
      setDone(await call('library.encrypt', { passphrase }));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-group" aria-labelledby="security-title">
      <h2 id="security-title">{t('security.title')}</h2>
      {done ? (
        <div data-testid="encrypted-result">
          <p>{t('security.converted', { count: done.replaced.length })}</p>
          <details>
            <summary>{t('security.replacedFiles')}</summary>
            <ul className="small mono">
              {done.replaced.map((file) => (
                <li key={file}>{file}</li>
              ))}
            </ul>
          </details>
          <p className="muted small">{t('security.remnants')}</p>
          <p>{t('gate.recoveryHint')}</p>
          <p className="recovery-key mono" data-testid="recovery-key">
            {done.recoveryKey}
          </p>
          <button type="button" className="button primary" onClick={onEncrypted}>
            {t('gate.wroteItDown')}
          </button>
        </div>
      ) : (
        <ImeSafeForm onSubmit={encrypt}>
          <p className="muted">{t('security.plain')}</p>
          <h3>{t('security.encryptTitle')}</h3>
          <NewPassphraseFields passphrase={passphrase} repeat={repeat} onPassphrase={setPassphrase} onRepeat={setRepeat} />
          <FormProblem problem={problem} />
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('gate.working') : t('security.encrypt')}
          </button>
        </ImeSafeForm>
      )}
    </section>
  );
}

/** This library's public key, for others to send packages to (as text; they copy or photograph it). */
function PublicKey() {
  const { t } = useTranslation();
  const [recipient, setRecipient] = useState<string | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void call('library.recipient', {}).then(async (result) => {
      setRecipient(result.recipient);
      // Drawn here, as SVG markup: no image request, nothing leaves the app.
      if (result.recipient) setQr(await QRCode.toString(result.recipient, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
    });
  }, []);
  if (!recipient) return null;
  return (
    <div className="field">
      <span>{t('security.publicKey')}</span>
      <p className="mono public-key" data-testid="public-key">
        {recipient}
      </p>
      {qr && <div className="public-key-qr" data-testid="public-key-qr" role="img" aria-label={t('security.publicKeyQr')} dangerouslySetInnerHTML={{ __html: qr }} />}
      <p className="muted small">{t('security.publicKeyHint')}</p>
    </div>
  );
}
