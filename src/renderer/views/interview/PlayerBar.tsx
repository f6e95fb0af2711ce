// The one player both editing views use: play/pause with its key in the tooltip, the play-head,
// speed, volume and jump-to-time, driving the view's (hidden) audio element through usePlayer.
// Transcribe and Translate share its keys (the keymap's player actions work in both).
import { memo, useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import type { KeyAction } from '../../../shared/keymap';
import { formatTimecode, parseClockTime } from '../../../shared/timecode';
import { isImeKeystroke } from '../../ime';
import type { Player } from './usePlayer';

export type MediaState = { time: number; paused: boolean; rate: number };

/** The media element's play-head, paused state and rate, as React state. */
export function useMediaState(media: HTMLAudioElement | null): MediaState {
  const [state, setState] = useState<MediaState>({ time: 0, paused: true, rate: 1 });
  useEffect(() => {
    if (!media) return;
    const update = () => setState({ time: media.currentTime, paused: media.paused, rate: media.playbackRate });
    const events = ['timeupdate', 'seeked', 'play', 'pause', 'ratechange'];
    events.forEach((name) => media.addEventListener(name, update));
    return () => events.forEach((name) => media.removeEventListener(name, update));
  }, [media]);
  return state;
}

const SPEEDS = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2];

type Props = {
  player: Player;
  state: MediaState;
  duration: number;
  keymap: Record<KeyAction, string>;
};

/** Memoised: the views around it re-render at each keystroke, the player only when playback moves. */
export const PlayerBar = memo(function PlayerBar({ player, state, duration, keymap }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button small" onClick={player.playPause} aria-label={t('transcribe.playPause')} title={`${t('transcribe.playPause')} (${keymap['player.playPause']})`}>
        {state.paused ? '▶' : '❚❚'}
      </button>
      <span className="mono" data-testid="playhead">
        {formatTimecode(state.time)} / {formatTimecode(duration)}
      </span>
      <label className="inline-field">
        <span>{t('transcribe.speed')}</span>
        <select
          value={state.rate.toFixed(1)}
          title={`${t('transcribe.speed')} (${keymap['player.slower']} / ${keymap['player.faster']})`}
          onChange={(e) => player.setRate(Number(e.target.value))}
        >
          {SPEEDS.map((value) => (
            <option key={value} value={value.toFixed(1)}>
              {value.toFixed(1)}×
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('transcribe.volume')}</span>
        <input type="range" min={0} max={1} step={0.05} defaultValue={1} onChange={(e) => player.setVolume(Number(e.target.value))} />
      </label>
      <label className="inline-field">
        <span>{t('transcribe.jumpTo')}</span>
        <input
          className="jump-input"
          placeholder="00:00"
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || isImeKeystroke(e)) return;
            e.stopPropagation();
            const seconds = parseClockTime(e.currentTarget.value);
            if (seconds !== null) player.seek(seconds);
          }}
        />
      </label>
    </>
  );
});
