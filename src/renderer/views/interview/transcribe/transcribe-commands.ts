// What each Transcribe command does to the transcript (split, merge, boundaries, speakers, tags,
// moving between rows, undo), as the keymap names them: the panel maps keys to commands and hands
// them here with what they act on. Player commands go on to usePlayer.
import type { RefObject } from 'react';
import type { TFunction } from 'i18next';
import type { Interview, Segment, Speaker } from '../../../../shared/interview';
import type { KeyAction } from '../../../../shared/keymap';
import { splitPoint } from '../../../../shared/split-point';
import { formatTimecodeTenths } from '../../../../shared/timecode';
import {
  cycleSpeaker,
  insertAtCursor,
  mergeWithNext,
  mergeWithPrevious,
  nudgeBoundary,
  setBoundary,
  splitSegment,
  startSegmentAt,
  tagText,
  type TranscriptTag,
} from '../../../../shared/transcript-editing';
import type { UndoHistory } from '../../../../shared/undo-history';
import { withMarkedStretch } from '../../../../shared/spoken-names';
import { newId } from '../../../new-id';
import type { Notice } from './transcribe-notice';
import { performPlayerAction, type Player } from '../usePlayer';
import type { LoadedPeaks } from '../useRecordingPeaks';

export type Snapshot = { segments: Segment[]; speakers: Speaker[] };

/** What a command acts on: the transcript as it is now, the row being edited, the player and the list. */
export type CommandContext = {
  latest: RefObject<Interview>;
  editingId: string | null;
  edit: (change: (current: Snapshot) => Partial<Snapshot>, key?: string | null) => void;
  commit: (next: Interview) => void;
  history: UndoHistory<Snapshot>;
  player: Player;
  paused: boolean;
  peaks: LoadedPeaks | null;
  indexOf: Map<string, number>;
  list: HTMLElement | null;
  setNotice: (notice: Notice) => void;
  setFocusRequest: (request: { id: string; cursor: number }) => void;
  /** Accepts the speaker proposed for a segment (Find speakers…); false when it has none. */
  acceptSpeaker: (segmentId: string) => boolean;
  t: TFunction;
};

const NUDGE_SECONDS = 0.1;
const MARK_BEFORE_SECONDS = 0.8;
const MARK_AFTER_SECONDS = 0.4;
const tagActions: Partial<Record<KeyAction, TranscriptTag>> = {
  'transcribe.tagInaudible': 'inaudible',
  'transcribe.tagCrosstalk': 'crosstalk',
  'transcribe.tagLaughs': 'laughs',
  'transcribe.tagPause': 'pause',
  'transcribe.tagNeedsTranslation': 'needsTranslation',
  'transcribe.tagRedacted': 'redacted',
  'transcribe.insertTimestamp': 'timestamp',
};

