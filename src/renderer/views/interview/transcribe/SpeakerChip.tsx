import { useState } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { Speaker } from '../../../../shared/interview';
import { isImeKeystroke } from '../../../ime';

type Props = {
  speaker: Speaker;
  shortcut: number;
  onRename: (name: string) => void;
  onRecolor: (color: string) => void;
  onRemove: () => void;
};

/** A speaker in the interview's list: click to rename, recolour or remove (their segments keep their text). */
export function SpeakerChip({ speaker, shortcut, onRename, onRecolor, onRemove }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(speaker.name);
  if (!editing) {
    return (
      <button type="button" className="speaker-chip" style={{ borderColor: speaker.color }} onClick={() => setEditing(true)} title={t('transcribe.editSpeaker')}>
        <span className="speaker-dot" style={{ background: speaker.color }} />
        {speaker.name} <kbd>Alt+{shortcut}</kbd>
      </button>
    );
  }
  const save = () => {
    if (name.trim() && name.trim() !== speaker.name) onRename(name.trim().slice(0, 100));
    setEditing(false);
  };
  return (
    <span className="speaker-chip editing" style={{ borderColor: speaker.color }}>
      <input type="color" aria-label={t('transcribe.speakerColor', { name: speaker.name })} value={speaker.color} onChange={(e) => onRecolor(e.target.value)} />
      <input
        autoFocus
        aria-label={t('transcribe.speakerRename', { name: speaker.name })}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation(); // Enter here renames; it must not split a segment
          if (isImeKeystroke(e)) return;
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') setEditing(false);
        }}
        onBlur={save}
      />
      <button type="button" className="link small danger-link" onMouseDown={(e) => e.preventDefault()} onClick={onRemove}>
        {t('transcribe.removeSpeaker')}
      </button>
    </span>
  );
}
