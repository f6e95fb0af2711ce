import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { MemoryMatch } from '../../../../shared/contract';
import { glossaryInUse } from '../../../../shared/glossary';
import type { Interview, Segment } from '../../../../shared/interview';
import { actionFor, effectiveKeymap, type KeyAction } from '../../../../shared/keymap';
import { redactionTerms } from '../../../../shared/redaction/index';
import type { Settings } from '../../../../shared/settings';
import {
  confirmTranslation,
  copySourceIntoTranslation,
  markReviewed,
  nextNeedingTranslation,
  rowsShown,
  translationProgress,
  writeSource,
  writeTranslation,
  type RowFilter,
} from '../../../../shared/translation';
import { call } from '../../../api';
import { withSegment } from '../../../../shared/transcript-editing';
import { useLibraryGlossary } from './useLibraryGlossary';
import { newId } from '../../../new-id';
import { useFind } from '../find/useFind';
import { GlossarySidebar } from './GlossarySidebar';
import { MemoryMatches } from './MemoryMatches';
import { differingNumbers } from '../../../../shared/memory-diff';
import { SideQueries } from './SideQueries';
import { TranslateRow, type RowActions } from './TranslateRow';
import { useLatestInterview } from '../useLatestInterview';
import { performPlayerAction, usePlayer } from '../usePlayer';
import { useRecordingPeaks } from '../useRecordingPeaks';
import { Waveform } from '../Waveform';
import { isImeKeystroke } from '../../../ime';
import { timelineOf } from '../../../../shared/segment-timeline';
import { segmentOrder } from '../../../../shared/followed';
import { PlayerBar, useMediaState } from '../PlayerBar';

type Props = { interview: Interview; mediaBaseUrl: string; settings: Settings; onChange: (next: Interview) => void };
type SideTab = 'memory' | 'glossary' | 'queries';

const filters: RowFilter[] = ['all', 'untranslated', 'draft', 'reviewed', 'stale'];

