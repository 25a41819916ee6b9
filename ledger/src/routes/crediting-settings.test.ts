// Proves the crediting settings and corrections around check-out: the daily points cap is an activity setting
// (default 40, at and past its limit), a reversed credit stops counting toward the daily cap and the 补录 cap, offline
// check-ins and check-outs count from the kiosk's occurredAt (never from the future), and retired services cannot be
// redeemed or booked.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOperationsFixture, type OperationsFixture } from '../operations/redemption/operations-fixture.ts';

let f: OperationsFixture;
let serial = 0;
beforeEach(async () => { f = await makeOperationsFixture(); });
afterEach(() => f.close());
const json = async (response: Response) => (await response.json()) as Record<string, any>;

/** Checks a new person in at `inAt` and out at `outAt` (Shanghai times on 2026-04-01), online. */
async function attend(activityId: string, inAt: string, outAt: string, personId?: string) {
  const id = personId ?? (await f.person(++serial)).id;
  f.at(`2026-04-01T${inAt}:00+08:00`);
  expect((await f.write('/api/v1/check-ins', { personId: id, activityId })).response.status).toBe(201);
  f.at(`2026-04-01T${outAt}:00+08:00`);
  const out = await f.write('/api/v1/check-outs', { personId: id, activityId });
  expect(out.response.status).toBe(201);
  return { personId: id, transactionId: out.body.id as string, body: await json(out.response) };
}

const reverse = async (transactionId: string) => {
  const response = await f.call('POST', `/api/v1/transactions/${transactionId}/reversal`, { token: await f.login('manager-a'), body: { id: f.newId(), reason: '误签冲正' } });
  expect(response.status).toBe(201);
};

