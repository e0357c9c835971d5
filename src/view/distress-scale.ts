/**
 * The sequential colour scale for distress, 0 (unharmed) to 1 (failed): ColorBrewer "Reds", light to
 * dark, readable without colour too (the scenario table lists the numbers).
 */
const STOPS = ['#fff5f0', '#fcbba1', '#fb6a4a', '#cb181d', '#67000d'] as const;
/** On a dark page the scale starts from a dark tone, so unharmed firms do not glare. */
const DARK_STOPS = ['#3b3030', '#7a3a30', '#c0442f', '#ef6548', '#fdbb84'] as const;

function channel(hex: string, i: number): number {
  return parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
}

/** The colour of a distress level, interpolated between the scale's stops. */
export function distressColor(distress: number, dark = false): string {
  const stops = dark ? DARK_STOPS : STOPS;
  const t = Math.min(1, Math.max(0, distress)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(t));
  const f = t - i;
  const a = stops[i] as string;
  const b = stops[i + 1] as string;
  const mix = [0, 1, 2].map((c) => Math.round(channel(a, c) + (channel(b, c) - channel(a, c)) * f));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** CSS gradient of the whole scale, for the legend. */
export const DISTRESS_GRADIENT = `linear-gradient(to right, ${STOPS.join(', ')})`;
export const DARK_DISTRESS_GRADIENT = `linear-gradient(to right, ${DARK_STOPS.join(', ')})`;
