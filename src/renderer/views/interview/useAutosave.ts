import { useCallback, useEffect, useRef, useState } from 'react';
import type { Interview } from '../../../shared/interview';
import { call, messageOf } from '../../api';
import { registerFlush } from '../../save-before-lock';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'invalid' } | { kind: 'failed'; message: string };

const SAVE_DELAY_MS = 300;

/**
 * Saves the interview shortly after the last change. Changes made while a save runs are saved
 * right after it; leaving the view saves what is pending at once.
 */
export function useAutosave() {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const pending = useRef<Interview | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current) await running.current;
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    running.current = call('interview.save', { interview: next }).then(
      () => setState(pending.current ? { kind: 'saving' } : { kind: 'saved' }),
      (error: unknown) => setState({ kind: 'failed', message: messageOf(error) }),
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

  return { state, schedule, flush };
}