describe('the daily points cap as an activity setting', () => {
  it('caps points at the activity setting (20 points per hour for 2 hours, cap 25 → 25)', async () => {
    const activityId = await f.activity({ pointsPerHour: 20, pointsDailyCapPoints: 25 });
    const { body } = await attend(activityId, '09:00', '11:00');
    expect(body.credited).toEqual({ time: 120, points: 25 });
  });

  it('credits exactly up to the cap and nothing past it on a second activity the same day', async () => {
    const first = await f.activity({ pointsPerHour: 20, pointsDailyCapPoints: 40 });
    const second = await f.activity({ title: '下午活动', startsAt: '2026-04-01T14:00:00+08:00', endsAt: '2026-04-01T16:00:00+08:00' });
    const morning = await attend(first, '09:00', '11:00');
    expect(morning.body.credited.points).toBe(40);
    const afternoon = await attend(second, '14:00', '16:00', morning.personId);
    expect(afternoon.body.credited).toEqual({ time: 120, points: 0 });
  });

  it('defaults to 40 and shows the setting on the activity', async () => {
    const response = await f.call('POST', '/api/v1/activities', { token: f.tokens.managerA, body: { stationId: f.stationA, title: '义诊', startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T11:00:00+08:00' } });
    expect((await json(response)).activity.pointsDailyCapPoints).toBe(40);
    const refused = await f.call('POST', '/api/v1/activities', { token: f.tokens.managerA, body: { stationId: f.stationA, title: '义诊', startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T11:00:00+08:00', pointsDailyCapPoints: -1 } });
    expect(refused.status).toBe(422);
  });
});

describe('reversed credits', () => {
  it('stop counting toward the daily points cap', async () => {
    const first = await f.activity({ pointsPerHour: 20 });
    const second = await f.activity({ title: '下午活动', startsAt: '2026-04-01T14:00:00+08:00', endsAt: '2026-04-01T16:00:00+08:00', pointsPerHour: 20 });
    const morning = await attend(first, '09:00', '11:00');
    expect(morning.body.credited.points).toBe(40);
    await reverse(morning.transactionId);
    const afternoon = await attend(second, '14:00', '16:00', morning.personId);
    expect(afternoon.body.credited.points).toBe(40);
    expect(afternoon.body.balances).toEqual({ time: 120, points: 40 });
  });

  it('stop counting toward the 补录 cap of the activity', async () => {
    const activityId = await f.activity();
    const personId = (await f.person(++serial)).id;
    const token = await f.login('manager-a');
    const add = (minutes: number) => f.call('POST', '/api/v1/attendances/supplementary', { token, body: { id: f.newId(), personId, activityId, minutes, reason: '补录签到' } });
    const full = await add(120);
    expect(full.status).toBe(201);
    const over = await add(15);
    expect(await json(over)).toMatchObject({ code: 'supplementary_exceeds_scheduled' });
    const ledger = await json(await f.call('GET', '/api/v1/ledger/transactions?afterSeq=0&limit=100', { token: await f.login('auditor') }));
    const credit = ledger.transactions.find((row: { kind: string; status: string; postings: unknown[] }) => row.status === 'posted' && row.kind !== 'check_in' && row.postings.length > 0);
    await reverse(credit.id);
    expect((await add(120)).status).toBe(201);
  });
});

describe('offline check-ins and check-outs', () => {
  it('record the kiosk occurredAt as the attendance times when uploaded later', async () => {
    const activityId = await f.activity();
    const personId = (await f.person(++serial)).id;
    f.at('2026-04-01T12:00:00+08:00');
    const checkIn = await f.write('/api/v1/check-ins', { personId, activityId, offline: true, occurredAt: '2026-04-01T09:00:00+08:00' });
    expect(checkIn.response.status).toBe(201);
    expect((await json(checkIn.response)).checkedInAt).toBe('2026-04-01T01:00:00.000Z');
    const checkOut = await f.write('/api/v1/check-outs', { personId, activityId, offline: true, occurredAt: '2026-04-01T10:30:00+08:00' });
    expect(checkOut.response.status).toBe(201);
    expect(await json(checkOut.response)).toMatchObject({ minutes: 90, credited: { time: 90, points: 15 } });
    const feed = await json(await f.call('GET', '/api/v1/ledger/transactions?afterSeq=0&limit=100', { token: await f.login('auditor') }));
    const checkOutRow = feed.transactions.find((row: { id: string }) => row.id === checkOut.body.id);
    expect(checkOutRow).toMatchObject({ occurredAt: '2026-04-01T02:30:00.000Z', recordedAt: '2026-04-01T04:00:00.000Z' });
  });

  it('never count from a kiosk time in the future (server time wins)', async () => {
    const activityId = await f.activity();
    const personId = (await f.person(++serial)).id;
    f.at('2026-04-01T09:00:00+08:00');
    expect((await f.write('/api/v1/check-ins', { personId, activityId })).response.status).toBe(201);
    f.at('2026-04-01T10:00:00+08:00');
    const checkOut = await f.write('/api/v1/check-outs', { personId, activityId, offline: true, occurredAt: '2026-04-01T10:50:00+08:00' });
    expect(await json(checkOut.response)).toMatchObject({ minutes: 60 });
  });
});

describe('retired services', () => {
  it('cannot be redeemed or booked, and kiosks no longer list them', async () => {
    const personId = (await f.person(++serial)).id;
    await f.earn(personId);
    const serviceId = await f.service({ asset: 'time', price: 30 });
    const retired = await f.call('POST', `/api/v1/services/${serviceId}/retirement`, { token: f.tokens.clerkA });
    expect(retired.status).toBe(200);
    expect((await json(retired)).service.status).toBe('retired');
    const redeemed = await f.write('/api/v1/redemptions', { personId, serviceId });
    expect(redeemed.response.status).toBe(409);
    expect(await json(redeemed.response)).toEqual({ code: 'service_inactive' });
    expect(await json((await f.write('/api/v1/bookings', { personId, serviceId })).response)).toEqual({ code: 'service_inactive' });
    const listed = await json(await f.kioskCall(f.kioskA, 'GET', `/api/v1/services?stationId=${f.stationA}`));
    expect(listed.services.map((service: { id: string }) => service.id)).not.toContain(serviceId);
    const staffList = await json(await f.call('GET', `/api/v1/services?stationId=${f.stationA}`, { token: f.tokens.clerkA }));
    expect(staffList.services).toContainEqual(expect.objectContaining({ id: serviceId, status: 'retired' }));
    expect(await f.engine.getBalances(personId)).toEqual({ time: 120, points: 20 });
  });

  it('answers service_not_found for an unknown service and 403 for another station’s manager', async () => {
    const serviceId = await f.service({ asset: 'points', price: 5 });
    expect((await f.call('POST', `/api/v1/services/01JZZZZZZZZZZZZZZZZZZZZZZZ/retirement`, { token: f.tokens.clerkA })).status).toBe(404);
    expect((await f.call('POST', `/api/v1/services/${serviceId}/retirement`, { token: f.tokens.managerB })).status).toBe(403);
  });
});
