import { useState } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { MemoryMatch } from '../../../../shared/contract';
import { differingNumbers } from '../../../../shared/memory-diff';
import { SourceDiff } from '../../../components/SourceDiff';

type Props = { matches: MemoryMatch[]; rowSource: string; insertKey: string; onInsert: (match: MemoryMatch) => void };

/** Memory matches for the current row: what differs in the source, and a stop where a number does. */
export function MemoryMatches({ matches, rowSource, insertKey, onInsert }: Props) {
  const { t } = useTranslation();
  return (
    <div className="memory" data-testid="memory-matches">
      <p className="muted small">{t('translate.memoryHint', { key: insertKey })}</p>
      {matches.length === 0 && <p className="muted small">{t('translate.memoryEmpty')}</p>}
      <ul>
        {matches.map((match, index) => (
          // The insert key takes the best match: its button says so.
          <MatchItem key={`${match.interviewId}/${match.segmentId}`} match={match} rowSource={rowSource} insertKey={index === 0 ? insertKey : null} onInsert={onInsert} />
        ))}
      </ul>
    </div>
  );
}

function MatchItem({ match, rowSource, insertKey, onInsert }: { match: MemoryMatch; rowSource: string; insertKey: string | null; onInsert: (match: MemoryMatch) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const numbers = differingNumbers(match.source, rowSource);
  return (
    <li className="memory-match" data-testid="memory-match">
      <div className="row">
        <span className={match.score === 1 ? 'score exact' : 'score'}>{Math.round(match.score * 100)}%</span>
        <span className="muted small">{t('translate.from', { title: match.interviewTitle })}</span>
        {numbers && confirming ? (
          <button type="button" className="button small danger-quiet" onClick={() => onInsert(match)}>
            {t('translate.insertAnyway')}
          </button>
        ) : (
          <button
            type="button"
            className="button small"
            title={insertKey ? `${t('translate.insert')} (${insertKey})` : undefined}
            onClick={() => (numbers ? setConfirming(true) : onInsert(match))}
          >
            {t('translate.insert')}
          </button>
        )}
      </div>
      <div className="small" aria-label={t('translate.matchSource')}>
        {match.score === 1 ? (
          <span lang="ko">{match.source}</span>
        ) : (
          <SourceDiff before={match.source} after={rowSource} beforeTitle={t('translate.onlyInMatch')} afterTitle={t('translate.onlyHere')} />
        )}
      </div>
      {numbers && (
        <p className="field-error small" role="alert" data-testid="memory-numbers">
          {t('translate.numbersDiffer', { stored: numbers.inMatch.join(', ') || '—', here: numbers.here.join(', ') || '—' })}
        </p>
      )}
      <div>{match.translation}</div>
    </li>
  );
}
