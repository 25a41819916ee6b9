// Proves rule 10: only time, only positive whole minutes, only to registered family, within the giver's
// yearly cap and balance, and never pushing the recipient over the storage cap.
import { describe, expect, it } from 'vitest';
import { decideGift, type GiftInput } from './gift.ts';
import type { PersonId } from './ids.ts';

const giverId = '01JV0000000000000000000001' as PersonId;
const recipientId = '01JV0000000000000000000002' as PersonId;
const base: GiftInput = {
  asset: 'time',
  amountMinutes: 120,
  giverId,
  recipientId,
  relation: 'parent',
  giverBalanceMinutes: 10_000,
  givenThisYearMinutes: 0,
  recipientBalanceMinutes: 0,
};

describe('decideGift', () => {
  it('gives time to a registered parent', () => {
    expect(decideGift(base)).toEqual({ ok: true, value: { amountMinutes: 120, relation: 'parent', yearlyRemainingMinutes: 5_880 } });
  });

  it('refuses points (gift_asset_not_transferable)', () => {
    expect(decideGift({ ...base, asset: 'points' })).toMatchObject({ code: 'gift_asset_not_transferable' });
  });

  it('refuses zero, negative and fractional amounts (gift_amount_invalid)', () => {
    for (const amountMinutes of [0, -1, 0.5, Number.NaN]) {
      expect(decideGift({ ...base, amountMinutes })).toMatchObject({ code: 'gift_amount_invalid' });
    }
  });

  it('refuses a gift to oneself and to someone not registered as family', () => {
    expect(decideGift({ ...base, recipientId: giverId })).toMatchObject({ code: 'gift_to_self' });
    expect(decideGift({ ...base, relation: null })).toMatchObject({ code: 'not_family' });
  });

  it('allows exactly the rest of the 100-hour yearly cap (limit) and refuses one minute more', () => {
    expect(decideGift({ ...base, givenThisYearMinutes: 5_880 }).ok).toBe(true);
    expect(decideGift({ ...base, givenThisYearMinutes: 5_881 })).toMatchObject({ code: 'gift_yearly_cap_exceeded' });
  });

  it('refuses more than the giver holds (insufficient_balance), allowing exactly the balance', () => {
    expect(decideGift({ ...base, giverBalanceMinutes: 120 }).ok).toBe(true);
    expect(decideGift({ ...base, giverBalanceMinutes: 119 })).toMatchObject({ code: 'insufficient_balance' });
  });

  it('refuses a gift that would take the recipient over the storage cap', () => {
    expect(decideGift({ ...base, recipientBalanceMinutes: 90_000 - 120 }).ok).toBe(true);
    expect(decideGift({ ...base, recipientBalanceMinutes: 90_000 - 119 })).toMatchObject({ code: 'recipient_storage_cap_exceeded' });
  });
});
