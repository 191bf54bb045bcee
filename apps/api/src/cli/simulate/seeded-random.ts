// Seeded pseudo-random numbers, shared by the simulator (`npm run simulate`) and the benchmarks (test/bench), so a
// run with the same seed makes the same traffic and measures the same work.

/** Uniform numbers in [0, 1), like Math.random. */
export type Random = () => number;

/** Mulberry32: small, fast and seeded. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
