// Proves rule 11: service status, minimum age on the business date, holder-only services and gifted time, balances.
import { describe, expect, it } from 'vitest';
import { decideRedemption, type RedemptionInput, type ServiceRules } from './redemption.ts';

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
