import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import {
  findMatches,
  fieldsOf,
  matchFrom,
  replaceAll,
  replaceOne,
  searchPattern,
  type SearchField,
  type SearchOptions,
  type SearchScope,
} from '../../../../shared/find-replace';
import type { Segment } from '../../../../shared/interview';
import { actionFor, type KeyAction, type KeyScope } from '../../../../shared/keymap';
import { isImeKeystroke } from '../../../ime';
import type { FindHighlight } from './find-highlight';

type Place = { segmentId: string; field: SearchField; offset: number };
/** The rows a replacement changed, as they were and as it left them: enough to take it back. */
type LastChange = { before: Map<string, Segment>; after: Map<string, Segment> };

export type FindFocus = { count: number; field: 'find' | 'replace' };

type Props = {
  segments: Segment[];
  view: KeyScope;
  keymap: Record<KeyAction, string>;
  options: SearchOptions;
  onOptions: (options: SearchOptions) => void;
  replacement: string;
  onReplacement: (text: string) => void;
  /** Changes each time Ctrl+F / Ctrl+H is pressed: the field it names takes the focus. */
  focus: FindFocus;
  /** The row the person was in when they opened the bar: searching starts there. */
  origin: string | null;
  onReplace: (segments: Segment[]) => void;
  onHighlight: (highlight: FindHighlight | null) => void;
  onClose: () => void;
};

const sameText = (a: Segment, b: Segment) => a.source === b.source && a.translation === b.translation;

