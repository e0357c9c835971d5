/**
 * Brute-force oracles for loops and paths: check every ordering of every subset of vertices.
 * Exponential, so only for small graphs, but obviously right.
 */

export type Arc = readonly [number, number];

function arcSet(arcs: readonly Arc[]): Set<string> {
  return new Set(arcs.map(([a, b]) => `${a},${b}`));
}

/** Every elementary circuit, as a vertex list starting at its smallest vertex, sorted as strings. */
export function bruteForceCircuits(n: number, arcs: readonly Arc[], maxLength = Number.POSITIVE_INFINITY): string[] {
  const has = arcSet(arcs);
  const found: string[] = [];
  const path: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  // Extend paths from each start s through vertices greater than s only: then s is the smallest.
  const extend = (s: number): void => {
    const last = path[path.length - 1] as number;
    if (has.has(`${last},${s}`)) found.push(path.join('>'));
    if (path.length >= maxLength) return;
    for (let v = s + 1; v < n; v++) {
      if (used[v] || !has.has(`${last},${v}`)) continue;
      used[v] = true;
      path.push(v);
      extend(s);
      path.pop();
      used[v] = false;
    }
  };
  for (let s = 0; s < n; s++) {
    path.push(s);
    used[s] = true;
    extend(s);
    used[s] = false;
    path.pop();
  }
  return found.sort();
}

/** Every simple path from `from` to `to` with at most maxLength arcs, as `a>b>c`, sorted. */
export function bruteForcePaths(n: number, arcs: readonly Arc[], from: number, to: number, maxLength: number): string[] {
  const has = arcSet(arcs);
  const found: string[] = [];
  const path = [from];
  const used = new Array<boolean>(n).fill(false);
  used[from] = true;
  const extend = (): void => {
    const last = path[path.length - 1] as number;
    if (path.length - 1 >= maxLength) return;
    for (let v = 0; v < n; v++) {
      if (used[v] || !has.has(`${last},${v}`)) continue;
      if (v === to) {
        found.push([...path, v].join('>'));
        continue;
      }
      used[v] = true;
      path.push(v);
      extend();
      path.pop();
      used[v] = false;
    }
  };
  if (from !== to) extend();
  return found.sort();
}
