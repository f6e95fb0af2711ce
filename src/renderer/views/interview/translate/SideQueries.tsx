import { useDeferredValue } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { Segment } from '../../../../shared/interview';
import { formatTimecode } from '../../../../shared/timecode';

type Props = {
  segments: Segment[];
  onGoTo: (segmentId: string) => void;
  onStatus: (segmentId: string, queryId: string, status: 'open' | 'resolved') => void;
};

/** Every query in the interview, open ones first, each a click away from its row. */
export function SideQueries({ segments: current, onGoTo, onStatus }: Props) {
  // Lists the queries of every segment: a moment behind the typing, and only this tab re-rendered for it.
  const segments = useDeferredValue(current);
  const { t } = useTranslation();
  const all = segments.flatMap((segment, index) => segment.queries.map((query) => ({ segment, number: index + 1, query })));
  all.sort((a, b) => (a.query.status === b.query.status ? a.number - b.number : a.query.status === 'open' ? -1 : 1));
  if (all.length === 0) return <p className="muted small">{t('translate.queriesEmpty')}</p>;
  return (
    <ul className="side-queries" data-testid="queries-panel">
      {all.map(({ segment, number, query }) => (
        <li key={query.id} className={`query query-${query.status}`}>
          <div>
            <button type="button" className="link small" onClick={() => onGoTo(segment.id)}>
              #{number} · {formatTimecode(segment.start)}
            </button>{' '}
            <span className="muted small">{query.status === 'open' ? t('translate.open') : t('translate.resolved')}</span>
          </div>
          <div>{query.text}</div>
          <button type="button" className="link small" onClick={() => onStatus(segment.id, query.id, query.status === 'open' ? 'resolved' : 'open')}>
            {query.status === 'open' ? t('translate.resolve') : t('translate.reopen')}
          </button>
        </li>
      ))}
    </ul>
  );
}
