import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import WaveSurfer from 'wavesurfer.js';
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';

type Regions = ReturnType<typeof RegionsPlugin.create>;
import type { Speaker } from '../../../shared/interview';
import type { Timeline } from '../../../shared/segment-timeline';
import { nextRegionWindow, segmentsInWindow, type TimeSpan } from './waveform-window';

type Props = {
  media: HTMLAudioElement;
  peaks: Float32Array;
  duration: number;
  /** The segments' timeline (timelineOf): the same array while only their text changes. */
  timeline: Timeline;
  speakers: Speaker[];
  zoom: number;
  /** Regions can be dragged and resized (Transcribe) or only clicked (Translate). */
  editable?: boolean;
  onBoundaries?: (segmentId: string, start: number, end: number) => void;
  /** A click inside a segment's region: which segment, and the moment under the pointer. */
  onSegmentClick: (segmentId: string, time: number) => void;
  /** A moment to bring into view while playback is paused (Translate: the current row's start). */
  reveal?: number | null;
};

const withAlpha = (hex: string, alpha: string) => `${hex}${alpha}`;

/**
 * The recording's waveform (wavesurfer.js, drawn from peaks computed on the main side, never
 * decoded here), an overview strip, and each segment as a region that can be dragged or resized.
 */
export function Waveform({ media, peaks, duration, timeline: current, speakers, zoom, editable = true, onBoundaries, onSegmentClick, reveal = null }: Props) {
  // Regions and the coverage strip follow a moved boundary or speaker a moment behind: at 100,000
  // segments their passes over the timeline would otherwise sit between that edit and its paint.
  const segments = useDeferredValue(current);
  const { t } = useTranslation();
  const waveformLabel = t('transcribe.waveform');
  const container = useRef<HTMLDivElement>(null);
  const surfer = useRef<WaveSurfer | null>(null);
  const regions = useRef<Regions | null>(null);
  const [ready, setReady] = useState(0);
  /** The stretch whose segments are drawn (waveform-window.ts); null until the waveform is drawn. */
  const [drawnWindow, setDrawnWindow] = useState<TimeSpan | null>(null);
  const callbacks = useRef({ onBoundaries, onSegmentClick });
  useEffect(() => {
    callbacks.current = { onBoundaries, onSegmentClick };
  });

  useEffect(() => {
    if (!container.current) return;
    const regionsPlugin = RegionsPlugin.create();
    const instance = WaveSurfer.create({
      container: container.current,
      media,
      peaks: [peaks],
      duration,
      height: 80,
      waveColor: '#9fb3c8',
      progressColor: '#2f5d8a',
      cursorColor: '#a33a2c',
      cursorWidth: 2,
      minPxPerSec: zoom,
      autoScroll: true,
      autoCenter: true,
      dragToSeek: true,
      plugins: [regionsPlugin, MinimapPlugin.create({ height: 22, waveColor: '#c9d3dd', progressColor: '#7d9ab8', overlayColor: 'rgba(47,93,138,0.12)' })],
    });
    regionsPlugin.on('region-updated', (region: Region) => callbacks.current.onBoundaries?.(region.id, region.start, region.end));
    regionsPlugin.on('region-clicked', (region: Region, event: MouseEvent) => {
      event.stopPropagation();
      // Seek to where the click fell inside the region, as a click elsewhere on the waveform does.
      const box = region.element?.getBoundingClientRect();
      const share = box && box.width > 0 ? Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) : 0;
      callbacks.current.onSegmentClick(region.id, region.start + share * (region.end - region.start));
    });
    surfer.current = instance;
    const regionsDrawn = drawn.current;
    // Follow the view: scrolling, zooming and playback's own scrolling move the drawn window.
    const follow = (start: number, end: number) => setDrawnWindow((current) => nextRegionWindow({ start, end }, current));
    const followView = () => {
      const pxPerSecond = instance.getWrapper().scrollWidth / Math.max(duration, 0.001);
      if (pxPerSecond <= 0) return;
      const start = instance.getScroll() / pxPerSecond;
      follow(start, start + instance.getWidth() / pxPerSecond);
    };
    const unsubscribeView = [instance.on('scroll', (start, end) => follow(start, end)), instance.on('zoom', followView), instance.on('redrawcomplete', followView)];
    // Regions added before the waveform is ready would be dropped when it loads: wait for it.
    const unsubscribe = instance.on('ready', () => {
      // The waveform scrolls sideways: keyboard users reach it with Tab (arrow keys scroll it).
      const scroller = instance.getWrapper().closest('.scroll') ?? instance.getWrapper().parentElement;
      if (scroller instanceof HTMLElement) {
        scroller.tabIndex = 0;
        scroller.setAttribute('role', 'region');
        scroller.setAttribute('aria-label', waveformLabel);
      }
      regions.current = regionsPlugin;
      followView();
      setReady((count) => count + 1);
    });
    return () => {
      unsubscribe();
      unsubscribeView.forEach((stop) => stop());
      instance.destroy();
      surfer.current = null;
      regions.current = null;
      regionsDrawn.clear();
    };
    // Recreated only for another recording; zoom and segments are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [media, peaks, duration]);

  useEffect(() => {
    try {
      surfer.current?.zoom(zoom);
    } catch {
      /* zoom before the waveform is drawn: applied on the next change */
    }
  }, [zoom]);

  // The waveform follows the row being worked on; while playing, the play-head leads instead.
  useEffect(() => {
    if (reveal === null || !surfer.current || !media.paused) return;
    surfer.current.setScrollTime(Math.max(0, reveal - 2));
  }, [reveal, ready, media]);

  // Keep one region per segment near the view: add, move, recolour or remove only what changed.
  // What was last drawn is remembered here, so a change elsewhere touches no DOM; typing does not
  // even run this (the timeline stays the same).
  // Only the segments inside the drawn window get a region: 100,000 segments stay responsive.
  const drawn = useRef(new Map<string, { start: number; end: number; color: string; region: Region }>());
  useEffect(() => {
    const plugin = regions.current;
    if (!plugin) return;
    if (!drawnWindow) return;
    const colors = new Map(speakers.map((speaker) => [speaker.id, speaker.color]));
    const stale = new Set(drawn.current.keys());
    for (const segment of segmentsInWindow(segments, drawnWindow)) {
      const end = segment.end > segment.start ? segment.end : segment.start + 0.05;
      const color = withAlpha(segment.speakerId ? (colors.get(segment.speakerId) ?? '#888888') : '#888888', segment.hasText ? '33' : '18');
      const known = drawn.current.get(segment.id);
      stale.delete(segment.id);
      if (!known) {
        const region = plugin.addRegion({ id: segment.id, start: segment.start, end, color, drag: editable, resize: editable, minLength: 0.05 });
        drawn.current.set(segment.id, { start: segment.start, end, color, region });
      } else if (known.start !== segment.start || known.end !== end || known.color !== color) {
        known.region.setOptions({ start: segment.start, end, color });
        drawn.current.set(segment.id, { ...known, start: segment.start, end, color });
      }
    }
    for (const id of stale) {
      drawn.current.get(id)?.region.remove();
      drawn.current.delete(id);
    }
  }, [segments, speakers, ready, editable, drawnWindow]);

  return (
    <div className="waveform-block">
      <div className="waveform" ref={container} data-testid="waveform" data-ready={ready > 0} />
      <CoverageStrip segments={segments} duration={duration} />
    </div>
  );
}

/** Which stretches of the recording have text: a strip under the waveform, one mark per stretch. */
function CoverageStrip({ segments, duration }: { segments: Timeline; duration: number }) {
  const stretches = useMemo(() => {
    const merged: { start: number; end: number }[] = [];
    for (const segment of segments) {
      if (!segment.hasText || segment.end <= segment.start) continue;
      const last = merged.at(-1);
      // Joined when less than 0.5 % of the recording apart: the strip is a few hundred pixels wide.
      if (last && segment.start - last.end < duration * 0.005) last.end = Math.max(last.end, segment.end);
      else merged.push({ start: segment.start, end: segment.end });
    }
    return merged;
  }, [segments, duration]);
  if (duration <= 0) return null;
  return (
    <div className="coverage-strip" data-testid="coverage-strip" aria-hidden="true">
      {stretches.map((stretch) => (
        <span key={stretch.start} style={{ left: `${(stretch.start / duration) * 100}%`, width: `${((stretch.end - stretch.start) / duration) * 100}%` }} />
      ))}
    </div>
  );
}
