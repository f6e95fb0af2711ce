/** 3725.5 → "01:02:05" — the [hh:mm:ss] form transcribers use. */
export function formatTimecode(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  return [hours, minutes, secs].map((part) => String(part).padStart(2, '0')).join(':');
}

/** 3725.5 → "01:02:05,500" (SRT) or "01:02:05.500" (WebVTT). */
export function formatCueTime(seconds: number, decimalMark: ',' | '.'): string {
  const millis = Math.max(0, Math.round(seconds * 1000));
  return `${formatTimecode(Math.floor(millis / 1000))}${decimalMark}${String(millis % 1000).padStart(3, '0')}`;
}

/** "01:02:03,500", "01:02:03.5", "02:03.500", "2:03" → seconds; null when it is not a time. */
export function parseCueTime(text: string): number | null {
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds, fraction] = match;
  if (Number(minutes) > 59 || Number(seconds) > 59) return null;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds) + (fraction ? Number(`0.${fraction.padEnd(3, '0')}`) : 0);
}

/** What people type for a time: "95", "95.5" (seconds), or a clock time such as "1:35" or "0:01:35,5". */
export function parseClockTime(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(?:[.,]\d+)?$/.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return parseCueTime(trimmed);
}

/** How row times read (Settings): tenths by default; milliseconds; or frames for video work. */
export type RowTimeDisplay = { unit: 'tenths' | 'milliseconds' | 'frames'; framesPerSecond: number };

/** A row's time in the chosen unit: 0.84 → "00:00:00.8", "00:00:00.840", or at 25 fps "00:00:00:21". */
export function formatRowTime(seconds: number, display: RowTimeDisplay): string {
  if (display.unit === 'tenths') return formatTimecodeTenths(seconds);
  if (display.unit === 'milliseconds') {
    const millis = Math.max(0, Math.round(seconds * 1000));
    return `${formatTimecode(Math.floor(millis / 1000))}.${String(millis % 1000).padStart(3, '0')}`;
  }
  // SMPTE-style, non-drop: whole seconds, then the frame within the second.
  const frames = Math.max(0, Math.floor(seconds * display.framesPerSecond + 1e-6));
  const width = String(display.framesPerSecond - 1).length;
  return `${formatTimecode(Math.floor(frames / display.framesPerSecond))}:${String(frames % display.framesPerSecond).padStart(Math.max(2, width), '0')}`;
}

/** 0.84 → "00:00:00.8": row times in tenths, so boundaries a transcriber sets are visible. */
export function formatTimecodeTenths(seconds: number): string {
  const tenths = Math.max(0, Math.floor(seconds * 10 + 1e-6));
  return `${formatTimecode(Math.floor(tenths / 10))}.${tenths % 10}`;
}
