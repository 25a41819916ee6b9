// Proves the year-end points expiry end to end on real libSQL with the real migrations, times set in Asia/Shanghai:
// the FIFO cases (only this year's points stay, last year's leftovers go, spending after year end lowers a late run,
// a person at 0 gets no transaction, reversed credits and refunds are not earnings), a disabled station and an
// unfinished year write nothing, re-runs and a run finished after a crash expire nothing twice, the minute sweep runs
// once from 2027-01-01 00:05, and the trial balance and the chain hold afterwards.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Asset } from '../../../../domain/assets.ts';
import { personAccount, systemAccount } from '../../core/accounts.ts';
import { findPointsExpiryRun } from '../../db/operations/points-expiry.ts';
import { sampleUnit, type SampleRequest } from '../../db/ledger/sample-units.ts';
import { runMinuteSweeps } from '../minute-sweeps.ts';
import { makeOperationsFixture, type OperationsFixture } from '../redemption/operations-fixture.ts';
import { pointsExpiryTransactionId, pointsExpiryUnit } from './expiry-unit.ts';

let f: OperationsFixture;
beforeEach(async () => { f = await makeOperationsFixture(); });
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;

/** Appends `request` through the engine at Shanghai time `at`; answers the transaction id. */
async function submitAt(at: string, request: SampleRequest): Promise<string> {
  f.at(at);
  const id = f.newId();
  const outcome = await f.engine.submit(sampleUnit(id, request, { stationId: f.stationA, occurredAtMs: f.clock.nowMs }));
  expect(outcome.status).toBe('created');
  return id;
}
const earnAt = (at: string, personId: string, amount: number) => submitAt(at, { type: 'credit', personId, asset: 'points', amount });
const spendAt = (at: string, personId: string, amount: number) => submitAt(at, { type: 'redeem', personId, asset: 'points', amount, mode: 'authorize' });
/** Registers `count` people at station A; answers their ids. */
async function people(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let serial = 1; serial <= count; serial++) ids.push((await f.person(serial)).id);
  return ids;
}
const points = (personId: string) => f.engine.getBalance(personAccount(personId), 'points' as Asset);

async function setExpiry(enabled: boolean, at = '2026-04-01T09:00:00+08:00'): Promise<void> {
  f.at(at);
  const response = await f.call('PATCH', `/api/v1/stations/${f.stationA}/settings`, { token: await f.login('manager-a'), body: { pointsExpiryEnabled: enabled } });
  expect(response.status).toBe(200);
}

async function runExpiry(at: string, year: number): Promise<Response> {
  f.at(at);
  return f.call('POST', `/api/v1/stations/${f.stationA}/points-expiry`, { token: await f.login('manager-a'), body: { year } });
}

async function expiryTransactions(): Promise<{ personId: string; points: number; year: number }[]> {
  const feed = await f.engine.listTransactionsAfter(0, 1_000);
  return feed.filter((row) => row.kind === 'points_expiry' && row.status === 'posted').map((row) => row.metadata as { personId: string; points: number; year: number });
}

async function expectLedgerSound(): Promise<void> {
  expect(await f.engine.trialBalance()).toEqual({ time: 0, points: 0 });
  expect((await f.engine.verifyChain()).ok).toBe(true);
  expect((await f.engine.checkBalancesMatchPostings())).toMatchObject({ ok: true });
}

