// "Find speakers…" in Transcribe: the voices in the recording told apart (in the speech worker,
// with progress and Stop), then proposals to accept — all, only where the machine is sure, or
// row by row (each row shows its proposal, shaded by confidence: click it, or Alt+Y in the row,
// or A in the banner's list) — each acceptance one undo step. Segments a person already gave a
// speaker teach the rest.
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { ChannelResult } from '../../../../shared/contract';
import type { Interview } from '../../../../shared/interview';
import type { Timeline } from '../../../../shared/segment-timeline';
import { withSpeakerProposals } from '../../../../shared/speaker-proposals';
import { formatTimecode } from '../../../../shared/timecode';
import { call, DeskFailure, messageOf } from '../../../api';
import { isImeKeystroke } from '../../../ime';
import type { Snapshot } from './transcribe-commands';

type Found = ChannelResult<'speech.findSpeakers'>;
type Proposal = Found['proposals'][number];
type State = { kind: 'idle' } | { kind: 'running'; fraction: number } | { kind: 'review'; found: Found } | { kind: 'failed'; message: string };

/** What a row shows of its proposal (the same object until the proposals change, so rows stay memoised). */
export type RowProposal = { name: string; color: string; confidence: number };

type Options = {
  interview: Interview;
  /** The segments' timeline: who speaks where, the same array while only text changes. */
  timeline: Timeline;
  flush: () => Promise<void>; edit: (change: (current: Snapshot) => Partial<Snapshot>) => void;
};

/** Proposals at least this sure are "sure"; the rest are listed for a look, least sure first. */
const SURE = 0.3;
const LISTED = 100;

export function useSpeakerProposals({ interview, timeline, flush, edit }: Options) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const id = interview.id;

  useEffect(
    () =>
      window.desk.on('speech.speakersProgress', (payload) => {
        if (payload.interviewId === id) setState((current) => (current.kind === 'running' ? { kind: 'running', fraction: payload.fraction } : current));
      }),
    [id],
  );

  const find = async () => {
    setState({ kind: 'running', fraction: 0 });
    try {
      await flush(); // the segments as they are now
      setState({ kind: 'review', found: await call('speech.findSpeakers', { id, speakers: null }) });
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'refused' && /stopped/.test(error.message)) setState({ kind: 'idle' });
      else setState({ kind: 'failed', message: messageOf(error) });
    }
  };

  /** Applies proposals (one undo step) and keeps the rest for review. */
  const accept = useCallback(
    (found: Found, which: (proposal: Proposal) => boolean) => {
      const chosen = found.proposals.filter(which);
      if (chosen.length === 0) return false;
      edit(({ segments, speakers }) => {
        const { interview: next } = withSpeakerProposals({ ...interview, segments, speakers }, { proposals: chosen, newSpeakers: found.newSpeakers });
        return { segments: next.segments, speakers: next.speakers };
      });
      const left = found.proposals.filter((proposal) => !which(proposal));
      setState(left.length > 0 ? { kind: 'review', found: { ...found, proposals: left } } : { kind: 'idle' });
      return true;
    },
    [edit, interview],
  );

  const found = state.kind === 'review' ? state.found : null;
  // Where each segment is (its number, start and speaker), while proposals are up for review:
  // built again when the timeline moves, not at each keystroke.
  const placeOf = useMemo(() => (found ? new Map(timeline.map((entry, index) => [entry.id, { ...entry, number: index + 1 }])) : null), [found, timeline]);
  // Only proposals that would change a row's speaker are shown and counted.
  const changing = useMemo(() => found?.proposals.filter((proposal) => placeOf?.get(proposal.segmentId)?.speakerId !== proposal.speakerId) ?? [], [found, placeOf]);
  const rows = useMemo(() => {
    const named = new Map([...interview.speakers, ...(found?.newSpeakers ?? [])].map((speaker) => [speaker.id, speaker]));
    return new Map(changing.map((proposal): [string, RowProposal] => [proposal.segmentId, { name: named.get(proposal.speakerId)?.name ?? '?', color: named.get(proposal.speakerId)?.color ?? '#cccccc', confidence: proposal.confidence }]));
  }, [changing, found, interview.speakers]);

  const proposalFor = useCallback((segmentId: string): RowProposal | null => rows.get(segmentId) ?? null, [rows]);
  const acceptFor = useCallback((segmentId: string) => (found ? accept(found, (proposal) => proposal.segmentId === segmentId) : false), [accept, found]);

  let control: ReactNode;
  if (state.kind === 'running') {
    control = (
      <span className="import-progress" role="status" data-testid="speakers-progress">
        {t('speakers.listening', { percent: Math.round(state.fraction * 100) })}
        <progress value={state.fraction} max={1} />
        <button type="button" className="button small" onClick={() => void call('speech.cancelSpeakers', { id })}>
          {t('speakers.stop')}
        </button>
      </span>
    );
  } else {
    control = (
      <>
        <button type="button" className="button small" disabled={interview.segments.length === 0 || state.kind === 'review'} onClick={() => void find()}>
          {t('speakers.find')}
        </button>
        {state.kind === 'failed' && (
          <span className="field-error" role="alert" data-testid="speakers-failed">
            {state.message}
          </span>
        )}
      </>
    );
  }

  let banner: ReactNode = null;
  if (found) {
    const nameOf = new Map([...interview.speakers, ...found.newSpeakers].map((speaker) => [speaker.id, speaker.name]));
    const unsure = [...changing].sort((a, b) => a.confidence - b.confidence).slice(0, LISTED);
    const onRowKey = (event: KeyboardEvent<HTMLLIElement>, segmentId: string) => {
      if (isImeKeystroke(event) || event.ctrlKey || event.metaKey || event.altKey || event.key.toLowerCase() !== 'a') return;
      event.preventDefault();
      acceptFor(segmentId);
    };
    banner = (
      <div className="banner banner-info speaker-proposals" role="region" aria-label={t('speakers.title')} data-testid="speaker-proposals">
        <strong>{found.method === 'labels' ? t('speakers.followed') : t('speakers.told', { count: found.voices })}</strong>{' '}
        {t('speakers.summary', { count: changing.length, sure: changing.filter((proposal) => proposal.confidence >= SURE).length })}
        <div className="row wrap">
          <button type="button" className="button small primary" onClick={() => accept(found, () => true)}>
            {t('speakers.acceptAll')}
          </button>
          <button type="button" className="button small" onClick={() => accept(found, (proposal) => proposal.confidence >= SURE)}>
            {t('speakers.acceptSure')}
          </button>
          <button type="button" className="button small" onClick={() => setState({ kind: 'idle' })}>
            {t('speakers.dismiss')}
          </button>
        </div>
        {unsure.length > 0 && (
          <ul className="speaker-proposal-list" aria-label={t('speakers.listLabel')}>
            {unsure.map((proposal) => (
              <li key={proposal.segmentId} tabIndex={0} data-testid="speaker-proposal" onKeyDown={(event) => onRowKey(event, proposal.segmentId)} style={{ opacity: 0.45 + 0.55 * proposal.confidence }}>
                <span className="mono small">{formatTimecode(placeOf?.get(proposal.segmentId)?.start ?? 0)}</span> {t('speakers.segment', { number: placeOf?.get(proposal.segmentId)?.number })} →{' '}
                <strong>{nameOf.get(proposal.speakerId)}</strong> <span className="muted small">{t('speakers.confidence', { percent: Math.round(proposal.confidence * 100) })}</span>
                <button type="button" className="button small" onClick={() => acceptFor(proposal.segmentId)}>
                  {t('speakers.accept')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return { control, banner, proposalFor, acceptFor };
}
