import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, messageOf } from '../api';

type Props = { encrypted: boolean; idleLockMinutes: number; onIdleChange: (minutes: number) => Promise<void> };

export function SecuritySettings({ encrypted, idleLockMinutes, onIdleChange }: Props) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  if (!encrypted) {
    return (
      <section className="settings-group" aria-labelledby="security-title">
        <h2 id="security-title">{t('security.title')}</h2>
        <p className="muted">{t('security.plain')}</p>
      </section>
    );
  }

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
      <label className="field">
        <span>{t('security.idle')}</span>
        <input type="number" min={0} max={240} value={idleLockMinutes} onChange={(e) => void onIdleChange(Math.max(0, Math.min(240, Math.round(Number(e.target.value) || 0))))} />
      </label>
      <form onSubmit={change}>
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
      </form>
    </section>
  );
}
