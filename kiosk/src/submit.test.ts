// Proves flow operations become the right outbox drafts (registration card in memory only), and outbox results
// become flow outcomes: the service's receipt when sent, a 待同步 receipt with a working verify link when queued.
import { describe, expect, it } from 'vitest';
import { draftFor, outcomeOf, pendingPickupCode, type ReceiptContext } from './submit.ts';
import type { OutboxEntry } from './outbox/types.ts';

const context: ReceiptContext = { kioskId: 'K1', stationName: '幸福里党群服务站', baseUrl: 'http://127.0.0.1:8787', title: '助老理发' };
const entry: OutboxEntry = {
  id: '01J0000000000000000000ABCD', kioskSeq: 9, operation: 'check-in', path: '/api/v1/check-ins', body: { occurredAt: '2026-05-12T02:00:00.000Z' },
  isBodyInMemory: false, personId: 'P1', debit: null, isOffline: true, state: 'pending', attempts: 1, nextAttemptMs: 0, lastCode: 'network_error', createdAtMs: 0, response: null,
};

describe('draftFor', () => {
  it('posts check-ins, check-outs and redemptions with the personId only', () => {
    expect(draftFor({ kind: 'check-in', personId: 'P1', activityId: 'A1' })).toMatchObject({ path: '/api/v1/check-ins', fields: { personId: 'P1', activityId: 'A1' } });
    expect(draftFor({ kind: 'check-out', personId: 'P1', activityId: 'A1' }).path).toBe('/api/v1/check-outs');
    expect(draftFor({ kind: 'redemption', personId: 'P1', serviceId: 'S1', asset: 'points', price: 20, lastSeenBalance: 50 })).toMatchObject({ path: '/api/v1/redemptions', redemption: { amount: 20, lastSeenBalance: 50 } });
  });

  it('keeps a registration card and phone out of the stored fields', () => {
    const draft = draftFor({ kind: 'registration', card: { idNumber: '110101199003071233', name: '张测试' }, phone: '13812345678', consentVersion: 'v1' });
    expect(JSON.stringify(draft.fields)).not.toMatch(/张测试|110101199003071233|13812345678/);
    expect(draft.memoryFields).toMatchObject({ card: { name: '张测试' }, phone: '13812345678' });
  });
});

describe('outcomeOf', () => {
  it('makes a 待同步 receipt for a queued write, with no ledgerSeq and the public verify link', () => {
    const outcome = outcomeOf({ kind: 'check-in', personId: 'P1', activityId: 'A1' }, { status: 'queued', entry }, context);
    expect(outcome).toMatchObject({ status: 'queued', receipt: { kioskSeq: 9, ledgerSeq: null, kind: 'check_in', lines: ['助老理发'], verifyUrl: 'http://127.0.0.1:8787/api/v1/receipts/K1/9' } });
  });

  it('gives a queued redemption a pickup code made from its id', () => {
    const outcome = outcomeOf({ kind: 'redemption', personId: 'P1', serviceId: 'S1', asset: 'points', price: 20, lastSeenBalance: 50 }, { status: 'queued', entry: { ...entry, operation: 'redemption' } }, context);
    expect(outcome).toMatchObject({ status: 'queued', redemption: { pickupCode: pendingPickupCode(entry.id), balances: null } });
    expect(pendingPickupCode(entry.id)).toBe('00ABCD');
  });

  it('passes the service receipt and check-out result through when sent', () => {
    const receipt = { kioskId: 'K1', kioskSeq: 9, ledgerSeq: 70, kind: 'check_out', occurredAt: 'x', stationName: 's', lines: [], verifyUrl: 'v' };
    const response = { attendanceId: 'T1', minutes: 90, credited: { time: 90, points: 15 }, balances: { time: 90, points: 15 }, receipt };
    const outcome = outcomeOf({ kind: 'check-out', personId: 'P1', activityId: 'A1' }, { status: 'done', entry, response }, context);
    expect(outcome).toEqual({ status: 'done', receipt, checkOut: { minutes: 90, credited: { time: 90, points: 15 }, balances: { time: 90, points: 15 } } });
  });

  it('passes a rejection code through', () => {
    expect(outcomeOf({ kind: 'check-in', personId: 'P1', activityId: 'A1' }, { status: 'rejected', code: 'activity_ended', entry }, context)).toEqual({ status: 'rejected', code: 'activity_ended' });
  });
});