export function FindReplaceBar(props: Props) {
  const { segments, options, replacement, onHighlight } = props;
  const { t } = useTranslation();
  const findInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const [place, setPlace] = useState<Place | null>(props.origin ? { segmentId: props.origin, field: 'source', offset: 0 } : null);
  const [moved, setMoved] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [lastChange, setLastChange] = useState<LastChange | null>(null);

  // Counting runs over the whole interview: typing in a row while the bar is open must not wait for it.
  const settled = useDeferredValue(segments);
  const matches = useMemo(() => findMatches(settled, options), [settled, options]);
  const pattern = useMemo(() => searchPattern(options), [options]);
  const currentIndex = place && matches.length > 0 ? matchFrom(matches, settled, place) : -1;
  const current = moved && currentIndex >= 0 ? matches[currentIndex] : undefined;
  const otherScope: SearchScope | null = options.scope === 'both' ? null : options.scope === 'source' ? 'translation' : 'source';
  const elsewhere = useMemo(
    () => (pattern && matches.length === 0 && otherScope ? findMatches(settled, { ...options, scope: otherScope }).length : 0),
    [pattern, matches.length, otherScope, settled, options],
  );

  useEffect(() => {
    const field = props.focus.field === 'replace' ? replaceInput.current : findInput.current;
    field?.focus();
    field?.select();
  }, [props.focus]);

  const currentKey = current ? `${current.segmentId}:${current.field}:${current.start}:${current.end}` : '';
  useEffect(() => {
    onHighlight(pattern ? { pattern, fields: fieldsOf(options.scope), current: current ?? null } : null);
    // `current` is named by its key: a new object for the same match must not re-render every row.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pattern, options.scope, currentKey, onHighlight]);
  useEffect(() => () => onHighlight(null), [onHighlight]);

  const setOptions = (patch: Partial<SearchOptions>) => {
    props.onOptions({ ...options, ...patch });
    setMessage(null);
    // Find as you type: the first match from where the search stands (or began).
    if (current) setPlace({ segmentId: current.segmentId, field: current.field, offset: current.start });
  };

  const go = (step: 1 | -1) => {
    if (matches.length === 0) return;
    setMessage(null);
    let index: number;
    if (!current) index = step === 1 ? Math.max(currentIndex, 0) : (Math.max(currentIndex, 0) - 1 + matches.length) % matches.length;
    else index = (currentIndex + step + matches.length) % matches.length;
    const match = matches[index]!;
    setPlace({ segmentId: match.segmentId, field: match.field, offset: match.start });
    setMoved(true);
  };

  const remember = (before: readonly Segment[], after: readonly Segment[]) => {
    const change: LastChange = { before: new Map(), after: new Map() };
    after.forEach((segment, index) => {
      if (segment === before[index]) return;
      change.before.set(segment.id, before[index]!);
      change.after.set(segment.id, segment);
    });
    setLastChange(change);
  };

  const replaceCurrent = () => {
    if (!current) return go(1);
    const done = replaceOne(segments, options, current, replacement);
    if (!done) {
      setMessage(t('find.moved'));
      return;
    }
    remember(segments, done.segments);
    props.onReplace(done.segments);
    setPlace(done.resumeAt);
    setMessage(t('find.replaced', { count: 1 }));
  };

  const replaceEverywhere = () => {
    const result = replaceAll(segments, options, replacement);
    remember(segments, result.segments);
    props.onReplace(result.segments);
    setMoved(false);
    setMessage(t('find.replaced', { count: result.replaced }));
  };

  const undo = () => {
    if (!lastChange) return;
    // Only rows still as the replacement left them go back; a row typed in since keeps its typing.
    const restored = segments.map((segment) => {
      const after = lastChange.after.get(segment.id);
      return after && sameText(segment, after) ? lastChange.before.get(segment.id)! : segment;
    });
    props.onReplace(restored);
    setLastChange(null);
    setMessage(t('find.undone'));
    // The Undo button goes away with the change; the focus stays in the bar, not on the page.
    findInput.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Korean typed into the fields: the input method's Enter commits a syllable, nothing more.
    if (isImeKeystroke(event)) {
      event.stopPropagation();
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onClose();
      return;
    }
    const action = actionFor(event.nativeEvent, props.keymap, props.view);
    if (action === 'find.open' || action === 'find.replace') {
      event.preventDefault();
      event.stopPropagation();
      const field = action === 'find.replace' && options.query !== '' ? replaceInput.current : findInput.current;
      field?.focus();
      field?.select();
      return;
    }
    if (event.key === 'Enter' && event.target === findInput.current) {
      event.preventDefault();
      go(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Enter' && event.target === replaceInput.current) {
      event.preventDefault();
      replaceCurrent();
    }
    // Playback keys still reach the player; every other key belongs to the bar's own fields.
    if (!action?.startsWith('player.')) event.stopPropagation();
  };

  const scopeName = t(`find.in.${options.scope}`);
  const count = !pattern
    ? ''
    : matches.length === 0
      ? t('find.none', { scope: scopeName }) + (elsewhere > 0 && otherScope ? ` ${t('find.elsewhere', { count: elsewhere, scope: t(`find.in.${otherScope}`) })}` : '')
      : current
        ? t('find.position', { current: currentIndex + 1, count: matches.length, scope: scopeName })
        : t('find.matches', { count: matches.length, scope: scopeName });

  return (
    <div className="find-bar" role="search" aria-label={t('find.title')} onKeyDown={onKeyDown} data-testid="find-bar">
      <label className="field inline-field">
        <span>{t('find.find')}</span>
        <input ref={findInput} value={options.query} onChange={(e) => setOptions({ query: e.target.value })} aria-describedby="find-count" />
      </label>
      <button type="button" className="button small" disabled={matches.length === 0} title={t('find.previousHint')} onClick={() => go(-1)}>
        {t('find.previous')}
      </button>
      <button type="button" className="button small" disabled={matches.length === 0} title={t('find.nextHint')} onClick={() => go(1)}>
        {t('find.next')}
      </button>
      <label className="field inline-field">
        <span>{t('find.replace')}</span>
        <input ref={replaceInput} value={replacement} onChange={(e) => props.onReplacement(e.target.value)} />
      </label>
      <button type="button" className="button small" disabled={matches.length === 0} title={t('find.replaceOneHint')} onClick={replaceCurrent}>
        {t('find.replaceOne')}
      </button>
      <button type="button" className="button small" disabled={matches.length === 0} onClick={replaceEverywhere}>
        {t('find.replaceAll')}
      </button>
      <label className="field inline-field">
        <span>{t('find.scope')}</span>
        <select aria-label={t('find.scopeLabel')} value={options.scope} onChange={(e) => setOptions({ scope: e.target.value as SearchScope })}>
          {(['source', 'translation', 'both'] as const).map((scope) => (
            <option key={scope} value={scope}>
              {t(`find.scopes.${scope}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check inline">
        <input type="checkbox" checked={options.wholeWord} onChange={(e) => setOptions({ wholeWord: e.target.checked })} />
        {t('find.wholeWord')}
      </label>
      <label className="check inline">
        <input type="checkbox" checked={options.matchCase} onChange={(e) => setOptions({ matchCase: e.target.checked })} />
        {t('find.matchCase')}
      </label>
      <span className="muted small" id="find-count" data-testid="match-count" aria-live="polite">
        {count}
      </span>
      {message && (
        <span role="status" className="small">
          {message}
        </span>
      )}
      {lastChange && (
        <button type="button" className="link small" onClick={undo}>
          {t('find.undo')}
        </button>
      )}
      <button type="button" className="link small" title={t('find.closeHint')} onClick={props.onClose}>
        {t('find.close')}
      </button>
    </div>
  );
}
