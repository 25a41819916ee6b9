// Proves POST /api/v1/check-outs: crediting through domain/ rules — window clipping with early and late handling,
// rounding, minimum attendance, points with the daily cap, the storage cap overflowing to the community chest,
// manager-approval and forgotten check-outs crediting nothing yet — and that racing check-outs credit once.

import { afterEach, describe, expect, it } from 'vitest';
import { createLedger } from '../db/ledger/ledger.ts';
import { sampleUnit } from '../db/ledger/sample-units.ts';
import { openDatabase } from '../db/client.ts';
import { makeAttendanceFixture, type AttendanceFixture } from '../operations/attendance/attendance-fixture.ts';

let f: AttendanceFixture;
afterEach(() => f.close());
const json = async (response: Response) => (await response.json()) as Record<string, any>;

async function attend(activity: Record<string, unknown>, inAt: string, outAt: string, serial = 1) {
  f.at('2026-04-01T08:00:00+08:00');
  const activityId = await f.activity(activity);
  const person = await f.person(serial);
  f.at(inAt);
  const checkIn = await f.write('/api/v1/check-ins', { personId: person.id, activityId });
  expect(checkIn.response.status).toBe(201);
  f.at(outAt);
  const out = await f.write('/api/v1/check-outs', { personId: person.id, activityId });
  return { status: out.response.status, body: await json(out.response), person, activityId, sent: out.body };
}

