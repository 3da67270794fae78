/**
 * A small seeded pseudo-random number generator (mulberry32), so that algorithms that walk the
 * graph in random order (Louvain) give the same answer for the same graph on every run.
 */

/**
 * Returns a function yielding numbers in [0, 1), the same sequence for the same seed.
 * @throws Error when the seed is not a 32-bit unsigned integer.
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`seeded-random: the seed must be a 32-bit unsigned integer (got ${seed})`);
  }
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
