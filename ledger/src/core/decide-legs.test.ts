// Proves the leg rules: netting and running balances, floors (insufficient_balance) at, below and above the limit,
// record-mode shortfalls to suspense, hold opening and resolution, and reversal rules with their codes.
import { describe, expect, it } from 'vitest';
import { accountKey, personAccount, stationAccount, systemAccount } from './accounts.ts';
import { decideLegs, type HoldRecord } from './decide-legs.ts';
import type { PlannedTransaction } from './transaction.ts';

const person = personAccount('P1');
const personKey = accountKey(person, 'time');
const base: PlannedTransaction = { kind: 'redeem', stationId: 'S1', occurredAtMs: 0, mode: 'authorize', transfers: [], respond: () => null };
const redeem = (amount: number, mode: 'authorize' | 'record' = 'authorize'): PlannedTransaction =>
  ({ ...base, mode, transfers: [{ from: person, to: systemAccount('redemption'), asset: 'time', amount }] });
const balances = (entries: Record<string, number>) => (key: string) => entries[key] ?? 0;

describe('decideLegs', () => {
  it('nets transfers per account and carries the balance after each leg', () => {
    const planned = { ...base, transfers: [
      { from: systemAccount('issuance'), to: person, asset: 'time' as const, amount: 30 },
      { from: person, to: stationAccount('S1', 'community_chest'), asset: 'time' as const, amount: 10 },
    ] };
    const result = decideLegs('T1', planned, {}, balances({ [personKey]: 5 }));
    expect(result.ok && result.value.legs).toEqual([
      { accountKey: 'system:system:issuance:time', asset: 'time', amount: -30, balanceAfter: -30 },
      { accountKey: personKey, asset: 'time', amount: 20, balanceAfter: 25 },
      { accountKey: 'station:S1:community_chest:time', asset: 'time', amount: 10, balanceAfter: 10 },
    ]);
  });
  it('allows a debit equal to the balance and rejects one larger (insufficient_balance)', () => {
    expect(decideLegs('T1', redeem(10), {}, balances({ [personKey]: 10 })).ok).toBe(true);
    expect(decideLegs('T1', redeem(11), {}, balances({ [personKey]: 10 }))).toEqual({ ok: false, code: 'insufficient_balance' });
  });
  it('in record mode takes the person to zero and the rest from the station suspense account', () => {
    const result = decideLegs('T1', redeem(15, 'record'), {}, balances({ [personKey]: 10 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.shortfalls).toEqual([{ accountKey: personKey, asset: 'time', amount: 5 }]);
    expect(result.value.legs.find((leg) => leg.accountKey === personKey)).toMatchObject({ amount: -10, balanceAfter: 0 });
    expect(result.value.legs.find((leg) => leg.accountKey === 'station:S1:suspense:time')).toMatchObject({ amount: -5 });
  });
  it('opens a hold by moving the amount to the held account', () => {
    const result = decideLegs('H1', { ...redeem(8), hold: { expiresAtMs: 99 } }, {}, balances({ [personKey]: 10 }));
    expect(result.ok && result.value.openedHold).toMatchObject({ holdId: 'H1', amount: 8, heldKey: 'person:P1:held:time', destinationKey: 'system:system:redemption:time' });
    expect(result.ok && result.value.legs.map((leg) => leg.amount)).toEqual([-8, 8]);
  });
  const hold: HoldRecord = { holdId: 'H1', asset: 'time', amount: 8, sourceKey: personKey, heldKey: 'person:P1:held:time', destinationKey: 'system:system:redemption:time', expiresAtMs: null, status: 'pending' };
  const resolve = (resolution: PlannedTransaction['resolution']): PlannedTransaction => ({ ...base, resolvesHoldId: 'H1', ...(resolution ? { resolution } : {}) });
  it('posts part of a hold and releases the rest', () => {
    const result = decideLegs('T2', resolve({ type: 'post', amount: 5 }), { hold }, balances({ 'person:P1:held:time': 8 }));
    expect(result.ok && result.value.legs.map((leg) => [leg.accountKey, leg.amount])).toEqual([
      ['person:P1:held:time', -8], ['system:system:redemption:time', 5], [personKey, 3]]);
    expect(result.ok && result.value.resolvedHold).toEqual({ holdId: 'H1', status: 'posted' });
  });
  it('rejects a missing, resolved or over-posted hold', () => {
    expect(decideLegs('T2', resolve({ type: 'void' }), { hold: null }, balances({}))).toEqual({ ok: false, code: 'hold_not_found' });
    expect(decideLegs('T2', resolve({ type: 'void' }), { hold: { ...hold, status: 'voided' } }, balances({}))).toEqual({ ok: false, code: 'hold_already_resolved' });
    expect(decideLegs('T2', resolve({ type: 'post', amount: 9 }), { hold }, balances({}))).toEqual({ ok: false, code: 'hold_amount_exceeded' });
  });
  it('mirrors a posted transaction once and refuses holds and second reversals', () => {
    const original = { id: 'T0', status: 'posted' as const, opensHold: false, resolvesHoldId: null,
      postings: [{ accountKey: 'system:system:issuance:time', asset: 'time' as const, amount: -30 }, { accountKey: personKey, asset: 'time' as const, amount: 30 }] };
    const reversal = { ...base, reversesId: 'T0' };
    const result = decideLegs('T1', reversal, { original, originalReversed: false }, balances({ [personKey]: 30, 'system:system:issuance:time': -30 }));
    expect(result.ok && result.value.legs.map((leg) => leg.balanceAfter)).toEqual([0, 0]);
    expect(decideLegs('T1', reversal, { original, originalReversed: true }, balances({ [personKey]: 30 }))).toEqual({ ok: false, code: 'already_reversed' });
    expect(decideLegs('T1', reversal, { original: { ...original, opensHold: true }, originalReversed: false }, balances({}))).toEqual({ ok: false, code: 'not_reversible' });
    expect(decideLegs('T1', reversal, { original: null }, balances({}))).toEqual({ ok: false, code: 'reversal_not_found' });
    expect(decideLegs('T1', reversal, { original, originalReversed: false }, balances({ [personKey]: 29 }))).toEqual({ ok: false, code: 'insufficient_balance' });
  });
});
