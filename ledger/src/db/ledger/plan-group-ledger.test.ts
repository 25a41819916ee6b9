// Proves the `ledger: {kind, businessDate, moved}` field of a posted kiosk write's answer equals what the daily
// close counts for it (close check 5): a check-out split to the community chest, a redemption, a queued write
// re-dated across midnight; a replay answers the same field; a refused write has none; a day report summed from the
// fields makes check 5 pass.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { businessDayEndMs, businessDayStartMs } from '../../../../domain/business-date.ts';
import { countByKind, type KindCounters } from '../../operations/close/close-checks.ts';
import { makeOperationsFixture, type OperationsFixture } from '../../operations/redemption/operations-fixture.ts';
import { kioskTransactionsOccurred } from '../operations/close.ts';

type LedgerField = { kind: string; businessDate: string; moved: { time: number; points: number } };

let f: OperationsFixture;
beforeEach(async () => { f = await makeOperationsFixture(); });
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;

function summed(fields: readonly LedgerField[], businessDate: string): KindCounters {
  const counters: KindCounters = {};
  for (const field of fields.filter((candidate) => candidate.businessDate === businessDate)) {
    const counter = (counters[field.kind] ??= { count: 0, time: 0, points: 0 });
    counter.count += 1;
    counter.time += field.moved.time;
    counter.points += field.moved.points;
  }
  return counters;
}

describe('the ledger field of a posted kiosk write', () => {
  it('equals what the close counts: chest split, redemption, a queued write across midnight; check 5 passes', async () => {
    f.at('2026-04-01T08:00:00+08:00');
    const activityId = await f.activity();
    const person = await f.person(1);
    await f.earn(person.id, { time: 90_000 - 15, points: 0 });
    const serviceId = await f.service({ asset: 'points', price: 5 });
    const dearServiceId = await f.service({ asset: 'points', price: 500 });
    const fields: LedgerField[] = [];
    const post = async (path: string, body: Record<string, unknown>, status = 201) => {
      const sent = await f.write(path, body);
      expect(sent.response.status).toBe(status);
      const answer = await json(sent.response);
      if (status === 201) fields.push(answer.ledger as LedgerField);
      return { answer, sent };
    };
    f.at('2026-04-01T09:00:00+08:00');
    const checkIn = await post('/api/v1/check-ins', { personId: person.id, activityId });
    expect(checkIn.answer.ledger).toEqual({ kind: 'check_in', businessDate: '2026-04-01', moved: { time: 0, points: 0 } });
    f.at('2026-04-01T10:00:00+08:00');
    const checkOut = await post('/api/v1/check-outs', { personId: person.id, activityId });
    expect(checkOut.answer).toMatchObject({ credited: { time: 15, points: 10 }, communityChestMinutes: 45 });
    expect(checkOut.answer.ledger).toEqual({ kind: 'check_out', businessDate: '2026-04-01', moved: { time: 60, points: 10 } });
    const redemption = await post('/api/v1/redemptions', { personId: person.id, serviceId });
    expect(redemption.answer.ledger).toEqual({ kind: 'redemption', businessDate: '2026-04-01', moved: { time: 0, points: 5 } });
    const refused = await post('/api/v1/redemptions', { personId: person.id, serviceId: dearServiceId }, 409);
    expect(refused.answer.ledger).toBeUndefined();

    // Made at 23:58, sent 7 minutes later (no offline flag): the server treats it as a queued offline fact, and the
    // close buckets it by its occurredAt on the first date even though it is recorded on the second.
    f.at('2026-04-01T23:58:00+08:00');
    const occurredAt = new Date(f.clock.nowMs).toISOString();
    f.at('2026-04-02T00:05:00+08:00');
    const late = await post('/api/v1/redemptions', { personId: person.id, serviceId, occurredAt });
    expect(late.answer.ledger).toEqual({ kind: 'redemption', businessDate: '2026-04-01', moved: { time: 0, points: 5 } });
    const replay = await f.kioskCall(f.kioskA, 'POST', '/api/v1/redemptions', late.sent.body);
    expect(replay.status).toBe(200);
    expect((await json(replay)).ledger).toEqual(late.answer.ledger);

    const day = '2026-04-01';
    const ledgerCounters = countByKind(await kioskTransactionsOccurred(f.database, f.kioskA.kioskId, businessDayStartMs(day), businessDayEndMs(day)));
    expect(summed(fields, day)).toEqual(ledgerCounters);
    expect(ledgerCounters).toEqual({ check_in: { count: 1, time: 0, points: 0 }, check_out: { count: 1, time: 60, points: 10 }, redemption: { count: 2, time: 0, points: 10 } });

    const report = { businessDate: day, lastKioskSeq: late.sent.body.kioskSeq, counters: summed(fields, day) };
    expect((await f.kioskCall(f.kioskA, 'POST', '/api/v1/kiosks/day-report', report)).status).toBe(201);
    const token = await f.login('manager-a');
    const closed = await json(await f.call('POST', `/api/v1/stations/${f.stationA}/closes`, { token, body: { businessDate: day } }));
    expect(closed.close.checks.find((check: { name: string }) => check.name === 'kiosk_sequences_and_counters')).toEqual({ name: 'kiosk_sequences_and_counters', ok: true });
  });
});
