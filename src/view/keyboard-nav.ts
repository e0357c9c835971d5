/**
 * The keyboard's way through the picture: from one firm, the nearest firm in an arrow key's
 * direction (straight ahead counts more than off to the side); with no firm to start from, the one
 * nearest the middle of the view. Pure: positions in, an id out.
 */

export interface Placed {
  id: string;
  x: number;
  y: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = { ArrowRight: 'right', ArrowLeft: 'left', ArrowDown: 'down', ArrowUp: 'up' };

const UNIT: Record<Direction, [number, number]> = { right: [1, 0], left: [-1, 0], down: [0, 1], up: [0, -1] };

/** The nearest firm from `from` in `direction`; null when none lies that way. */
export function nearestInDirection(firms: readonly Placed[], from: Placed, direction: Direction): string | null {
  const [dx, dy] = UNIT[direction];
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const firm of firms) {
    if (firm.id === from.id) continue;
    const along = (firm.x - from.x) * dx + (firm.y - from.y) * dy;
    if (along <= 0) continue;
    const across = Math.abs((firm.x - from.x) * dy - (firm.y - from.y) * dx);
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [firm.id, score];
  }
  return best;
}

/** The firm nearest a point (the middle of the view); null when there is none. */
export function nearestTo(firms: readonly Placed[], point: { x: number; y: number }): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const firm of firms) {
    const distance = Math.hypot(firm.x - point.x, firm.y - point.y);
    if (distance < bestDistance) [best, bestDistance] = [firm.id, distance];
  }
  return best;
}
