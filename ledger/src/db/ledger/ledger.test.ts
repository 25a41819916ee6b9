// Proves the engine end to end on a real in-memory libSQL with the real migrations: appending, idempotency
// (exists, id_reused, stored rejections), kiosk sequences and gaps, holds, reversals, record mode, reads and the chain.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../client.ts';
import { personAccount, stationAccount } from '../../core/accounts.ts';
import { createLedger, type Ledger } from './ledger.ts';
import { sampleUnit } from './sample-units.ts';

let database: Database;
let ledger: Ledger;
let clockMs = 1_000;
beforeEach(async () => {
  database = await openDatabase({ url: ':memory:' });
  ledger = createLedger({ client: database.client, db: database.db, nowMs: () => clockMs++ });
});
afterEach(async () => {
  await ledger.close();
  database.close();
});

const credit = (id: string, amount: number, personId = 'P1') => sampleUnit(id, { type: 'credit', personId, asset: 'time', amount });
const redeem = (id: string, amount: number, mode: 'authorize' | 'record' = 'authorize') => sampleUnit(id, { type: 'redeem', personId: 'P1', asset: 'time', amount, mode });

describe('appending', () => {
  it('creates a transaction with ledgerSeq, balances after and the stored response', async () => {
    const outcome = await ledger.submit(credit('T1', 30));
    expect(outcome).toMatchObject({ status: 'created', ledgerSeq: 1, balancesAfter: { 'person:P1:main:time': 30, 'system:system:issuance:time': -30 } });
    expect(await ledger.getBalances('P1')).toEqual({ time: 30, points: 0 });
    expect(await ledger.trialBalance()).toEqual({ time: 0, points: 0 });
  });
  it('rejects a debit larger than the balance (insufficient_balance) and stores the rejection', async () => {
    await ledger.submit(credit('T1', 10));
    expect(await ledger.submit(redeem('T2', 10))).toMatchObject({ status: 'created' });
    const rejected = await ledger.submit(redeem('T3', 1));
    expect(rejected).toMatchObject({ status: 'rejected', code: 'insufficient_balance', replayed: false });
    expect(await ledger.submit(redeem('T3', 1))).toMatchObject({ status: 'rejected', code: 'insufficient_balance', replayed: true, response: rejected.response });
    expect(await ledger.getBalances('P1')).toEqual({ time: 0, points: 0 });
  });
  it('records an offline debit beyond the balance: person to zero, rest from suspense', async () => {
    await ledger.submit(credit('T1', 10));
    const outcome = await ledger.submit(redeem('T2', 25, 'record'));
    expect(outcome).toMatchObject({ status: 'created', shortfalls: [{ accountKey: 'person:P1:main:time', asset: 'time', amount: 15 }] });
    expect(await ledger.getBalances(stationAccount('S1', 'suspense'))).toEqual({ time: -15, points: 0 });
    expect(await ledger.getBalances('P1')).toEqual({ time: 0, points: 0 });
  });
  it('chains value-free kiosk events too', async () => {
    const outcome = await ledger.submit(sampleUnit('E1', { type: 'check_in', personId: 'P1' }, { stationId: 'S1', kioskId: 'K1', kioskSeq: 1 }));
    expect(outcome).toMatchObject({ status: 'created', ledgerSeq: 1 });
    expect((await ledger.listTransactionsAfter(0, 10))[0]).toMatchObject({ kind: 'check_in', postings: [], kioskSeq: 1 });
  });
});

describe('idempotency', () => {
  it('answers a retry with the stored response (exists) and a changed body with id_reused', async () => {
    const first = await ledger.submit(credit('T1', 30));
    expect(await ledger.submit(credit('T1', 30))).toEqual({ status: 'exists', ledgerSeq: 1, response: first.response });
    expect(await ledger.submit(credit('T1', 31))).toMatchObject({ status: 'id_reused', code: 'id_reused' });
    expect(await ledger.getBalances('P1')).toEqual({ time: 30, points: 0 });
  });
  it('keeps the same id submitted twice in one tick to one transaction', async () => {
    const [first, second] = await Promise.all([ledger.submit(credit('T1', 30)), ledger.submit(credit('T1', 30))]);
    expect(first.status).toBe('created');
    expect(second).toMatchObject({ status: 'exists', ledgerSeq: 1 });
  });
});

