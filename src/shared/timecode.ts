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
