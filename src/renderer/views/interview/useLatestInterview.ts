import { useCallback, useLayoutEffect, useRef } from 'react';
import type { Interview } from '../../../shared/interview';

/**
 * Edits may come faster than React re-renders (a key held down, a keyboard action right after
 * typing): `latest` is always the newest interview, and `commit` both records and reports one.
 */
export function useLatestInterview(interview: Interview, onChange: (next: Interview) => void) {
  const latest = useRef(interview);
  const onChangeRef = useRef(onChange);
  // Synced after each render, before the browser hands the next event to any handler.
  useLayoutEffect(() => {
    latest.current = interview;
    onChangeRef.current = onChange;
  });
  const commit = useCallback((next: Interview) => {
    latest.current = next;
    onChangeRef.current(next);
  }, []);
  return { latest, commit };
}
