import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SearchOptions } from '../../../../shared/find-replace';
import type { Segment } from '../../../../shared/interview';
import { actionFor, type KeyAction, type KeyScope } from '../../../../shared/keymap';
import { FindReplaceBar, type FindFocus } from './FindReplaceBar';
import type { FindHighlight, RowFind } from './find-highlight';

type Options = {
  view: KeyScope;
  keymap: Record<KeyAction, string>;
  segments: Segment[];
  onReplace: (segments: Segment[]) => void;
  /** Brings a row into view (it may be scrolled away, or filtered out). */
  reveal: (segmentId: string) => void;
  /** Puts the focus back in a row whose field is no longer on the page (scrolled away). */
  refocus: (segmentId: string) => void;
};

/** Where the focus was when the bar opened, to give it back on Escape. */
type Origin = { element: HTMLElement | null; segmentId: string | null };

/** A short single-line selection in a text field becomes the search, as in an editor. */
function selectedQuery(element: Element | null): string | null {
  if (!(element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) return null;
  const { selectionStart, selectionEnd, value } = element;
  if (selectionStart === null || selectionEnd === null || selectionStart === selectionEnd) return null;
  const text = value.slice(selectionStart, selectionEnd);
  return text.length <= 100 && !/[\r\n]/.test(text) ? text : null;
}

/**
 * Find & replace for one view: Ctrl+F / Ctrl+H (as bound) open the bar from anywhere in the
 * window, the search starts in the view's own column, matches are marked in the rows, and
 * closing gives the focus back to the row it came from.
 */
export function useFind({ view, keymap, segments, onReplace, reveal, refocus }: Options) {
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState<FindFocus>({ count: 0, field: 'find' });
  const [options, setOptions] = useState<SearchOptions>({ query: '', scope: view === 'transcribe' ? 'source' : 'translation', wholeWord: false, matchCase: false });
  const [replacement, setReplacement] = useState('');
  const [highlight, setHighlight] = useState<FindHighlight | null>(null);
  const [origin, setOrigin] = useState<Origin>({ element: null, segmentId: null });

  const openBar = useCallback(
    (field: FindFocus['field']) => {
      const active = document.activeElement;
      const query = selectedQuery(active);
      if (query) setOptions((current) => ({ ...current, query }));
      if (!open) {
        const element = active instanceof HTMLElement && active !== document.body ? active : null;
        setOrigin({ element, segmentId: element?.closest('[data-segment-id]')?.getAttribute('data-segment-id') ?? null });
      }
      setOpen(true);
      setFocus((current) => ({ count: current.count + 1, field: field === 'replace' && (query ?? options.query) !== '' ? 'replace' : 'find' }));
    },
    [open, options.query],
  );

  const closeBar = useCallback(() => {
    setOpen(false);
    setHighlight(null);
    const { element, segmentId } = origin;
    if (element?.isConnected) element.focus();
    else if (segmentId) refocus(segmentId);
  }, [refocus, origin]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A dialog above the view keeps its keys.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const action = actionFor(event, keymap, view);
      if (action !== 'find.open' && action !== 'find.replace') return;
      event.preventDefault();
      openBar(action === 'find.open' ? 'find' : 'replace');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keymap, view, openBar]);

  const currentRow = highlight?.current?.segmentId ?? null;
  const currentKey = highlight?.current ? `${highlight.current.field}:${highlight.current.start}` : '';
  useEffect(() => {
    if (currentRow) reveal(currentRow);
  }, [currentRow, currentKey, reveal]);

  // One object for every row without the current match, so moving it re-renders two rows at most.
  const shared = useMemo<RowFind | null>(() => (highlight ? { pattern: highlight.pattern, fields: highlight.fields, current: null } : null), [highlight]);
  const withCurrent = useMemo<RowFind | null>(() => (shared && highlight?.current ? { ...shared, current: highlight.current } : null), [shared, highlight]);
  const rowFind = useCallback(
    (segmentId: string): RowFind | null => (withCurrent && currentRow === segmentId ? withCurrent : shared),
    [shared, withCurrent, currentRow],
  );

  const bar = open ? (
    <FindReplaceBar
      segments={segments}
      view={view}
      keymap={keymap}
      options={options}
      onOptions={setOptions}
      replacement={replacement}
      onReplacement={setReplacement}
      focus={focus}
      origin={origin.segmentId}
      onReplace={onReplace}
      onHighlight={setHighlight}
      onClose={closeBar}
    />
  ) : null;

  return { bar, open, toggle: () => (open ? closeBar() : openBar('find')), rowFind };
}
