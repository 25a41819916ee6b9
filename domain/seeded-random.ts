// A small seeded PRNG (mulberry32) for data that must come out the same from the same seed: demo seeds, bench
// workloads, crash-test schedules. Not for anything secret: ids, nonces and keys use crypto randomness.

/** Floats in [0, 1); the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
