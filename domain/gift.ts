// Gifts of time credits to registered family members (rule 10). Pure: the caller loads the relation,
// balances and this year's gifts; first failing rule wins.

import { err, ok, type Result } from './result.ts';
import type { Asset } from './assets.ts';
import type { PersonId } from './ids.ts';
import type { FamilyRelation } from './person.ts';
import { amountMax, giftYearlyCapMinutesDefault, timeStorageCapMinutes } from './limits.ts';

export type GiftCode =
  | 'gift_asset_not_transferable' // only `time` may be given (points are not transferable by default)
  | 'gift_amount_invalid' // not a positive whole number within amountMax
  | 'gift_to_self'
  | 'not_family' // no registered spouse/parent/child/grandparent/grandchild relation
  | 'gift_yearly_cap_exceeded'
  | 'insufficient_balance'
  | 'recipient_storage_cap_exceeded';

export type GiftInput = {
  readonly asset: Asset;
  readonly amountMinutes: number;
  readonly giverId: PersonId;
  readonly recipientId: PersonId;
  /** The registered relation of the recipient to the giver, or null when none is registered. */
  readonly relation: FamilyRelation | null;
  readonly giverBalanceMinutes: number;
  /** Minutes this giver already gave in the current calendar year (business dates). */
  readonly givenThisYearMinutes: number;
  readonly recipientBalanceMinutes: number;
  readonly yearlyCapMinutes?: number;
  readonly storageCapMinutes?: number;
};

export type Gift = { readonly amountMinutes: number; readonly relation: FamilyRelation; readonly yearlyRemainingMinutes: number };

/**
 * Decides a gift. Rules in order: the asset is `time`; the amount is a positive integer; not to oneself; the
 * recipient is registered family; the giver's yearly cap (default 100 h) holds; the giver has the balance;
 * the recipient stays within the storage cap (rule 9), so no given minute lands in the community chest.
 */
export function decideGift(input: GiftInput): Result<Gift, GiftCode> {
  const yearlyCapMinutes = input.yearlyCapMinutes ?? giftYearlyCapMinutesDefault;
  const storageCapMinutes = input.storageCapMinutes ?? timeStorageCapMinutes;
  const amount = input.amountMinutes;
  if (input.asset !== 'time') return err('gift_asset_not_transferable');
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > amountMax) return err('gift_amount_invalid');
  if (input.giverId === input.recipientId) return err('gift_to_self');
  if (input.relation === null) return err('not_family');
  const yearlyRemainingMinutes = Math.max(0, yearlyCapMinutes - input.givenThisYearMinutes);
  if (amount > yearlyRemainingMinutes) return err('gift_yearly_cap_exceeded', `at most ${yearlyRemainingMinutes} min this year`);
  if (amount > input.giverBalanceMinutes) return err('insufficient_balance');
  if (input.recipientBalanceMinutes + amount > storageCapMinutes) return err('recipient_storage_cap_exceeded');
  return ok({ amountMinutes: amount, relation: input.relation, yearlyRemainingMinutes: yearlyRemainingMinutes - amount });
}
