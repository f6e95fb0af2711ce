import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Modal } from '../../components/Modal';
import { call, messageOf } from '../../api';
import { ImeSafeForm } from '../../components/ImeSafeForm';

/** "Send…": one encrypted file for the next person, to a passphrase or to their public key. */
export function SendDialog({ interviewId, beforeSend, onClose }: { interviewId: string; beforeSend: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [sender, setSender] = useState('');
  const [lockKind, setLockKind] = useState<'passphrase' | 'recipient'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recipient, setRecipient] = useState('');
  const [includeRecording, setIncludeRecording] = useState(false);
  const [includeRealName, setIncludeRealName] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await beforeSend();
      const lock = lockKind === 'passphrase' ? { passphrase } : { recipient: recipient.trim() };
      const result = await call('package.send', { id: interviewId, lock, choices: { sender, includeRecording, includeRealName } });
      setMessage(result.saved ? { kind: 'ok', text: t('handoff.sent', { fileName: result.fileName }) } : null);
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('handoff.sendTitle')} onCancel={onClose}>
      <ImeSafeForm onSubmit={send} className="handoff-form">
        <p className="muted small">{t('handoff.sendHint')}</p>
        <label className="field">
          <span>{t('handoff.sender')}</span>
          <input value={sender} onChange={(e) => setSender(e.target.value)} placeholder={t('handoff.senderPlaceholder')} />
        </label>
        <fieldset className="choices">
          <legend>{t('handoff.lockWith')}</legend>
          <label className="check">
            <input type="radio" name="lock" checked={lockKind === 'passphrase'} onChange={() => setLockKind('passphrase')} />
            {t('handoff.byPassphrase')}
          </label>
          <label className="check">
            <input type="radio" name="lock" checked={lockKind === 'recipient'} onChange={() => setLockKind('recipient')} />
            {t('handoff.byKey')}
          </label>
        </fieldset>
        {lockKind === 'passphrase' ? (
          <label className="field">
            <span>{t('handoff.packagePassphrase')}</span>
            <input type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
        ) : (
          <label className="field">
            <span>{t('handoff.recipient')}</span>
            <input className="mono" value={recipient} onChange={(e) => setRecipient(e.target.value)} placeholder="age1…" />
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={includeRecording} onChange={(e) => setIncludeRecording(e.target.checked)} />
          {t('handoff.includeRecording')}
        </label>
        <label className="check">
          <input type="checkbox" checked={includeRealName} onChange={(e) => setIncludeRealName(e.target.checked)} />
          {t('handoff.includeRealName')}
        </label>
        <p className="muted">{t('handoff.redactionsTravel')}</p>
        {message && (
          <p className={message.kind === 'ok' ? 'muted' : 'field-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        <div className="row end">
          <button type="button" className="button" onClick={onClose}>
            {t('handoff.close')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('gate.working') : t('handoff.send')}
          </button>
        </div>
      </ImeSafeForm>
    </Modal>
  );
}
