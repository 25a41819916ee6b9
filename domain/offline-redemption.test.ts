// Proves rule 14: offline redemption is bounded by last seen balance − outbox debits and by 200 points /
// 120 minutes per person per offline spell, after the online rules.
import { describe, expect, it } from 'vitest';
import type { ServiceRules } from './redemption.ts';
import { decideOfflineRedemption, type OfflineRedemptionInput } from './offline-redemption.ts';

const elderCare: ServiceRules = { asset: 'time', price: 60, minAge: 65, redeemableBy: 'holder_or_gift_recipient', status: 'active' };

describe('decideOfflineRedemption', () => {
  const offline: OfflineRedemptionInput = {
    service: elderCare,
    birthDate: '1950-01-01',
    today: '2025-05-10',
    lastSeenBalances: { time: 600, points: 500 },
    outboxDebits: { time: 0, points: 0 },
    spentThisSpell: { time: 0, points: 0 },
  };

  it('allows a redemption within the last seen balance and the spell limit', () => {
    expect(decideOfflineRedemption(offline)).toEqual({ ok: true, value: { asset: 'time', amount: 60, balanceAfter: 540 } });
  });

  it('subtracts outbox debits from the last seen balance (insufficient_balance)', () => {
    expect(decideOfflineRedemption({ ...offline, outboxDebits: { time: 540, points: 0 } }).ok).toBe(true);
    expect(decideOfflineRedemption({ ...offline, outboxDebits: { time: 541, points: 0 } })).toMatchObject({ code: 'insufficient_balance' });
  });

  it('allows up to exactly 120 minutes per spell (limit) and refuses more (offline_limit_exceeded)', () => {
    expect(decideOfflineRedemption({ ...offline, spentThisSpell: { time: 60, points: 0 } }).ok).toBe(true);
    expect(decideOfflineRedemption({ ...offline, spentThisSpell: { time: 61, points: 0 } })).toMatchObject({ code: 'offline_limit_exceeded' });
  });

  it('applies the 200-point spell limit to points services', () => {
    const hamper: ServiceRules = { asset: 'points', price: 150, minAge: null, redeemableBy: 'holder', status: 'active' };
    expect(decideOfflineRedemption({ ...offline, service: hamper, spentThisSpell: { time: 0, points: 50 } }).ok).toBe(true);
    expect(decideOfflineRedemption({ ...offline, service: hamper, spentThisSpell: { time: 0, points: 51 } })).toMatchObject({
      code: 'offline_limit_exceeded',
    });
  });
});
