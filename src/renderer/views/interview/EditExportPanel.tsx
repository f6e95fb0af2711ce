import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../shared/interview';

export function EditExportPanel({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const reviewed = interview.segments.filter((segment) => segment.status === 'reviewed').length;
  return (
    <div className="pad">
      <p>{t('edit.reviewed', { done: reviewed, total: interview.segments.length })}</p>
      <p className="muted">{t('edit.placeholder')}</p>
    </div>
  );
}
