// The storage cap for `time` (rule 9, 南京 1,500 hours): minutes above it go to the station's community chest.
// Pure.

import { assert } from './assert.ts';
import { timeStorageCapMinutes } from './limits.ts';

export type StorageSplit = { readonly toPerson: number; readonly toCommunityChest: number };

/**
 * Splits a credit of `creditMinutes` between the person (up to the cap) and the community chest (the rest).
 * A person already above the cap (the cap was lowered) gets nothing more. Parts sum to `creditMinutes`.
 */
export function splitStorageCap(
  currentMinutes: number,
  creditMinutes: number,
  capMinutes: number = timeStorageCapMinutes,
): StorageSplit {
  assert([currentMinutes, creditMinutes, capMinutes].every((n) => Number.isSafeInteger(n) && n >= 0), 'bad storage-cap input');
  const room = Math.max(0, capMinutes - currentMinutes);
  const toPerson = Math.min(creditMinutes, room);
  return { toPerson, toCommunityChest: creditMinutes - toPerson };
}
