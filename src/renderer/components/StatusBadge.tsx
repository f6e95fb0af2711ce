import { useTranslation } from 'react-i18next';
import type { WorkflowStatus } from '../../shared/interview';

export function StatusBadge({ status }: { status: WorkflowStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}`}>{t(`status.${status}`)}</span>;
}
