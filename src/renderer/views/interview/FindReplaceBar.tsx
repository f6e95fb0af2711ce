import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findMatches, replaceAll, type SearchOptions, type SearchScope } from '../../../shared/find-replace';
import type { Segment } from '../../../shared/interview';

type Props = { segments: Segment[]; onReplace: (segments: Segment[]) => void; onClose: () => void };

export function FindReplaceBar({ segments, onReplace, onClose }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<SearchOptions>({ query: '', scope: 'translation', wholeWord: false, matchCase: false });
  const [replacement, setReplacement] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const count = useMemo(() => findMatches(segments, options).length, [segments, options]);
  const set = (patch: Partial<SearchOptions>) => {
    setOptions({ ...options, ...patch });
    setMessage(null);
  };

  return (
    <div className="find-bar" role="search">
      <label className="field inline-field">
        <span>{t('find.find')}</span>
        <input autoFocus value={options.query} onChange={(e) => set({ query: e.target.value })} />
      </label>
      <label className="field inline-field">
        <span>{t('find.replace')}</span>
        <input value={replacement} onChange={(e) => setReplacement(e.target.value)} />
      </label>
      <label className="field inline-field">
        <span>{t('find.scope')}</span>
        <select value={options.scope} onChange={(e) => set({ scope: e.target.value as SearchScope })}>
          {(['source', 'translation', 'both'] as const).map((scope) => (
            <option key={scope} value={scope}>
              {t(`find.scopes.${scope}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check inline">
        <input type="checkbox" checked={options.wholeWord} onChange={(e) => set({ wholeWord: e.target.checked })} />
        {t('find.wholeWord')}
      </label>
      <label className="check inline">
        <input type="checkbox" checked={options.matchCase} onChange={(e) => set({ matchCase: e.target.checked })} />
        {t('find.matchCase')}
      </label>
      <span className="muted" data-testid="match-count">
        {t('find.matches', { count })}
      </span>
      <button
        type="button"
        className="button small"
        disabled={count === 0}
        onClick={() => {
          const result = replaceAll(segments, options, replacement);
          onReplace(result.segments);
          setMessage(t('find.replaced', { count: result.replaced }));
        }}
      >
        {t('find.replaceAll')}
      </button>
      {message && <span role="status">{message}</span>}
      <button type="button" className="link small" onClick={onClose}>
        {t('find.close')}
      </button>
    </div>
  );
}
