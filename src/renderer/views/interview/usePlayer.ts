import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Segment } from '../../../shared/interview';
import type { KeyAction } from '../../../shared/keymap';

/**
 * Playback of the interview's recording for keyboard work: play a segment (once or looping),
 * play/pause with a small rewind on resume, step back and forward.
 */
export function usePlayer(resumeRewindSeconds = 1.5, stepSeconds = 1.5) {
  const audio = useRef<HTMLAudioElement | null>(null);
  const range = useRef<{ start: number; end: number; loop: boolean } | null>(null);
  const [looping, setLooping] = useState(false);

  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    const keepInRange = () => {
      const current = range.current;
      if (!current || element.currentTime < current.end) return;
      if (current.loop) element.currentTime = current.start;
      else {
        element.pause();
        range.current = null;
      }
    };
    element.addEventListener('timeupdate', keepInRange);
    return () => element.removeEventListener('timeupdate', keepInRange);
  });

  const playSegment = useCallback((start: number, end: number, loop = false) => {
    const element = audio.current;
    if (!element) return;
    range.current = { start, end, loop };
    setLooping(loop);
    element.currentTime = start;
    void element.play().catch(() => undefined);
  }, []);

  const toggleLoop = useCallback(
    (start: number, end: number) => {
      if (range.current?.loop) {
        range.current = null;
        setLooping(false);
        audio.current?.pause();
      } else playSegment(start, end, true);
    },
    [playSegment],
  );

  const playPause = useCallback(() => {
    const element = audio.current;
    if (!element) return;
    if (element.paused) {
      element.currentTime = Math.max(0, element.currentTime - resumeRewindSeconds);
      void element.play().catch(() => undefined);
    } else element.pause();
  }, [resumeRewindSeconds]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const element = audio.current;
      if (element) element.currentTime = Math.max(0, element.currentTime + direction * stepSeconds);
    },
    [stepSeconds],
  );

  /** Speed from 0.5× to 2×; the pitch is kept (the media element's default). */
  const changeRate = useCallback((delta: number) => {
    const element = audio.current;
    if (!element) return;
    element.preservesPitch = true;
    element.playbackRate = Math.min(2, Math.max(0.5, Math.round((element.playbackRate + delta) * 10) / 10));
  }, []);

  const setRate = useCallback((rate: number) => {
    const element = audio.current;
    if (!element) return;
    element.preservesPitch = true;
    element.playbackRate = Math.min(2, Math.max(0.5, rate));
  }, []);

  const setVolume = useCallback((volume: number) => {
    if (audio.current) audio.current.volume = Math.min(1, Math.max(0, volume));
  }, []);

  const seek = useCallback((seconds: number) => {
    const element = audio.current;
    if (element) element.currentTime = Math.max(0, Math.min(seconds, Number.isFinite(element.duration) ? element.duration : seconds));
  }, []);

  return useMemo(
    () => ({ audio, playSegment, toggleLoop, playPause, step, changeRate, setRate, setVolume, seek, looping }),
    [playSegment, toggleLoop, playPause, step, changeRate, setRate, setVolume, seek, looping],
  );
}

export type Player = ReturnType<typeof usePlayer>;

/**
 * The player's keyboard actions, the same in every view. `segment` is the one being worked on;
 * a segment still open (no end yet) plays five seconds. Returns false for other actions.
 */
export function performPlayerAction(action: KeyAction, player: Player, segment: Segment | undefined): boolean {
  const end = segment && (segment.end > segment.start ? segment.end : segment.start + 5);
  switch (action) {
    case 'player.playPause':
      player.playPause();
      return true;
    case 'player.back':
    case 'player.forward':
      player.step(action === 'player.back' ? -1 : 1);
      return true;
    case 'player.slower':
    case 'player.faster':
      player.changeRate(action === 'player.slower' ? -0.1 : 0.1);
      return true;
    case 'player.playSegment':
      if (segment) player.playSegment(segment.start, end!);
      return true;
    case 'player.loopSegment':
      if (segment) player.toggleLoop(segment.start, end!);
      return true;
    default:
      return false;
  }
}
