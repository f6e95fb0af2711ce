import { FormProblem } from '../../components/FormProblem';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import type { ChannelResult } from '../../../shared/contract';
import { Modal } from '../../components/Modal';
import { call, messageOf } from '../../api';
import { ImeSafeForm } from '../../components/ImeSafeForm';

type Opened = Extract<ChannelResult<'package.open'>, { opened: true }>;
type Received = ChannelResult<'package.accept'>;

/** "Open package…": decrypt, show what it holds and from whom, then add or merge. */
type Props = {
  onClose: () => void;
  onOpenInterview: (id: string) => void;
  /** A package dropped on the window, already read: opened from these bytes, not a dialog. */
  dropped?: { name: string; data: string } | null;
};

export function OpenPackageDialog({ onClose, onOpenInterview, dropped }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [received, setReceived] = useState<Received | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const keys = passphrase ? { passphrase } : {};
      const result = dropped ? await call('package.openDropped', { data: dropped.data, ...keys }) : await call('package.open', keys);
      if (result.opened) setOpened(result);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const accept = async () => {
    if (!opened) return;
    setBusy(true);
    try {
      setReceived(await call('package.accept', { token: opened.token }));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('handoff.openTitle')} onCancel={onClose}>
      {received ? (
        <div data-testid="package-received">
          <p role="status">
            {received.outcome === 'added'
              ? t('handoff.added', { segments: received.segmentsAdded })
              : t('handoff.merged', { taken: received.fieldsTaken, added: received.segmentsAdded, conflicts: received.conflicts })}
          </p>
          <div className="row end">
            <button type="button" className="button primary" onClick={() => onOpenInterview(received.interviewId)}>
              {t('handoff.openInterview')}
            </button>
          </div>
        </div>
      ) : opened ? (
        <div data-testid="package-summary">
          <dl className="package-summary">
            <dt>{t('handoff.title')}</dt>
            <dd>{opened.title}</dd>
            <dt>{t('handoff.from')}</dt>
            <dd>{opened.sender || '—'}</dd>
            <dt>{t('handoff.when')}</dt>
            <dd>{new Date(opened.createdAt).toLocaleString()}</dd>
            <dt>{t('handoff.holds')}</dt>
            <dd>
              {t('handoff.segments', { count: opened.segmentCount })}
              {opened.hasRecording ? `, ${t('handoff.withRecording')}` : ''}
            </dd>
            {opened.withheld.length > 0 && (
              <>
                <dt>{t('handoff.withheld')}</dt>
                <dd>{opened.withheld.map((item) => t(`handoff.withheldItems.${item as 'realName' | 'redactions' | 'recording'}`)).join(', ')}</dd>
              </>
            )}
          </dl>
          <p>{opened.existing ? t('handoff.willMerge') : t('handoff.willAdd')}</p>
          <FormProblem problem={problem} />
          <div className="row end">
            <button type="button" className="button" onClick={onClose}>
              {t('handoff.close')}
            </button>
            <button type="button" className="button primary" disabled={busy} onClick={() => void accept()}>
              {opened.existing ? t('handoff.merge') : t('handoff.add')}
            </button>
          </div>
        </div>
      ) : (
        <ImeSafeForm onSubmit={open} className="handoff-form">
          {dropped && (
            <p className="mono small" data-testid="dropped-package">
              {dropped.name}
            </p>
          )}
          <label className="field">
            <span>{t('handoff.packagePassphrase')}</span>
            <input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <p className="muted small">{t('handoff.passphraseHint')}</p>
          <FormProblem problem={problem} />
          <div className="row end">
            <button type="button" className="button" onClick={onClose}>
              {t('handoff.close')}
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('gate.working') : dropped ? t('handoff.openDropped') : t('handoff.choose')}
            </button>
          </div>
        </ImeSafeForm>
      )}
    </Modal>
  );
}
