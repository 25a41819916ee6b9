// Proves rules 11 and 14: status, minimum age on the business date, holder-only services and gifted time,
// balances online, and offline redemption bounded by last seen balance − outbox and 200 points / 120 minutes.
import { describe, expect, it } from 'vitest';
import { decideRedemption, type RedemptionInput, type ServiceRules } from './redemption.ts';
import { decideOfflineRedemption, type OfflineRedemptionInput } from './offline-redemption.ts';

const elderCare: ServiceRules = { asset: 'time', price: 60, minAge: 65, redeemableBy: 'holder_or_gift_recipient', status: 'active' };
const base: RedemptionInput = { service: elderCare, birthDate: '1960-05-10', today: '2025-05-10', balances: { time: 600, points: 0 } };

describe('decideRedemption', () => {
  it('redeems for someone who turns 65 today (limit)', () => {
    expect(decideRedemption(base)).toEqual({ ok: true, value: { asset: 'time', amount: 60, balanceAfter: 540 } });
  });

  it('refuses someone a day short of 65 (below_minimum_age) or of unknown age (age_unknown)', () => {
    expect(decideRedemption({ ...base, today: '2025-05-09' })).toMatchObject({ code: 'below_minimum_age' });
    expect(decideRedemption({ ...base, birthDate: null })).toMatchObject({ code: 'age_unknown' });
  });

  it('refuses an inactive service (service_inactive)', () => {
    expect(decideRedemption({ ...base, service: { ...elderCare, status: 'inactive' } })).toMatchObject({ code: 'service_inactive' });
  });

  it('spends exactly the balance and refuses one more (insufficient_balance)', () => {
    expect(decideRedemption({ ...base, balances: { time: 60, points: 0 } }).ok).toBe(true);
    expect(decideRedemption({ ...base, balances: { time: 59, points: 0 } })).toMatchObject({ code: 'insufficient_balance' });
  });

  it('counts gifted minutes only where gift recipients may redeem (gift_credits_not_eligible)', () => {
    const gifted = { ...base, balances: { time: 80, points: 0 }, giftReceivedMinutes: 50 };
    expect(decideRedemption(gifted).ok).toBe(true);
    const holderOnly = { ...gifted, service: { ...elderCare, redeemableBy: 'holder' as const } };
    expect(decideRedemption(holderOnly)).toMatchObject({ code: 'gift_credits_not_eligible' });
  });

  it('prices points services against the points balance', () => {
    const soap: ServiceRules = { asset: 'points', price: 10, minAge: null, redeemableBy: 'holder', status: 'active' };
    expect(decideRedemption({ ...base, service: soap, balances: { time: 600, points: 9 } })).toMatchObject({ code: 'insufficient_balance' });
  });
});

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
