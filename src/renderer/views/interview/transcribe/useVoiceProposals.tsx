// Segments proposed from the recording's pauses (Silero VAD on the main side): progress while it
// listens, then the spans to accept in one undo step or discard. Split from TranscribePanel.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { Segment } from '../../../../shared/interview';
import { addProposedSegments } from '../../../../shared/transcript-editing';
import { call, messageOf } from '../../../api';
import type { Notice } from './transcribe-notice';

type Span = { start: number; end: number };

export function useVoiceProposals({ interviewId, segments, setNotice, accept }: { interviewId: string; segments: readonly Segment[]; setNotice: (notice: Notice) => void; accept: (spans: Span[]) => void }) {
  const { t } = useTranslation();
  const [detecting, setDetecting] = useState<number | null>(null);
  const [proposal, setProposal] = useState<Span[] | null>(null);

  useEffect(
    () =>
      window.desk.on('vad.progress', (payload) => {
        if (payload.interviewId === interviewId) setDetecting(payload.fraction);
      }),
    [interviewId],
  );

  const propose = async () => {
    setNotice(null);
    setProposal(null);
    setDetecting(0);
    try {
      setProposal((await call('vad.propose', { id: interviewId })).spans);
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) });
    } finally {
      setDetecting(null);
    }
  };

  const fresh = proposal ? addProposedSegments(segments, proposal, null, () => 'x').added : 0;

  const view = (
    <>
      {detecting !== null && (
        <div className="import-progress" role="status" data-testid="vad-progress">
          {t('transcribe.proposing', { percent: Math.round(detecting * 100) })}
          <progress max={1} value={detecting} />
          <button type="button" className="button small" onClick={() => void call('vad.cancel', { id: interviewId })}>
            {t('transcribe.cancel')}
          </button>
        </div>
      )}
      {proposal && (
        <div className="banner banner-info" role="status" data-testid="vad-proposal">
          {t('transcribe.proposal', { count: proposal.length, fresh })}
          <button
            // The proposal is what the transcriber acts on next: the focus waits on it, not on the page.
            autoFocus
            type="button"
            className="button small primary"
            onClick={() => {
              accept(proposal);
              setProposal(null);
            }}
          >
            {t('transcribe.accept')}
          </button>
          <button type="button" className="button small" onClick={() => setProposal(null)}>
            {t('transcribe.reject')}
          </button>
        </div>
      )}
    </>
  );

  return { propose, detecting: detecting !== null, view };
}