describe('POST /api/v1/check-outs', () => {
  it('counts an early arrival from the start and rounds down to 15 minutes (65 → 60 min, 10 points)', async () => {
    f = await makeAttendanceFixture();
    const out = await attend({}, '2026-04-01T08:50:00+08:00', '2026-04-01T10:05:00+08:00');
    expect(out.status).toBe(201);
    expect(out.body).toMatchObject({ minutes: 60, credited: { time: 60, points: 10 }, balances: { time: 60, points: 10 }, pendingApproval: false });
    expect(out.body.receipt).toMatchObject({ kind: 'check_out', kioskSeq: 2 });
    expect(out.body.receipt.lines).toContain('获得时间币：60 分钟（1 小时）');
    const verified = await json(await f.call('GET', `/api/v1/receipts/${f.kioskA.kioskId}/2`));
    expect(verified).toMatchObject({ valid: true, kind: 'check_out', amounts: { time: 60, points: 10 } });
    expect(JSON.stringify(verified)).not.toContain(out.person.id);
  });

  it('counts minutes after the end up to the late grace (11:20 → 135 min after rounding; 11:30 → 150 min)', async () => {
    f = await makeAttendanceFixture();
    expect((await attend({}, '2026-04-01T09:00:00+08:00', '2026-04-01T11:20:00+08:00', 1)).body.minutes).toBe(135);
    expect((await attend({}, '2026-04-01T09:00:00+08:00', '2026-04-01T11:30:00+08:00', 2)).body.minutes).toBe(150);
  });

  it('credits nothing below the minimum attendance ratio and credits at exactly the ratio (60% of 120 = 72 min)', async () => {
    f = await makeAttendanceFixture();
    const rules = { minAttendancePercent: 60, rounding: { mode: 'exact' } };
    const below = await attend(rules, '2026-04-01T09:00:00+08:00', '2026-04-01T10:11:00+08:00', 1);
    expect(below.body).toMatchObject({ minutes: 0, credited: { time: 0, points: 0 }, notes: ['below_minimum_attendance'] });
    const at = await attend(rules, '2026-04-01T09:00:00+08:00', '2026-04-01T10:12:00+08:00', 2);
    expect(at.body).toMatchObject({ minutes: 72, credited: { time: 72, points: 12 } });
  });

  it('caps points at 40 a day (60 earned → 40, points_capped) and credits exactly 40 without a note', async () => {
    f = await makeAttendanceFixture();
    const capped = await attend({ pointsPerHour: 30 }, '2026-04-01T09:00:00+08:00', '2026-04-01T11:00:00+08:00', 1);
    expect(capped.body).toMatchObject({ credited: { time: 120, points: 40 }, notes: ['points_capped'] });
    const exact = await attend({ pointsPerHour: 20 }, '2026-04-01T09:00:00+08:00', '2026-04-01T11:00:00+08:00', 2);
    expect(exact.body).toMatchObject({ credited: { time: 120, points: 40 }, notes: [] });
  });

  it('sends minutes above the 1,500-hour storage cap to the station community chest with a note', async () => {
    const database = await openDatabase({ url: ':memory:' });
    const engine = createLedger({ client: database.client, db: database.db, nowMs: Date.now });
    f = await makeAttendanceFixture({ database, engine });
    const activityId = await f.activity();
    const person = await f.person(1);
    expect((await engine.submit(sampleUnit('PRELOAD', { type: 'credit', personId: person.id, asset: 'time', amount: 90_000 - 15 }))).status).toBe('created');
    await f.write('/api/v1/check-ins', { personId: person.id, activityId });
    f.at('2026-04-01T10:00:00+08:00');
    const out = await json((await f.write('/api/v1/check-outs', { personId: person.id, activityId })).response);
    expect(out).toMatchObject({ minutes: 60, credited: { time: 15, points: 10 }, communityChestMinutes: 45, balances: { time: 90_000, points: 10 } });
    expect(out.receipt.lines.join('')).toContain('转入公益池');
    expect(await engine.getBalances({ ownerKind: 'station', ownerId: f.stationA, purpose: 'community_chest' })).toEqual({ time: 45, points: 0 });
  });

  it('credits nothing at check-out for a manager-approved activity and queues it', async () => {
    f = await makeAttendanceFixture();
    const out = await attend({ approval: 'manager' }, '2026-04-01T09:00:00+08:00', '2026-04-01T10:00:00+08:00');
    expect(out.body).toMatchObject({ minutes: 60, credited: { time: 0, points: 0 }, balances: { time: 0, points: 0 }, pendingApproval: true, approval: 'manager' });
    const queue = await json(await f.call('GET', `/api/v1/approvals?stationId=${f.stationA}`, { token: await f.login('manager-a') }));
    expect(queue.approvals).toMatchObject([{ id: out.body.attendanceId, reason: 'manager', proposedMinutes: 60 }]);
  });

  it('closes a check-out after the deadline at the deadline with 0 credit for approval (forgotten)', async () => {
    f = await makeAttendanceFixture();
    const out = await attend({}, '2026-04-01T09:00:00+08:00', '2026-04-01T11:30:01+08:00');
    expect(out.body).toMatchObject({ minutes: 0, credited: { time: 0, points: 0 }, approval: 'forgotten', checkedOutAt: '2026-04-01T03:30:00.000Z' });
  });

  it('refuses a check-out without a check-in (not_checked_in), stored and final', async () => {
    f = await makeAttendanceFixture();
    const activityId = await f.activity();
    const person = await f.person(1);
    const { response, body } = await f.write('/api/v1/check-outs', { personId: person.id, activityId });
    expect(response.status).toBe(409);
    expect(await json(response)).toEqual({ code: 'not_checked_in' });
    await f.write('/api/v1/check-ins', { personId: person.id, activityId });
    const replay = await f.kioskCall(f.kioskA, 'POST', '/api/v1/check-outs', body);
    expect(replay.status).toBe(409);
  });

  it('credits once when two kiosks race to check the same person out', async () => {
    f = await makeAttendanceFixture();
    const activityId = await f.activity();
    const person = await f.person(1);
    await f.write('/api/v1/check-ins', { personId: person.id, activityId });
    f.at('2026-04-01T10:00:00+08:00');
    const [first, second] = await Promise.all([
      f.write('/api/v1/check-outs', { personId: person.id, activityId }),
      f.write('/api/v1/check-outs', { personId: person.id, activityId }, f.kioskA),
    ]);
    expect([first.response.status, second.response.status].sort()).toEqual([201, 409]);
    const balances = await json(await f.call('GET', `/api/v1/people/${person.id}/balances`, { token: await f.login('manager-a') }));
    expect(balances).toMatchObject({ time: 60, points: 10 });
  });
});
