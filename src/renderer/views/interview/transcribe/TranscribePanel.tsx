import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { Interview } from '../../../../shared/interview';
import { isRecordingFileName } from '../../../../shared/media';
import { actionFor, effectiveKeymap, type KeyAction } from '../../../../shared/keymap';
import type { Settings } from '../../../../shared/settings';
import { timelineOf } from '../../../../shared/segment-timeline';
import { segmentOrder } from '../../../../shared/followed';
import { addProposedSegments, segmentAt, setBoundary, transcriptCoverage, withSegment } from '../../../../shared/transcript-editing';
import { UndoHistory } from '../../../../shared/undo-history';
import { performTranscribeCommand, type Snapshot } from './transcribe-commands';
import { newId } from '../../../new-id';
import { useFind } from '../find/useFind';
import { TranscribeNotice, type Notice } from './transcribe-notice';
import { useTranscribeImports } from './useTranscribeImports';
import { useVoiceProposals } from './useVoiceProposals';
import { DraftButton, DraftStatus } from './SpeechDraft';
import { useSpeakerProposals } from './useSpeakerProposals';
import { useSpeechDraft } from './useSpeechDraft';
import { TranscribeRow, type TranscribeRowActions } from './TranscribeRow';
import { useLatestInterview } from '../useLatestInterview';
import { usePlayer } from '../usePlayer';
import { useRecordingPeaks } from '../useRecordingPeaks';
import { Waveform } from '../Waveform';
import { isImeKeystroke } from '../../../ime';
import { PlayerBar, useMediaState } from '../PlayerBar';
import { SpeakersBar } from './SpeakersBar';

type Props = {
  interview: Interview;
  mediaBaseUrl: string;
  settings: Settings;
  onChange: (next: Interview) => void;
  /** Saves what is typed, before the main side changes the interview (imports). */
  flush: () => Promise<void>;
};

/** Adds one index to a sorted list of indexes, keeping it sorted. */
function withIndex(indexes: number[], extra: number | undefined): number[] {
  if (extra === undefined || indexes.includes(extra)) return indexes;
  return [...indexes, extra].sort((a, b) => a - b);
}

/** The segment whose text field has the keyboard focus inside the list, if any. */
function focusedSegmentId(list: HTMLElement | null): string | null {
  const active = document.activeElement;
  if (!list || !(active instanceof HTMLTextAreaElement) || !list.contains(active)) return null;
  return active.closest('[data-segment-id]')?.getAttribute('data-segment-id') ?? null;
}

