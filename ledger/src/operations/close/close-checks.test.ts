// Proves the pure close decision: all checks pass on clean facts, each check fails on its own broken fact, late
// uploads are flagged only when recorded on a later day, and kiosk counters compare kind by kind.

import { describe, expect, it } from 'vitest';
import { counterDifferences, decideClose, type CloseFacts } from './close-checks.ts';
import { pickPickupCode } from '../redemption/pickup-code.ts';

const clean: CloseFacts = {
  businessDate: '2026-04-01', trialBalance: { time: 0, points: 0 }, balanceMismatchKeys: [], chain: { ok: true, anchorOk: true }, floorViolationKeys: [],
  kiosks: [{ kioskId: 'K1', gaps: [], maxSeq: 2, report: { lastKioskSeq: 2, counters: { check_in: { count: 2, time: 0, points: 0 } } }, ledgerCounters: { check_in: { count: 2, time: 0, points: 0 } } }],
  badHoldIds: [], openItems: [],
  transactions: [{ ledgerSeq: 1, id: 'T1', kind: 'check_in', status: 'posted', kioskId: 'K1', occurredOn: '2026-04-01', recordedOn: '2026-04-01', amounts: { time: 0, points: 0 } }],
};
const failed = (facts: CloseFacts) => decideClose(facts).checks.filter((check) => !check.ok).map((check) => check.name);

describe('decideClose', () => {
  it('passes all seven checks on clean facts and lists no items', () => {
    const decision = decideClose(clean);
    expect(decision.checks).toHaveLength(7);
    expect(failed(clean)).toEqual([]);
    expect(decision.items).toEqual([]);
    expect(decision.totals).toEqual({ transactions: 1, rejected: 0, lateUploads: 0, byKind: { check_in: { count: 1, time: 0, points: 0 } } });
  });

  it('fails each check on its own broken fact', () => {
    expect(failed({ ...clean, trialBalance: { time: 1, points: 0 } })).toEqual(['trial_balance_zero']);
    expect(failed({ ...clean, balanceMismatchKeys: ['person:P:main:time'] })).toEqual(['balances_match_postings']);
    expect(failed({ ...clean, chain: { ok: true, anchorOk: false } })).toEqual(['chain_verifies']);
    expect(failed({ ...clean, floorViolationKeys: ['person:P:main:time'] })).toEqual(['no_floor_violated']);
    expect(failed({ ...clean, kiosks: [{ ...clean.kiosks[0]!, gaps: [{ fromSeq: 2, toSeq: 2 }] }] })).toEqual(['kiosk_sequences_and_counters']);
    expect(failed({ ...clean, kiosks: [{ ...clean.kiosks[0]!, report: null }] })).toEqual(['kiosk_sequences_and_counters']);
    expect(failed({ ...clean, badHoldIds: ['H1'] })).toEqual(['holds_resolved_once']);
    expect(failed({ ...clean, openItems: [{ type: 'reconciliation', itemId: 'I', kind: 'offline_shortfall', transactionId: 'T', asset: 'time', amount: 5, detail: '' }] })).toEqual(['reconciliation_items_listed']);
  });

  it('accepts a kiosk report at the ledger maximum and refuses one past it', () => {
    expect(failed({ ...clean, kiosks: [{ ...clean.kiosks[0]!, report: { ...clean.kiosks[0]!.report!, lastKioskSeq: 3 } }] })).toEqual(['kiosk_sequences_and_counters']);
  });

  it('flags a transaction recorded on a later day than it happened as a late upload', () => {
    const late = { ...clean.transactions[0]!, id: 'T2', ledgerSeq: 2, occurredOn: '2026-03-31' };
    const decision = decideClose({ ...clean, transactions: [...clean.transactions, late] });
    expect(decision.totals.lateUploads).toBe(1);
    expect(decision.items).toEqual([{ type: 'late_upload', transactionId: 'T2', ledgerSeq: 2, kind: 'check_in', occurredOn: '2026-03-31' }]);
  });

  it('reports counter differences per kind', () => {
    expect(counterDifferences({ a: { count: 1, time: 5, points: 0 } }, { a: { count: 1, time: 5, points: 0 } })).toEqual([]);
    expect(counterDifferences({ a: { count: 1, time: 5, points: 0 } }, { b: { count: 1, time: 0, points: 0 } })).toEqual(['a: 1/5/0≠0/0/0', 'b: 0/0/0≠1/0/0']);
  });
});

describe('pickPickupCode', () => {
  it('answers six digits not already used that day', () => {
    const bytes = [new Uint8Array([0, 0, 0, 7]), new Uint8Array([0, 0, 0, 8])];
    expect(pickPickupCode(new Set(['000007']), () => bytes.shift()!)).toBe('000008');
  });
});
