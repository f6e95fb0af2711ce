import { memo } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { Segment, Speaker } from '../../../../shared/interview';
import { formatRowTime, formatTimecode, type RowTimeDisplay } from '../../../../shared/timecode';
import { readableOn } from '../../../../shared/readable-color';
import { compositionStep } from '../../../ime';
import { FindMarks } from '../../../components/FindMarks';
import type { RowFind } from '../find/find-highlight';
import type { RowProposal } from './useSpeakerProposals';

export type TranscribeRowActions = {
  focus(id: string): void;
  /** `continuingComposition`: a later stage of a syllable being composed (no undo step of its own). */
  text(id: string, text: string, continuingComposition: boolean): void;
  speaker(id: string, speakerId: string | null): void;
  /** Takes the speaker Find speakers… proposes for this row. */
  acceptSpeaker(id: string): void;
  playFrom(id: string): void;
};

type Props = {
  segment: Segment;
  number: number;
  speakers: Speaker[];
  playing: boolean;
  editing: boolean;
  language: string;
  actions: TranscribeRowActions;
  timeDisplay: RowTimeDisplay;
  /** Find matches to mark in the text, while the find bar is open. */
  find: RowFind | null;
  /** The speaker Find speakers… proposes for this row, if it would change it. */
  proposal: RowProposal | null;
};

export const TranscribeRow = memo(function TranscribeRow({ segment, number, speakers, playing, editing, language, actions, timeDisplay, find, proposal }: Props) {
  const { t } = useTranslation();
  const speaker = speakers.find((item) => item.id === segment.speakerId);
  const open = segment.end <= segment.start;
  return (
    <div
      className={['transcribe-row', playing ? 'playing' : '', editing ? 'editing' : ''].join(' ')}
      data-testid="transcribe-row"
      data-segment-id={segment.id}
      data-start={segment.start}
      data-end={segment.end}
      style={{ borderLeftColor: speaker?.color ?? '#cccccc' }}
    >
      <button type="button" className="link mono time-link" title={t('transcribe.playFrom', { time: formatTimecode(segment.start) })} onClick={() => actions.playFrom(segment.id)}>
        {formatRowTime(segment.start, timeDisplay)}
        <span className="muted">{open ? ` – ${t('transcribe.open')}` : ` – ${formatRowTime(segment.end, timeDisplay)}`}</span>
      </button>
      <div className="speaker-cell">
        <select
          className="speaker-select"
          aria-label={t('transcribe.speakerOf', { number })}
          value={segment.speakerId ?? ''}
          onChange={(e) => actions.speaker(segment.id, e.target.value || null)}
          // Readable on the playing row's tint too (the lighter of the two backgrounds is white).
          style={{ color: speaker ? readableOn(speaker.color, '#f1f6fb') : undefined }}
        >
          <option value="">{t('transcribe.unknownSpeaker')}</option>
          {speakers.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
        {proposal && (
          // Shaded by how sure the machine is: a faint proposal asks to be listened to first.
          <button
            type="button"
            className="speaker-proposal-chip"
            data-testid="row-speaker-proposal"
            style={{ borderColor: proposal.color, opacity: 0.45 + 0.55 * proposal.confidence }}
            title={t('speakers.rowHint')}
            onClick={() => actions.acceptSpeaker(segment.id)}
          >
            {t('speakers.rowProposal', { name: proposal.name, percent: Math.round(proposal.confidence * 100) })}
          </button>
        )}
      </div>
      <div className="find-stack">
        <textarea
          className="segment-text"
          lang={language}
          aria-label={t('transcribe.segmentText', { number })}
          value={segment.source}
          onFocus={() => actions.focus(segment.id)}
          onChange={(e) => actions.text(segment.id, e.target.value, compositionStep(e) === 'continuing')}
        />
        <FindMarks text={segment.source} field="source" find={find} className="segment-text" />
      </div>
    </div>
  );
});
