import { useCallback, useEffect, useRef, useState } from 'react';
import type { Interview } from '../../../shared/interview';
import { changesBetween } from '../../../shared/interview-changes';
import { call, DeskFailure, messageOf } from '../../api';
import { registerFlush } from '../../save-before-lock';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'invalid' } | { kind: 'failed'; message: string };

const SAVE_DELAY_MS = 300;

/** The interview as the main side last confirmed it, and that save's time (what changes are based on). */
type SavedCopy = { interview: Interview; updatedAt: string };

/**
 * Sends what changed since `saved` (a few segments, not 10,000); the whole interview when there is
 * no confirmed copy to compare with, or when the main side's copy moved on meanwhile (a merge,
 * a recording import) and refuses the changes as stale.
 */
async function save(saved: SavedCopy | null, next: Interview): Promise<string | null> {
  if (saved && saved.interview.id === next.id) {
    const changes = changesBetween(saved.interview, next, saved.updatedAt);
    if (Object.keys(changes.fields).length === 0 && changes.segments.length === 0 && !changes.order) return null;
    try {
      return (await call('interview.saveChanges', { changes })).updatedAt;
    } catch (error) {
      if (!(error instanceof DeskFailure && error.code === 'stale')) throw error;
    }
  }
  return (await call('interview.save', { interview: next })).updatedAt;
}

/**
 * Saves the interview shortly after the last change. Changes made while a save runs are saved
 * right after it; leaving the view saves what is pending at once.
 */
export function useAutosave() {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const pending = useRef<Interview | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const saved = useRef<SavedCopy | null>(null);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current) await running.current;
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    running.current = save(saved.current, next).then(
      (updatedAt) => {
        if (updatedAt) saved.current = { interview: next, updatedAt };
        setState(pending.current ? { kind: 'saving' } : { kind: 'saved' });
      },
      (error: unknown) => {
        saved.current = null; // unknown what reached the disk: the next save sends everything
        setState({ kind: 'failed', message: messageOf(error) });
      },
    );
    await running.current;
    running.current = null;
  }, []);

  const schedule = useCallback(
    (interview: Interview, valid: boolean) => {
      if (!valid) {
        pending.current = null;
        if (timer.current) clearTimeout(timer.current);
        setState({ kind: 'invalid' });
        return;
      }
      pending.current = interview;
      setState({ kind: 'saving' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  /** The interview as just read from the main side: later saves send what changed from it. */
  const adopt = useCallback((interview: Interview) => {
    saved.current = { interview, updatedAt: interview.updatedAt };
  }, []);

  useEffect(() => registerFlush(flush), [flush]);

  useEffect(() => {
    // Closing the window with a save pending or running: hold the close (Electron cancels it when
    // beforeunload is prevented), save, then close for real. No keystroke typed is lost.
    const saveBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (!pending.current && !running.current) return;
      event.preventDefault();
      event.returnValue = '';
      void flush().then(() => window.close());
    };
    window.addEventListener('beforeunload', saveBeforeLeaving);
    return () => {
      window.removeEventListener('beforeunload', saveBeforeLeaving);
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush, adopt };
}
