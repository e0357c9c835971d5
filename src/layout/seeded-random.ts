/**
 * Runs a function with Math.random replaced by a seeded generator. Cytoscape's force layouts draw
 * their starting positions from Math.random; seeding it makes the same data give the same picture,
 * which is what lets a shared link reproduce the view.
 */
export function withSeededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  let a = seed >>> 0;
  Math.random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return run();
  } finally {
    Math.random = original;
  }
}
