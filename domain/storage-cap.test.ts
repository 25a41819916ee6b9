// Proves rule 9: time above 1,500 hours goes to the community chest, and the two parts sum to the credit.
import { describe, expect, it } from 'vitest';
import { splitStorageCap } from './storage-cap.ts';
import { timeStorageCapMinutes } from './limits.ts';

describe('splitStorageCap', () => {
  it('gives everything to the person below the cap', () => {
    expect(splitStorageCap(1_000, 90)).toEqual({ toPerson: 90, toCommunityChest: 0 });
  });

  it('fills the person up to exactly the cap (limit)', () => {
    expect(splitStorageCap(timeStorageCapMinutes - 90, 90)).toEqual({ toPerson: 90, toCommunityChest: 0 });
  });

  it('sends the excess to the community chest', () => {
    expect(splitStorageCap(timeStorageCapMinutes - 30, 90)).toEqual({ toPerson: 30, toCommunityChest: 60 });
    expect(splitStorageCap(timeStorageCapMinutes + 10, 90, timeStorageCapMinutes)).toEqual({ toPerson: 0, toCommunityChest: 90 });
  });
});
