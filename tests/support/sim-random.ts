// A seeded random source for the kiosk ↔ ledger simulation (sfc32): the same seed gives the same choices,
// so a failing seed replays. Never reads the real clock or crypto randomness.

export type SimRandom = {
  /** A float in [0, 1). */
  next01(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  bytes(count: number): Uint8Array;
  /** An independent stream for one part of the world, so adding a choice in one part does not shift the others. */
  fork(label: string): SimRandom;
};

export function createSimRandom(seed: number): SimRandom {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next32 = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let round = 0; round < 15; round++) next32();
  const random: SimRandom = {
    next01: () => next32() / 2 ** 32,
    int: (min, max) => min + Math.floor(random.next01() * (max - min + 1)),
    chance: (probability) => random.next01() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(random.next01() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    bytes: (count) => Uint8Array.from({ length: count }, () => next32() & 0xff),
    fork: (label) => createSimRandom((seed ^ hashLabel(label)) >>> 0),
  };
  return random;
}

function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}
