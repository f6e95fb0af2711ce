import { useTranslation } from 'react-i18next';
import type { MemoryMatch } from '../../../shared/contract';

type Props = { matches: MemoryMatch[]; insertKey: string; onInsert: (match: MemoryMatch) => void };

export function MemoryMatches({ matches, insertKey, onInsert }: Props) {
  const { t } = useTranslation();
  return (
    <div className="memory" data-testid="memory-matches">
      <p className="muted small">{t('translate.memoryHint', { key: insertKey })}</p>
      {matches.length === 0 && <p className="muted small">{t('translate.memoryEmpty')}</p>}
      <ul>
        {matches.map((match) => (
          <li key={`${match.interviewId}/${match.segmentId}`} className="memory-match">
            <div className="row">
              <span className={match.score === 1 ? 'score exact' : 'score'}>{Math.round(match.score * 100)}%</span>
              <span className="muted small">{t('translate.from', { title: match.interviewTitle })}</span>
              <button type="button" className="button small" onClick={() => onInsert(match)}>
                {t('translate.insert')}
              </button>
            </div>
            <div lang="ko" className="small">
              {match.source}
            </div>
            <div>{match.translation}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
