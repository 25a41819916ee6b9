// Proves the seeded PRNG repeats exactly per seed (mulberry32's published sequence) and stays inside [0, 1).

import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const first = seededRandom(42);
    expect([first(), first(), first()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    expect(seededRandom(0)()).toBe(0.26642920868471265);
    expect(seededRandom(43)()).not.toBe(seededRandom(42)());
  });

  it('stays in [0, 1) over many draws', () => {
    const next = seededRandom(7);
    for (let draw = 0; draw < 100_000; draw++) {
      const value = next();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });
});
