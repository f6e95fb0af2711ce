// A machine draft as the Transcribe view sees it: running or not, how far, what it proposed so
// far (proposals arrive stretch by stretch, while the transcriber keeps working), and the end.
import { useCallback, useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import type { DraftProposal, DraftScope } from '../../../../shared/speech';
import { call, DeskFailure, messageOf } from '../../../api';

export type DraftState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: EventPayload<'speech.progress'> | null; proposals: DraftProposal[] }
  | { kind: 'review'; proposals: DraftProposal[]; elapsedMs: number }
  | { kind: 'failed'; message: string };

export function useSpeechDraft(interviewId: string) {
  const [state, setState] = useState<DraftState>({ kind: 'idle' });

  useEffect(
    () =>
      window.desk.on('speech.progress', (payload) => {
        if (payload.interviewId !== interviewId) return;
        setState((current) => (current.kind === 'running' ? { kind: 'running', progress: payload, proposals: [...current.proposals, ...payload.proposals] } : current));
      }),
    [interviewId],
  );

  const start = useCallback(
    async (scope: DraftScope, modelPath: string) => {
      setState({ kind: 'running', progress: null, proposals: [] });
      try {
        const result = await call('speech.draft', { id: interviewId, scope, modelPath });
        setState({ kind: 'review', proposals: result.proposals, elapsedMs: result.elapsedMs });
      } catch (error) {
        // A cancelled draft is no failure: the user asked for it.
        if (error instanceof DeskFailure && error.code === 'refused' && /cancelled/.test(error.message)) setState({ kind: 'idle' });
        else setState({ kind: 'failed', message: messageOf(error) });
      }
    },
    [interviewId],
  );

  const cancel = useCallback(() => void call('speech.cancel', { id: interviewId }), [interviewId]);
  const close = useCallback(() => setState({ kind: 'idle' }), []);
  // Leaving the interview stops its draft: the worker would otherwise run on unseen.
  useEffect(() => () => void call('speech.cancel', { id: interviewId }).catch(() => undefined), [interviewId]);

  return { state, start, cancel, close };
}
