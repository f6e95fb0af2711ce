// Speaker colours are the user's choice; text drawn in them must still be readable (WCAG AA:
// 4.5:1 for small text). A colour too light for its background is darkened just enough.

function channels(hex: string): [number, number, number] | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const value = parseInt(match[1]!, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(foreground: string, background: string): number {
  const fg = channels(foreground);
  const bg = channels(background);
  if (!fg || !bg) return 1;
  const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour itself when readable on `background`, otherwise the nearest darker shade that is. */
export function readableOn(color: string, background: string, minimum = 4.5): string {
  // Pure, and asked again by every row at every keystroke with the same few speaker colours.
  const key = `${color}|${background}|${minimum}`;
  let shade = readableShades.get(key);
  if (shade === undefined) {
    shade = darkenedUntilReadable(color, background, minimum);
    if (readableShades.size >= 256) readableShades.clear();
    readableShades.set(key, shade);
  }
  return shade;
}

const readableShades = new Map<string, string>();

function darkenedUntilReadable(color: string, background: string, minimum: number): string {
  const rgb = channels(color);
  if (!rgb) return '#333333';
  for (let factor = 1; factor >= 0; factor -= 0.02) {
    const shade = `#${rgb.map((channel) => Math.round(channel * factor).toString(16).padStart(2, '0')).join('')}`;
    if (contrastRatio(shade, background) >= minimum) return shade;
  }
  return '#000000';
}