describe('kiosk sequences', () => {
  it('rejects a kiosk sequence number reused under another id (kiosk_seq_reused) and reports gaps', async () => {
    const at = (kioskSeq: number) => ({ stationId: 'S1', kioskId: 'K1', kioskSeq });
    await ledger.submit(sampleUnit('A', { type: 'check_in', personId: 'P1' }, at(1)));
    await ledger.submit(sampleUnit('B', { type: 'check_in', personId: 'P1' }, at(2)));
    await ledger.submit(sampleUnit('C', { type: 'check_in', personId: 'P1' }, at(5)));
    expect(await ledger.submit(sampleUnit('D', { type: 'check_in', personId: 'P2' }, at(2)))).toMatchObject({ status: 'rejected', code: 'kiosk_seq_reused' });
    expect(await ledger.kioskSequenceState('K1')).toEqual({ kioskId: 'K1', contiguousThrough: 2, maxSeq: 5, gaps: [{ fromSeq: 3, toSeq: 4 }] });
  });
});

describe('holds', () => {
  it('posts part of a hold, releases the rest, and refuses a second resolution', async () => {
    await ledger.submit(credit('T1', 60));
    expect(await ledger.submit(sampleUnit('H1', { type: 'hold', personId: 'P1', asset: 'time', amount: 40, expiresAtMs: 5_000 }))).toMatchObject({ status: 'created' });
    expect(await ledger.getBalances('P1')).toEqual({ time: 20, points: 0 });
    expect((await ledger.listOpenHolds()).map((hold) => hold.holdId)).toEqual(['H1']);
    expect(await ledger.listOpenHolds(4_999)).toEqual([]);
    expect(await ledger.submit(sampleUnit('R1', { type: 'resolve', holdId: 'H1', resolution: { type: 'post', amount: 30 } }))).toMatchObject({ status: 'created' });
    expect(await ledger.getBalances('P1')).toEqual({ time: 30, points: 0 });
    expect(await ledger.getBalances(personAccount('P1', 'held'))).toEqual({ time: 0, points: 0 });
    expect(await ledger.submit(sampleUnit('R2', { type: 'resolve', holdId: 'H1', resolution: { type: 'void' } }))).toMatchObject({ status: 'rejected', code: 'hold_already_resolved' });
    expect(await ledger.submit(sampleUnit('R3', { type: 'resolve', holdId: 'NOPE', resolution: { type: 'expire' } }))).toMatchObject({ status: 'rejected', code: 'hold_not_found' });
    expect(await ledger.listOpenHolds()).toEqual([]);
  });
});

describe('reversals', () => {
  it('mirrors a transaction once (already_reversed after) and reads balances at any ledgerSeq', async () => {
    await ledger.submit(credit('T1', 30));
    await ledger.submit(credit('T2', 5));
    expect(await ledger.submit(sampleUnit('V1', { type: 'reverse', transactionId: 'T1' }))).toMatchObject({ status: 'created', ledgerSeq: 3 });
    expect(await ledger.submit(sampleUnit('V2', { type: 'reverse', transactionId: 'T1' }))).toMatchObject({ status: 'rejected', code: 'already_reversed' });
    expect(await ledger.getBalances('P1')).toEqual({ time: 5, points: 0 });
    expect(await ledger.getBalances('P1', 1)).toEqual({ time: 30, points: 0 });
    expect(await ledger.getBalances('P1', 2)).toEqual({ time: 35, points: 0 });
    expect(await ledger.checkBalancesMatchPostings()).toEqual({ ok: true, mismatches: [] });
    expect(await ledger.verifyChain()).toEqual({ ok: true, checkedThroughSeq: 4 });
  });
});

describe('append-only', () => {
  it('refuses UPDATE and DELETE on transactions and postings', async () => {
    await ledger.submit(credit('T1', 30));
    await expect(database.client.execute("UPDATE transactions SET memo = 'x'")).rejects.toThrow(/append_only/);
    await expect(database.client.execute('DELETE FROM transactions')).rejects.toThrow(/append_only/);
    await expect(database.client.execute('UPDATE postings SET amount = 1')).rejects.toThrow(/append_only/);
    await expect(database.client.execute('DELETE FROM postings')).rejects.toThrow(/append_only/);
  });
});