/** Carries out one command; true when it was one (the key is then not typed). */
export function performTranscribeCommand(action: KeyAction, cursor: number | null, context: CommandContext): boolean {
  const { latest, editingId, edit, commit, history, player, paused, peaks, indexOf, list, setNotice, setFocusRequest, acceptSpeaker, t } = context;
  const now = () => player.audio.current?.currentTime ?? 0;
  const current = latest.current.segments.find((segment) => segment.id === editingId);
  const tag = tagActions[action];
  if (tag) {
    if (!current || cursor === null) return true;
    const inserted = insertAtCursor(current.source, cursor, tagText(tag, now()));
    edit(({ segments: all }) => ({ segments: all.map((segment) => (segment.id === current.id ? { ...segment, source: inserted.text } : segment)) }));
    setFocusRequest({ id: current.id, cursor: inserted.cursor });
    return true;
  }
  switch (action) {
    case 'transcribe.split':
    case 'transcribe.splitAtCursor': {
      if (!current) {
        // Nothing to close yet: the first segment (or one after the last) starts at the play-head.
        const speakerId = latest.current.speakers[0]?.id ?? null;
        let created = '';
        edit(({ segments: all }) => {
          const result = startSegmentAt(all, now(), speakerId, () => newId('seg'));
          created = result.created;
          return { segments: result.segments };
        });
        setFocusRequest({ id: created, cursor: 0 });
        return true;
      }
      let at = now();
      if (action === 'transcribe.splitAtCursor') {
        // The play-head while listening; otherwise the nearest pause to where the text's share falls.
        const point = splitPoint({ segment: current, cursor: cursor ?? current.source.length, playhead: now(), playing: !paused, peaks: peaks?.values ?? null, duration: peaks?.duration ?? 0 });
        at = point.time;
        setNotice({ kind: 'info', text: t(`transcribe.splitHow.${point.how}`, { time: formatTimecodeTenths(point.time) }) });
      }
      let created = '';
      edit(({ segments: all }) => {
        const result = splitSegment(all, current.id, at, cursor ?? current.source.length, () => newId('seg'));
        created = result.created;
        return { segments: result.segments };
      });
      setFocusRequest({ id: created, cursor: 0 });
      return true;
    }
    case 'transcribe.mergeNext':
    case 'transcribe.mergePrevious': {
      if (!current) return true;
      let target = current.id;
      let at = 0;
      edit(({ segments: all }) => {
        if (action === 'transcribe.mergeNext') {
          const result = mergeWithNext(all, current.id);
          at = result.cursor;
          return { segments: result.segments };
        }
        const result = mergeWithPrevious(all, current.id);
        target = result.target;
        at = result.cursor;
        return { segments: result.segments };
      });
      // The focused row may be the one merged away; move the caret now, before it unmounts,
      // so a key pressed in the next frame (Ctrl+Z right after a merge) does not land on <body>.
      list?.querySelector<HTMLTextAreaElement>(`[data-segment-id="${target}"] textarea`)?.focus();
      setFocusRequest({ id: target, cursor: at });
      return true;
    }
    case 'transcribe.setStart':
    case 'transcribe.setEnd':
      if (current) edit(({ segments: all }) => ({ segments: setBoundary(all, current.id, action === 'transcribe.setStart' ? 'start' : 'end', now()) }));
      return true;
    case 'transcribe.nudgeStartEarlier':
    case 'transcribe.nudgeStartLater':
    case 'transcribe.nudgeEndEarlier':
    case 'transcribe.nudgeEndLater': {
      if (!current) return true;
      const side = action.includes('Start') ? 'start' : 'end';
      const delta = action.endsWith('Earlier') ? -NUDGE_SECONDS : NUDGE_SECONDS;
      edit(({ segments: all }) => ({ segments: nudgeBoundary(all, current.id, side, delta) }), `nudge:${current.id}:${side}`);
      return true;
    }
    case 'transcribe.acceptSpeaker':
      if (current) acceptSpeaker(current.id);
      return true;
    case 'transcribe.markSpokenName': {
      // Pressed as the name is heard, so most of it has just been said: the stretch reaches back
      // further than ahead. Edit & Export › Recording to publish lists it to listen to and move.
      const at = now();
      const [start, end] = [Math.max(0, at - MARK_BEFORE_SECONDS), at + MARK_AFTER_SECONDS];
      commit(withMarkedStretch(latest.current, start, end, () => newId('spn')));
      setNotice({ kind: 'info', text: t('transcribe.markedName', { from: formatTimecodeTenths(start), to: formatTimecodeTenths(end) }) });
      return true;
    }
    case 'transcribe.cycleSpeaker':
      if (current) edit(({ segments: all, speakers }) => ({ segments: cycleSpeaker(all, current.id, speakers) }));
      return true;
    case 'transcribe.nextSegment':
    case 'transcribe.previousSegment': {
      const index = current ? (indexOf.get(current.id) ?? 0) : -1;
      const target = latest.current.segments[index + (action === 'transcribe.nextSegment' ? 1 : -1)];
      if (target) setFocusRequest({ id: target.id, cursor: target.source.length });
      return true;
    }
    case 'edit.undo':
    case 'edit.redo': {
      const snapshot = { segments: latest.current.segments, speakers: latest.current.speakers };
      const restored = action === 'edit.undo' ? history.undo(snapshot) : history.redo(snapshot);
      if (restored) commit({ ...latest.current, ...restored });
      return true;
    }
    default:
      return performPlayerAction(action, player, current);
  }
}
