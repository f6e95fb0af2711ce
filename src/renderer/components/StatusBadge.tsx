import { memo } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { WorkflowStatus } from '../../shared/interview';
import { formatTimecode } from '../../shared/timecode';
import type { StatusReason } from '../../shared/workflow-status';

/** The status, and on hover why it is what it is and what moves it on. */
/** Memoised: the interview around it re-renders at each keystroke, the badge when the status or its reason moves. */
export const StatusBadge = memo(function StatusBadge({ status, reason }: { status: WorkflowStatus; reason?: StatusReason }) {
  const { t } = useTranslation();
  const why = reason ? reasonText(reason, t) : undefined;
  return (
    <span className={`status-badge status-${status}`} title={why} data-testid="status-badge" tabIndex={why ? 0 : undefined} aria-description={why}>
      {t(`status.${status}`)}
    </span>
  );
});

type Translate = ReturnType<typeof useTranslation>['t'];

function reasonText(reason: StatusReason, t: Translate): string {
  const rule = t('statusReason.rule');
  switch (reason.kind) {
    case 'by-hand':
      return t('statusReason.by-hand', { status: t(`status.${reason.status}`) });
    case 'speech-without-text':
    case 'gaps-without-text':
      return `${t(`statusReason.${reason.kind}`, { count: reason.count, first: formatTimecode(reason.first) })}\n${rule}`;
    case 'no-text':
      return `${t('statusReason.no-text')}\n${rule}`;
    case 'untranslated':
    case 'unreviewed':
      return t(`statusReason.${reason.kind}`, { count: reason.count, first: reason.first });
    default:
      return t(`statusReason.${reason.kind}`);
  }
}
