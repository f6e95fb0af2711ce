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

/** Reads "95", "95.5", "1:35" or "0:01:35.5" as seconds; null when it is none of these. */
export function parseClockTime(text: string): number | null {
  const match = /^(?:(\d+):)?(?:(\d+):)?(\d+(?:[.,]\d+)?)$/.exec(text.trim());
  if (!match) return null;
  const [, first, second, last] = match;
  const hours = first !== undefined && second !== undefined ? Number(first) : 0;
  const minutes = second !== undefined ? Number(second) : first !== undefined ? Number(first) : 0;
  const seconds = Number(last!.replace(',', '.'));
  if ((first !== undefined || second !== undefined) && seconds >= 60) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

/** 0.84 → "00:00:00.8": row times in tenths, so boundaries a transcriber sets are visible. */
export function formatTimecodeTenths(seconds: number): string {
  const tenths = Math.max(0, Math.floor(seconds * 10 + 1e-6));
  return `${formatTimecode(Math.floor(tenths / 10))}.${tenths % 10}`;
}