export function TranslatePanel({ interview, mediaBaseUrl, settings, onChange }: Props) {
  const { t } = useTranslation();
  const keymap = useMemo(() => effectiveKeymap(settings.keymap), [settings.keymap]);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [sourceEditable, setSourceEditable] = useState(false);
  /** The row holding the find bar's current match: shown even when the filter would hide it. */
  const [revealId, setRevealId] = useState<string | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('memory');
  /** Why the one-key insert did nothing (a number differs); cleared when the row changes. */
  const [memoryNotice, setMemoryNotice] = useState<string | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(interview.segments[0]?.id ?? null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; target: 'translation' | 'query' } | null>(null);
  const [libraryGlossary, setLibraryGlossary] = useLibraryGlossary();
  // Matches are kept with the row and source they were found for, so a slow answer for the
  // previous row is never shown for, or inserted into, the current one.
  const [memory, setMemory] = useState<{ segmentId: string; source: string; matches: MemoryMatch[] } | null>(null);
  const player = usePlayer(settings.playback.rewindOnResumeSeconds, settings.playback.stepSeconds);
  const [media, setMedia] = useState<HTMLAudioElement | null>(null);
  const mediaState = useMediaState(media);
  const { peaks } = useRecordingPeaks(interview.id, interview.recording);

  const { latest, commit } = useLatestInterview(interview, onChange);
  const segments = interview.segments;
  const order = segmentOrder(segments);
  const timeline = timelineOf(segments);
  const indexOf = useMemo(() => new Map(order.map((segment, index) => [segment.id, index])), [order]);
  const updateSegment = useCallback(
    (id: string, change: (segment: Segment) => Segment) => {
      const current = latest.current;
      commit({ ...current, segments: withSegment(current.segments, indexOf.get(id), id, change) });
    },
    [commit, latest, indexOf],
  );

  const current = currentId !== null ? segments[indexOf.get(currentId) ?? -1] : undefined;
  const speakers = useMemo(() => new Map(interview.speakers.map((speaker) => [speaker.id, speaker])), [interview.speakers]);
  const glossary = useMemo(() => glossaryInUse(libraryGlossary, interview.glossary), [libraryGlossary, interview.glossary]);
  // Rows re-render only when their own segment changes; everything derived from the whole
  // transcript (terms, progress, the sidebar's checks) must not change identity on each keystroke.
  const { narrator, redactions } = interview;
  const sensitive = useMemo(() => redactionTerms({ narrator, redactions }), [narrator, redactions]);
  const progress = translationProgress(segments);
  // The row being worked on stays in view even when it stops matching the filter. The ids shown
  // change when a row comes into or leaves the filter, not with every keystroke.
  const alwaysShown = useMemo(() => new Set([currentId, revealId].filter((id) => id !== null)), [currentId, revealId]);
  const visible = rowsShown(segments, filter, alwaysShown);
  // Keys (and so the list's measurements) change with the rows shown, not with every keystroke.
  const getItemKey = useCallback((index: number) => visible[index]!, [visible]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands out functions React Compiler cannot memoize; the app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    overscan: 6,
    getItemKey,
  });

  const goTo = useCallback(
    (id: string, target: 'translation' | 'query' = 'translation') => {
      setCurrentId(id);
      setFocusRequest({ id, target });
    },
    [],
  );

  useEffect(() => {
    if (!focusRequest) return;
    const position = visible.indexOf(focusRequest.id);
    if (position === -1) return;
    virtualizer.scrollToIndex(position, { align: 'auto' });
    const frame = requestAnimationFrame(() => {
      const selector = focusRequest.target === 'query' ? '.query-input' : '.translation-input';
      scrollRef.current?.querySelector<HTMLElement>(`[data-segment-id="${focusRequest.id}"] ${selector}`)?.focus();
      setFocusRequest(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, visible, virtualizer]);

  useEffect(() => {
    if (revealId === null) return;
    const position = visible.indexOf(revealId);
    if (position !== -1) virtualizer.scrollToIndex(position, { align: 'center' });
  }, [revealId, visible, virtualizer]);
  const find = useFind({
    view: 'translate',
    keymap,
    segments,
    onReplace: (next) => commit({ ...latest.current, segments: next }),
    reveal: setRevealId,
    refocus: goTo,
  });

  // Memory matches follow the current row's source.
  const currentSource = current?.source;
  useEffect(() => setMemoryNotice(null), [currentId, currentSource]);
  useEffect(() => {
    if (!currentId || currentSource === undefined) return;
    let live = true;
    const timer = setTimeout(() => {
      void call('memory.lookup', { interviewId: interview.id, segmentId: currentId, source: currentSource }).then(
        (result) => live && setMemory({ segmentId: currentId, source: currentSource, matches: result.matches }),
        () => live && setMemory(null),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [interview.id, currentId, currentSource]);

  const matches = memory && current && memory.segmentId === current.id && memory.source === current.source ? memory.matches : [];

  const actions: RowActions = useMemo(
    () => ({
      focus: (id) => setCurrentId(id),
      translate: (id, text) => updateSegment(id, (segment) => writeTranslation(segment, text)),
      editSource: (id, text) => updateSegment(id, (segment) => writeSource(segment, text)),
      review: (id) => updateSegment(id, markReviewed),
      confirm: (id) => updateSegment(id, confirmTranslation),
      play: (id) => {
        const segment = latest.current.segments.find((item) => item.id === id);
        if (segment) player.playSegment(segment.start, segment.end);
      },
      loop: (id) => {
        const segment = latest.current.segments.find((item) => item.id === id);
        if (segment) player.toggleLoop(segment.start, segment.end);
      },
      note: (id, text) => updateSegment(id, (segment) => ({ ...segment, notes: text })),
      raiseQuery: (id, text) =>
        updateSegment(id, (segment) => ({
          ...segment,
          queries: [...segment.queries, { id: newId('qry'), text, status: 'open', createdAt: new Date().toISOString() }],
        })),
      setQueryStatus: (id, queryId, status) =>
        updateSegment(id, (segment) => ({ ...segment, queries: segment.queries.map((query) => (query.id === queryId ? { ...query, status } : query)) })),
    }),
    [updateSegment, player, latest],
  );

  const perform = (action: KeyAction): boolean => {
    const index = current ? (indexOf.get(current.id) ?? 0) : 0;
    const all = latest.current.segments;
    switch (action) {
      case 'translate.nextUntranslated':
      case 'translate.previousUntranslated': {
        const next = nextNeedingTranslation(all, index, action === 'translate.nextUntranslated' ? 1 : -1);
        if (next !== -1) goTo(all[next]!.id);
        return true;
      }
      case 'translate.nextRow':
      case 'translate.previousRow': {
        const position = current ? visible.indexOf(current.id) : -1;
        const target = visible[position + (action === 'translate.nextRow' ? 1 : -1)];
        if (target) goTo(target);
        return true;
      }
      case 'translate.markReviewed': {
        if (!current) return true;
        updateSegment(current.id, markReviewed);
        const next = nextNeedingTranslation(latest.current.segments, index, 1);
        if (next !== -1 && next !== index) goTo(latest.current.segments[next]!.id);
        return true;
      }
      case 'translate.copySource':
        if (current) updateSegment(current.id, copySourceIntoTranslation);
        return true;
      case 'translate.insertMatch': {
        const best = matches[0];
        if (!current || !best) return true;
        // A match whose numbers differ from this row's never goes in with one key.
        if (differingNumbers(best.source, current.source)) {
          setSideTab('memory');
          setMemoryNotice(t('translate.numbersBlockKey'));
          return true;
        }
        updateSegment(current.id, (segment) => writeTranslation(segment, best.translation));
        return true;
      }
      case 'translate.raiseQuery':
        if (current) goTo(current.id, 'query');
        return true;
      default:
        // Undo and redo stay with the text field while translating.
        return performPlayerAction(action, player, current);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isImeKeystroke(event)) return;
    const action = actionFor(event.nativeEvent, keymap, 'translate');
    if (action && perform(action)) event.preventDefault();
  };

  if (segments.length === 0) return <p className="muted pad">{t('translate.empty')}</p>;

  const recordingUrl = interview.recording ? `${mediaBaseUrl}${encodeURIComponent(interview.id)}/${encodeURIComponent(interview.recording.fileName)}` : null;

  return (
    <div className="translate" onKeyDown={onKeyDown}>
      {recordingUrl && (
        <audio
          ref={(element) => {
            player.audio.current = element;
            setMedia(element);
          }}
          preload="auto"
          src={recordingUrl}
        />
      )}
      <div className="translate-toolbar">
        {recordingUrl && <PlayerBar player={player} state={mediaState} duration={interview.recording?.durationSeconds ?? 0} keymap={keymap} />}
        <label className="inline-field">
          <span>{t('translate.filter')}</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as RowFilter)}>
            {filters.map((name) => (
              <option key={name} value={name}>
                {t(`translate.filters.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check inline">
          <input type="checkbox" checked={sourceEditable} onChange={(e) => setSourceEditable(e.target.checked)} />
          {t('translate.editSource')}
        </label>
        <button type="button" className="button small" aria-expanded={find.open} title={`${t('translate.findReplace')} (${keymap['find.open']}, ${keymap['find.replace']})`} onClick={find.toggle}>
          {t('translate.findReplace')}
        </button>
        <span className="spacer" />
        <span className="muted small" data-testid="translate-progress">
          {t('translate.progressDetail', {
            translated: progress.translated,
            total: progress.segments,
            reviewed: progress.reviewed,
            words: progress.translatedSourceWords,
            totalWords: progress.sourceWords,
          })}
        </span>
      </div>
      {find.bar}
      {media && peaks && (
        <Waveform
          media={media}
          peaks={peaks.values}
          duration={peaks.duration}
          timeline={timeline}
          speakers={interview.speakers}
          zoom={20}
          editable={false}
          reveal={current?.start ?? null}
          onSegmentClick={(id, time) => {
            goTo(id);
            player.seek(time);
          }}
        />
      )}
      <div className="translate-body">
        <div className="rows-scroll" ref={scrollRef}>
          {visible.length === 0 && <p className="muted pad">{t('translate.noRows')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const segment = segments[indexOf.get(visible[item.index]!) ?? -1];
              if (!segment) return null;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="virtual-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <TranslateRow
                    segment={segment}
                    number={(indexOf.get(segment.id) ?? 0) + 1}
                    speaker={segment.speakerId ? speakers.get(segment.speakerId) : undefined}
                    current={segment.id === currentId}
                    sourceEditable={sourceEditable}
                    glossary={glossary}
                    sensitive={sensitive}
                    sourceLanguage={interview.languages.source}
                    targetLanguage={interview.languages.target}
                    looping={player.looping}
                    actions={actions}
                    keymap={keymap}
                    find={find.rowFind(segment.id)}
                  />
                </div>
              );
            })}
          </div>
        </div>
        <aside className="translate-side">
          <div className="tabs small-tabs" role="tablist">
            {(['memory', 'glossary', 'queries'] as const).map((name) => (
              <button key={name} role="tab" aria-selected={sideTab === name} className={sideTab === name ? 'tab active' : 'tab'} onClick={() => setSideTab(name)}>
                {t(`translate.tabs.${name}`)}
              </button>
            ))}
          </div>
          <div className="side-body">
            {sideTab === 'memory' && memoryNotice && (
              <p className="field-error small" role="alert" data-testid="memory-notice">
                {memoryNotice}
              </p>
            )}
            {sideTab === 'memory' && (
              <MemoryMatches
                matches={matches}
                rowSource={current?.source ?? ''}
                insertKey={keymap['translate.insertMatch']}
                onInsert={(match) => {
                  setMemoryNotice(null);
                  if (current) updateSegment(current.id, (segment) => writeTranslation(segment, match.translation));
                }}
              />
            )}
            {sideTab === 'glossary' && (
              <GlossarySidebar
                libraryTerms={libraryGlossary}
                interviewTerms={interview.glossary}
                segments={segments}
                onLibraryTerms={setLibraryGlossary}
                onInterviewTerms={(terms) => commit({ ...latest.current, glossary: terms })}
                onGoTo={(id) => goTo(id)}
              />
            )}
            {sideTab === 'queries' && <SideQueries segments={segments} onGoTo={(id) => goTo(id)} onStatus={actions.setQueryStatus} />}
          </div>
        </aside>
      </div>
    </div>
  );
}
