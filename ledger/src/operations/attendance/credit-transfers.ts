// Turns decided credit into ledger transfers: `time` minted to the person up to the crediting station's storage cap and
// the rest to that station's community chest (rule 9), `points` minted to the person (rule 8). Pure: no I/O.

import { splitStorageCap, type StorageSplit } from '../../../../domain/storage-cap.ts';
import { personAccount, stationAccount, systemAccount } from '../../core/accounts.ts';
import type { Transfer } from '../../core/transaction.ts';

export type CreditPlan = { transfers: Transfer[]; split: StorageSplit; points: number };

/**
 * Transfers for `minutes` of time and `points`, given the person's current `time` balance and the station's
 * `storageCapMinutes` setting (read inside the writer). Zero parts are left out.
 */
export function planCreditTransfers(input: {
  personId: string; stationId: string; minutes: number; points: number; personTimeMinutes: number; storageCapMinutes: number;
}): CreditPlan {
  const split = splitStorageCap(input.personTimeMinutes, input.minutes, input.storageCapMinutes);
  const transfers: Transfer[] = [];
  if (split.toPerson > 0) transfers.push({ from: systemAccount('issuance'), to: personAccount(input.personId), asset: 'time', amount: split.toPerson });
  if (split.toCommunityChest > 0) transfers.push({ from: systemAccount('issuance'), to: stationAccount(input.stationId, 'community_chest'), asset: 'time', amount: split.toCommunityChest });
  if (input.points > 0) transfers.push({ from: systemAccount('issuance'), to: personAccount(input.personId), asset: 'points', amount: input.points });
  return { transfers, split, points: input.points };
}

/** The note stored with a credit whose minutes overflowed the storage cap. */
export function storageCapMemo(split: StorageSplit): string | undefined {
  return split.toCommunityChest > 0 ? `storage_cap: ${split.toCommunityChest} min to community chest` : undefined;
}
