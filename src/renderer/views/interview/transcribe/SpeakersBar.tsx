// The interview's speakers above the Transcribe rows: each a chip (rename, recolour, remove; Alt+1…9
// gives a row the first nine), a field to add one, and the segment count. Every change goes
// through the panel's undoable edit.
import { memo, useState } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { Segment, Speaker } from '../../../../shared/interview';
import { isImeKeystroke } from '../../../ime';
import { newId } from '../../../new-id';
import { SpeakerChip } from './SpeakerChip';

/** The colours new speakers take, in order (rows darken a name where its colour is too light to read: readableOn). */
const speakerPalette = ['#2f5d8a', '#b5651d', '#2e7d43', '#7b3f98', '#a33a2c', '#3c7f86'];

type SpeakerEdit = (change: (current: { segments: Segment[]; speakers: Speaker[] }) => Partial<{ segments: Segment[]; speakers: Speaker[] }>, key?: string | null) => void;

/** Memoised: Transcribe re-renders at each keystroke, the speakers' bar only when they change. */
export const SpeakersBar = memo(function SpeakersBar({ speakers, segmentCount, edit }: { speakers: Speaker[]; segmentCount: number; edit: SpeakerEdit }) {
  const { t } = useTranslation();
  const [newSpeaker, setNewSpeaker] = useState('');
  const addSpeaker = () => {
    const name = newSpeaker.trim();
    if (!name) return;
    edit(({ speakers: current }) => ({ speakers: [...current, { id: newId('spk'), name, color: speakerPalette[current.length % speakerPalette.length]! }] }));
    setNewSpeaker('');
  };
  return (
    <div className="speakers-bar">
      <span className="muted small">{t('transcribe.speakers')}:</span>
      {speakers.map((speaker, index) => (
        <SpeakerChip
          key={speaker.id}
          speaker={speaker}
          shortcut={index + 1}
          onRename={(name) => edit(({ speakers: current }) => ({ speakers: current.map((item) => (item.id === speaker.id ? { ...item, name } : item)) }))}
          onRecolor={(color) => edit(({ speakers: current }) => ({ speakers: current.map((item) => (item.id === speaker.id ? { ...item, color } : item)) }), `color:${speaker.id}`)}
          onRemove={() =>
            edit(({ segments, speakers: current }) => ({
              speakers: current.filter((item) => item.id !== speaker.id),
              segments: segments.map((segment) => (segment.speakerId === speaker.id ? { ...segment, speakerId: null } : segment)),
            }))
          }
        />
      ))}
      <input
        className="speaker-input"
        placeholder={t('transcribe.speakerName')}
        aria-label={t('transcribe.speakerName')}
        value={newSpeaker}
        onChange={(e) => setNewSpeaker(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !isImeKeystroke(e)) {
            e.preventDefault();
            e.stopPropagation();
            addSpeaker();
          }
        }}
      />
      <button type="button" className="button small" onClick={addSpeaker}>
        {t('transcribe.addSpeaker')}
      </button>
      <span className="spacer" />
      <span className="muted small">{t('transcribe.segments', { count: segmentCount })}</span>
    </div>
  );
});