export function TranscribePanel({ interview, mediaBaseUrl, settings, onChange, flush }: Props) {
  const { t } = useTranslation();
  const keymap = useMemo(() => effectiveKeymap(settings.keymap), [settings.keymap]);
  const player = usePlayer(settings.playback.rewindOnResumeSeconds, settings.playback.stepSeconds);
  const [media, setMedia] = useState<HTMLAudioElement | null>(null);
  const mediaState = useMediaState(media);
  const { time, paused } = mediaState;
  const [zoom, setZoom] = useState(40);
  const [follow, setFollow] = useState(true);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; cursor: number } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const history = useRef(new UndoHistory<Snapshot>());
  const speechDraft = useSpeechDraft(interview.id);

  const { latest, commit } = useLatestInterview(interview, onChange);
  /** Every transcript edit goes through here, so it can be undone. */
  const edit = useCallback(
    (change: (current: Snapshot) => Partial<Snapshot>, key: string | null = null, continuingComposition = false) => {
      const current = latest.current;
      history.current.record({ segments: current.segments, speakers: current.speakers }, key, Date.now(), continuingComposition);
      commit({ ...current, ...change({ segments: current.segments, speakers: current.speakers }) });
    },
    [commit, latest],
  );

  const segments = interview.segments;
  const recording = interview.recording;
  const recordingUrl = recording ? `${mediaBaseUrl}${encodeURIComponent(interview.id)}/${encodeURIComponent(recording.fileName)}` : null;
  const order = segmentOrder(segments);
  const indexOf = useMemo(() => new Map(order.map((segment, index) => [segment.id, index])), [order]);
  const timeline = timelineOf(segments);
  const playing = useMemo(() => segmentAt(timeline, time), [timeline, time]);
  // A pass over every segment, made again only when the timeline moves (not at each keystroke).
  const coverage = transcriptCoverage(timeline, recording?.durationSeconds ?? null);

  const { peaks, problem: peaksProblem } = useRecordingPeaks(interview.id, recording);

  const scrollRef = useRef<HTMLDivElement>(null);
  const transcriptInput = useRef<HTMLInputElement>(null);
  // The row being edited is always rendered, wherever the list is scrolled: unmounting it would
  // drop the typist's focus and with it every keystroke that follows.
  const editingIndex = editingId === null ? undefined : indexOf.get(editingId);
  const keepEditingRow = useCallback((range: Range) => withIndex(defaultRangeExtractor(range), editingIndex), [editingIndex]);
  // Keys (and so the list's measurements) change with the order, not with every keystroke.
  const getItemKey = useCallback((index: number) => order[index]!.id, [order]);
  // TanStack Virtual hands out functions React Compiler cannot memoize; the app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 58,
    overscan: 8,
    getItemKey,
    rangeExtractor: keepEditingRow,
  });

  // Follow playback: keep the segment being played in view — except while the typist is writing
  // in another row (correcting while listening), where scrolling away would pull the text from
  // under the caret. Following resumes when they type in the playing row or leave the text.
  const playingIndex = playing ? indexOf.get(playing.id) : undefined;
  useEffect(() => {
    if (!follow || playingIndex === undefined || paused) return;
    const typingIn = focusedSegmentId(scrollRef.current);
    if (typingIn !== null && typingIn !== timeline[playingIndex]?.id) return;
    virtualizer.scrollToIndex(playingIndex, { align: 'auto' });
  }, [follow, playingIndex, paused, virtualizer, timeline]);

  useEffect(() => {
    if (!focusRequest) return;
    const index = indexOf.get(focusRequest.id);
    if (index === undefined) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const frame = requestAnimationFrame(() => {
      const field = scrollRef.current?.querySelector<HTMLTextAreaElement>(`[data-segment-id="${focusRequest.id}"] textarea`);
      if (field) {
        field.focus();
        field.setSelectionRange(focusRequest.cursor, focusRequest.cursor);
      }
      setFocusRequest(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, indexOf, virtualizer]);

  const revealRow = useCallback(
    (id: string) => {
      const index = indexOf.get(id);
      if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'center' });
    },
    [indexOf, virtualizer],
  );
  const refocusRow = useCallback((id: string) => setFocusRequest({ id, cursor: latest.current.segments.find((segment) => segment.id === id)?.source.length ?? 0 }), [latest]);
  const speakerProposals = useSpeakerProposals({ interview, timeline, flush, edit });
  // Rows keep one actions object; accepting a row's proposal reads the newest proposals through this.
  const acceptSpeakerFor = useRef(speakerProposals.acceptFor);
  acceptSpeakerFor.current = speakerProposals.acceptFor;
  const find = useFind({ view: 'transcribe', keymap, segments, onReplace: (next) => edit(() => ({ segments: next })), reveal: revealRow, refocus: refocusRow });

  const rowActions: TranscribeRowActions = useMemo(
    () => ({
      focus: (id) => setEditingId(id),
      text: (id, text, continuingComposition) =>
        edit(({ segments: all }) => ({ segments: withSegment(all, indexOf.get(id), id, (segment) => ({ ...segment, source: text })) }), `text:${id}`, continuingComposition),
      speaker: (id, speakerId) => edit(({ segments: all }) => ({ segments: all.map((segment) => (segment.id === id ? { ...segment, speakerId } : segment)) })),
      acceptSpeaker: (id) => void acceptSpeakerFor.current(id),
      playFrom: (id) => {
        const segment = latest.current.segments.find((item) => item.id === id);
        if (segment && player.audio.current) {
          player.seek(segment.start);
          void player.audio.current.play().catch(() => undefined);
        }
      },
    }),
    [edit, player, latest, indexOf],
  );

  const perform = (action: KeyAction, cursor: number | null): boolean =>
    performTranscribeCommand(action, cursor, {
      latest,
      editingId,
      edit,
      commit,
      history: history.current,
      player,
      paused,
      peaks,
      indexOf,
      list: scrollRef.current,
      setNotice,
      setFocusRequest,
      acceptSpeaker: (id) => acceptSpeakerFor.current(id),
      t,
    });

  const onKeyDown = (event: KeyboardEvent) => {
    if (isImeKeystroke(event)) {
      // The input method's key, never a command. Its Enter commits the syllable; here Enter means
      // "split", so it must not leave a line break inside the segment either.
      if (event.key === 'Enter') event.preventDefault();
      return;
    }
    // Alt+1…Alt+9 give the segment the first nine speakers (not rebindable: they follow the list).
    const digit = /^Digit([1-9])$/.exec(event.code);
    if (digit && event.altKey && !event.ctrlKey) {
      const speaker = latest.current.speakers[Number(digit[1]) - 1];
      if (speaker && editingId) {
        event.preventDefault();
        rowActions.speaker(editingId, speaker.id);
      }
      return;
    }
    const action = actionFor(event.nativeEvent, keymap, 'transcribe');
    if (!action) return;
    const target = event.target as HTMLElement;
    const cursor = target instanceof HTMLTextAreaElement ? target.selectionStart : null;
    // Enter is only "split" in a segment, or to start the first one; elsewhere it keeps its meaning.
    if (action.startsWith('transcribe.split') && !(target instanceof HTMLTextAreaElement) && !(target === event.currentTarget)) return;
    if (perform(action, cursor)) event.preventDefault();
  };

  const imports = useTranscribeImports({
    interview,
    flush,
    latest: () => latest.current,
    commit,
    beforeTranscriptImport: () => history.current.record({ segments: latest.current.segments, speakers: latest.current.speakers }),
    setNotice,
  });
  const voice = useVoiceProposals({
    interviewId: interview.id,
    segments,
    setNotice,
    // Proposed from pauses, nobody knows yet who speaks: unassigned until the transcriber says.
    accept: (spans) => {
      const added: string[] = [];
      edit(({ segments: all }) => ({ segments: addProposedSegments(all, spans, null, () => (added.push(newId('seg')), added.at(-1)!)).segments }));
      // The focus goes to the first proposal (the earliest added), ready to type what is said there.
      const first = latest.current.segments.find((segment) => added.includes(segment.id));
      if (first) setFocusRequest({ id: first.id, cursor: 0 });
    },
  });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (!file) return;
    if (isRecordingFileName(file.name)) imports.askBeforeReplacing(() => void imports.uploadRecording(file));
    else void imports.importTranscript(file);
  };

  return (
    <div className="transcribe" onKeyDown={onKeyDown} onDragOver={(event) => event.preventDefault()} onDrop={onDrop} tabIndex={0} data-testid="transcribe">
      {recordingUrl && (
        <audio
          ref={(element) => {
            player.audio.current = element;
            setMedia(element);
          }}
          src={recordingUrl}
          preload="auto"
        />
      )}
      <div className="transcribe-toolbar">
        {recording && (
          <>
            <PlayerBar player={player} state={mediaState} duration={recording.durationSeconds ?? 0} keymap={keymap} />
            <label className="inline-field">
              <span>{t('transcribe.zoom')}</span>
              <input type="range" min={5} max={400} value={zoom} onChange={(e) => setZoom(Number(e.target.value))} />
            </label>
            <label className="check inline">
              <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
              {t('transcribe.follow')}
            </label>
          </>
        )}
        <span className="spacer" />
        <button type="button" className="button small" disabled={!history.current.canUndo} title={`${t('transcribe.undo')} (${keymap['edit.undo']})`} onClick={() => perform('edit.undo', null)}>
          {t('transcribe.undo')}
        </button>
        <button type="button" className="button small" disabled={!history.current.canRedo} title={`${t('transcribe.redo')} (${keymap['edit.redo']})`} onClick={() => perform('edit.redo', null)}>
          {t('transcribe.redo')}
        </button>
        <button type="button" className="button small" aria-expanded={find.open} title={`${t('translate.findReplace')} (${keymap['find.open']}, ${keymap['find.replace']})`} onClick={find.toggle}>
          {t('translate.findReplace')}
        </button>
        {/* A real button (reachable by Tab) opening the hidden file input. */}
        <button type="button" className="button small" onClick={() => transcriptInput.current?.click()}>
          {t('transcribe.importTranscript')}
        </button>
        <input
          ref={transcriptInput}
          type="file"
          hidden
          accept=".srt,.vtt,.txt,.otr"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void imports.importTranscript(file);
            e.target.value = '';
          }}
        />
        <button type="button" className="button small" onClick={() => imports.askBeforeReplacing(() => void imports.importRecording())}>
          {recording ? t('transcribe.replaceRecording') : t('transcribe.importRecording')}
        </button>
        {recording && (
          <button type="button" className="button small" disabled={voice.detecting} onClick={() => void voice.propose()}>
            {t('transcribe.propose')}
          </button>
        )}
        {recording && (
          <DraftButton draft={speechDraft} interview={interview} flush={flush} />
        )}
        {recording && speakerProposals.control}
        {recording && (
          <span className="muted small" data-testid="coverage">
            {t('transcribe.coverage', { percent: Math.round(coverage * 100) })}
          </span>
        )}
      </div>
      {imports.progressLine}
      {voice.view}
      {speakerProposals.banner}
      {imports.replaceDialog}
      <DraftStatus
        draft={speechDraft}
        interview={interview}
        // Machine text, nobody knows yet who speaks: unassigned, and one undo step for all of it.
        onAccept={(proposals) => edit(({ segments: all }) => ({ segments: addProposedSegments(all, proposals, null, () => newId('seg')).segments }))}
      />
      {peaksProblem && (
        <div className="banner banner-error" role="alert">
          {peaksProblem}
        </div>
      )}
      <TranscribeNotice notice={notice} onDismiss={() => setNotice(null)} />
      {find.bar}
      {media && peaks ? (
        <Waveform
          media={media}
          peaks={peaks.values}
          duration={peaks.duration}
          timeline={timeline}
          speakers={interview.speakers}
          zoom={zoom}
          onBoundaries={(id, start, end) => edit(({ segments: all }) => ({ segments: setBoundary(setBoundary(all, id, 'start', start), id, 'end', end) }), `drag:${id}`)}
          onSegmentClick={(id, time) => {
            player.seek(time);
            setFocusRequest({ id, cursor: latest.current.segments.find((segment) => segment.id === id)?.source.length ?? 0 });
          }}
        />
      ) : (
        !recording && <p className="muted pad small">{t('transcribe.noRecordingHint')}</p>
      )}
      <SpeakersBar speakers={interview.speakers} segmentCount={segments.length} edit={edit} />
      <div className="transcribe-rows" ref={scrollRef} title={t('transcribe.dropHint')}>
        {segments.length === 0 && <p className="muted pad">{t('transcribe.empty')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const segment = segments[item.index]!;
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="virtual-row" style={{ transform: `translateY(${item.start}px)` }}>
                <TranscribeRow
                  segment={segment}
                  number={item.index + 1}
                  speakers={interview.speakers}
                  playing={segment.id === playing?.id}
                  editing={segment.id === editingId}
                  language={interview.languages.source}
                  actions={rowActions}
                  timeDisplay={settings.rowTimes}
                  find={find.rowFind(segment.id)}
                  proposal={speakerProposals.proposalFor(segment.id)}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
