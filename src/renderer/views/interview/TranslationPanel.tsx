import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../shared/interview';
import { redactionTerms } from '../../../shared/redaction';
import { formatTimecode } from '../../../shared/timecode';
import { HighlightedText } from '../../components/HighlightedText';

export function TranslationPanel({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  if (interview.segments.length === 0) return <p className="muted pad">{t('translate.empty')}</p>;
  const terms = redactionTerms(interview);
  const done = interview.segments.filter((segment) => segment.translation.trim() !== '').length;
  return (
    <div className="translation">
      <p className="muted">{t('translate.progress', { done, total: interview.segments.length })}</p>
      <table className="grid bilingual">
        <thead>
          <tr>
            <th className="time">{t('transcribe.columns.time')}</th>
            <th>{t('translate.columns.source')}</th>
            <th>{t('translate.columns.translation')}</th>
            <th className="status">{t('translate.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {interview.segments.map((segment) => (
            <tr key={segment.id}>
              <td className="time mono">{formatTimecode(segment.start)}</td>
              <td lang={interview.languages.source}>
                <HighlightedText text={segment.source} terms={terms} />
              </td>
              <td lang={interview.languages.target}>
                <HighlightedText text={segment.translation} terms={terms} />
              </td>
              <td className="status">{t(`translate.segmentStatus.${segment.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
