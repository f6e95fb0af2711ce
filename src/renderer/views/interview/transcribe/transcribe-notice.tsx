import { useTranslation } from '../../../i18n/useTranslation';

/** A message under the Transcribe toolbar; some offer one follow-up ("Import anyway"). */
export type Notice = { kind: 'info' | 'error'; text: string; action?: { label: string; run: () => void } } | null;

export function TranscribeNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <div className={notice.kind === 'error' ? 'banner banner-error' : 'banner banner-info'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="transcribe-notice">
      {notice.text}
      {notice.action && (
        <button type="button" className="button small" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      )}
      <button type="button" className="link" onClick={onDismiss}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