describe('points expiry run', () => {
  it('expires only what is left from before the closing year, evaluated when the run happens (FIFO)', async () => {
    const [onlyThisYear, leftovers, lateSpender, atZero, reversed, refunded] = await people(6) as [string, string, string, string, string, string];
    // The server clock never goes back (recordedAtMs), so the story is told in order.
    // leftovers: 40 from 2025, 25 from 2026; the 10 spent in July 2026 come from 2025, so 30 of 2025 are left.
    // lateSpender: 40 from 2025, 20 from 2026, 5 on 2027-01-02; the 15 spent on 2027-01-03 come from 2025: 25 left.
    // atZero spent all it had. reversed: its 2026 credit was reversed, so it earned nothing in 2026: its 30 expire.
    // refunded: a refund in 2026 of a 2025 redemption gives back old points, not new ones: 30 expire.
    for (const person of [leftovers, lateSpender]) await earnAt('2025-06-01T10:00:00+08:00', person, 40);
    await earnAt('2025-06-01T10:00:00+08:00', atZero, 10);
    for (const person of [reversed, refunded]) await earnAt('2025-06-01T10:00:00+08:00', person, 30);
    await spendAt('2025-07-01T10:00:00+08:00', atZero, 10);
    const refundedSpend = await spendAt('2025-07-01T10:00:00+08:00', refunded, 10);
    await submitAt('2026-03-01T10:00:00+08:00', { type: 'reverse', transactionId: refundedSpend });
    await earnAt('2026-05-01T10:00:00+08:00', onlyThisYear, 50);
    await earnAt('2026-05-01T10:00:00+08:00', leftovers, 25);
    await earnAt('2026-05-01T10:00:00+08:00', lateSpender, 20);
    await submitAt('2026-06-02T10:00:00+08:00', { type: 'reverse', transactionId: await earnAt('2026-06-01T10:00:00+08:00', reversed, 20) });
    await spendAt('2026-07-01T10:00:00+08:00', leftovers, 10);
    await earnAt('2027-01-02T10:00:00+08:00', lateSpender, 5);
    await spendAt('2027-01-03T10:00:00+08:00', lateSpender, 15);
    await setExpiry(true);

    const response = await runExpiry('2027-01-05T10:00:00+08:00', 2026);
    expect(response.status).toBe(201);
    expect((await json(response)).run).toMatchObject({ stationId: f.stationA, year: 2026, peopleCount: 6, peopleExpiredCount: 4, pointsExpired: 115, triggeredBy: 'staff' });
    expect(await Promise.all([onlyThisYear, leftovers, lateSpender, atZero, reversed, refunded].map(points))).toEqual([50, 25, 25, 0, 0, 0]);
    const expired = await expiryTransactions();
    expect(expired.map(({ personId, points: amount }) => [personId, amount]).sort()).toEqual([[leftovers, 30], [lateSpender, 25], [reversed, 30], [refunded, 30]].sort());
    expect(await f.engine.getBalance(systemAccount('expiry'), 'points')).toBe(115);
    await expectLedgerSound();
  });

  it('answers 409 points_expiry_disabled and writes nothing while the setting is off', async () => {
    const person = (await f.person(1)).id;
    await earnAt('2025-06-01T10:00:00+08:00', person, 40);
    const headBefore = (await f.engine.listTransactionsAfter(0, 1_000)).length;
    const response = await runExpiry('2027-01-05T10:00:00+08:00', 2026);
    expect(response.status).toBe(409);
    expect(await json(response)).toEqual({ code: 'points_expiry_disabled' });
    expect((await f.engine.listTransactionsAfter(0, 1_000)).length).toBe(headBefore);
    expect(await findPointsExpiryRun(f.database, f.stationA, 2026)).toBeUndefined();
    expect(await points(person)).toBe(40);
  });

  it('answers 422 business_date_in_future until 00:00 on 1 January in Asia/Shanghai', async () => {
    await setExpiry(true);
    const early = await runExpiry('2026-12-31T23:59:59+08:00', 2026);
    expect(early.status).toBe(422);
    expect(await json(early)).toMatchObject({ code: 'business_date_in_future' });
    expect((await runExpiry('2027-01-01T00:00:00+08:00', 2026)).status).toBe(201);
  });

  it('answers the stored run on a re-run and writes nothing new', async () => {
    const person = (await f.person(1)).id;
    await earnAt('2025-06-01T10:00:00+08:00', person, 40);
    await setExpiry(true);
    const first = await json(await runExpiry('2027-01-02T10:00:00+08:00', 2026));
    const feedLength = (await f.engine.listTransactionsAfter(0, 1_000)).length;
    await earnAt('2024-01-01T10:00:00+08:00', person, 7);
    const again = await runExpiry('2027-02-01T10:00:00+08:00', 2026);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(first);
    expect((await f.engine.listTransactionsAfter(0, 1_000)).length).toBe(feedLength + 1);
    expect(await points(person)).toBe(7);
  });

  it('finishes a run after a crash without expiring a person twice (the unit id is derived from year and person)', async () => {
    const [first, second] = await people(2) as [string, string];
    await earnAt('2025-06-01T10:00:00+08:00', first, 40);
    await earnAt('2025-06-01T10:00:00+08:00', second, 12);
    await setExpiry(true);
    // The first attempt committed `first`'s unit and stopped before recording the run.
    f.at('2027-01-01T00:05:00+08:00');
    const id = await pointsExpiryTransactionId(2026, first);
    expect(id).toBe(await pointsExpiryTransactionId(2026, first));
    expect((await f.engine.submit(pointsExpiryUnit(id, { year: 2026, personId: first, stationId: f.stationA, nowMs: f.clock.nowMs }))).status).toBe('created');
    expect((await f.engine.submit(pointsExpiryUnit(id, { year: 2026, personId: first, stationId: f.stationA, nowMs: f.clock.nowMs + 60_000 }))).status).toBe('exists');
    const response = await runExpiry('2027-01-01T09:00:00+08:00', 2026);
    expect((await json(response)).run).toMatchObject({ peopleExpiredCount: 2, pointsExpired: 52 });
    expect((await expiryTransactions()).map((row) => row.personId).sort()).toEqual([first, second].sort());
    await expectLedgerSound();
  });

  it('runs from the minute sweep once on 2027-01-01 00:05 Shanghai, not before', async () => {
    const person = (await f.person(1)).id;
    await earnAt('2025-06-01T10:00:00+08:00', person, 40);
    await earnAt('2026-06-01T10:00:00+08:00', person, 8);
    await setExpiry(true);
    const deps = { ledger: f.engine, database: f.database };
    // Switched on in April 2026: 2025 is not swept (a manager may still run it), 2026 is.
    expect(await runMinuteSweeps(deps, Date.parse('2026-12-31T23:59:00+08:00'))).toMatchObject({ pointsExpiryStationsRun: 0, pointsExpired: 0 });
    f.at('2027-01-01T00:05:00+08:00');
    expect(await runMinuteSweeps(deps, f.clock.nowMs)).toMatchObject({ pointsExpiryStationsRun: 1, pointsExpired: 40 });
    f.at('2027-01-01T00:06:00+08:00');
    expect(await runMinuteSweeps(deps, f.clock.nowMs)).toMatchObject({ pointsExpiryStationsRun: 0, pointsExpired: 0 });
    expect(await findPointsExpiryRun(f.database, f.stationA, 2026)).toMatchObject({ triggeredBy: 'system', actorId: null, pointsExpired: 40, ranAtMs: Date.parse('2027-01-01T00:05:00+08:00') });
    expect((await expiryTransactions())).toHaveLength(1);
    expect(await points(person)).toBe(8);
    await expectLedgerSound();
  });

  it('shares one run between two triggers at the same moment', async () => {
    const person = (await f.person(1)).id;
    await earnAt('2025-06-01T10:00:00+08:00', person, 40);
    await setExpiry(true);
    f.at('2027-01-01T00:05:00+08:00');
    const token = await f.login('manager-a');
    const [manual, sweep] = await Promise.all([
      f.call('POST', `/api/v1/stations/${f.stationA}/points-expiry`, { token, body: { year: 2026 } }),
      runMinuteSweeps({ ledger: f.engine, database: f.database }, f.clock.nowMs),
    ]);
    // Whichever trigger got there first ran it; the other answered the same run.
    expect([200, 201]).toContain(manual.status);
    expect(sweep.pointsExpiryStationsRun).toBeLessThanOrEqual(1);
    expect((await json(manual)).run).toMatchObject({ pointsExpired: 40 });
    expect(await expiryTransactions()).toHaveLength(1);
    expect(await points(person)).toBe(0);
  });
});
