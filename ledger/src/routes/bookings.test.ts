// Proves bookings with holds (rule 12): a booking reserves the price, delivery posts it (also partly, returning
// the rest), cancellation voids it, the sweep expires it after its deadline, and each hold resolves exactly once.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBooking, stationOfHold } from '../db/operations/redemption.ts';
import { expireDueHolds } from '../operations/redemption/booking-unit.ts';
import { makeOperationsFixture, type OperationsFixture } from '../operations/redemption/operations-fixture.ts';

let f: OperationsFixture;
let person: { id: string };
let serviceId: string;
beforeEach(async () => {
  f = await makeOperationsFixture();
  person = await f.person(1);
  await f.earn(person.id);
  serviceId = await f.service({ asset: 'time', price: 60 });
});
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const book = (fields: Record<string, unknown> = {}) => f.write('/api/v1/bookings', { personId: person.id, serviceId, ...fields });
const staff = (path: string, body: unknown) => f.call('POST', path, { token: f.tokens.clerkA, body });
const balances = () => f.engine.getBalances(person.id);

describe('bookings', () => {
  it('holds the price at booking and posts part of it on delivery, returning the rest', async () => {
    const { response, body } = await book();
    expect(response.status).toBe(201);
    expect((await json(response)).balances.time).toBe(60);
    const delivered = await staff(`/api/v1/bookings/${body.id}/delivery`, { id: f.newId(), amount: 45 });
    expect(delivered.status).toBe(201);
    expect(await balances()).toEqual({ time: 75, points: 20 });
    const again = await staff(`/api/v1/bookings/${body.id}/cancellation`, { id: f.newId() });
    expect(again.status).toBe(409);
    expect(await json(again)).toEqual({ code: 'hold_already_resolved' });
    expect(await f.engine.trialBalance()).toEqual({ time: 0, points: 0 });
  });

  it('refuses a delivery above the held amount (422) and accepts exactly the held amount', async () => {
    const { body } = await book();
    expect((await staff(`/api/v1/bookings/${body.id}/delivery`, { id: f.newId(), amount: 61 })).status).toBe(422);
    expect((await staff(`/api/v1/bookings/${body.id}/delivery`, { id: f.newId(), amount: 60 })).status).toBe(201);
    expect(await balances()).toEqual({ time: 60, points: 20 });
  });

  it('voids on cancellation and refuses a booking beyond the balance (insufficient_balance)', async () => {
    const { body } = await book();
    await book();
    const third = await book();
    expect(third.response.status).toBe(409);
    expect(await json(third.response)).toEqual({ code: 'insufficient_balance' });
    expect((await staff(`/api/v1/bookings/${body.id}/cancellation`, { id: f.newId() })).status).toBe(201);
    expect((await balances()).time).toBe(60);
  });

  it('lists the station’s bookings with their hold status', async () => {
    const { body } = await book();
    const listed = await json(await f.call('GET', `/api/v1/bookings?stationId=${f.stationA}`, { token: f.tokens.clerkA }));
    expect(listed.bookings).toEqual([expect.objectContaining({ bookingId: body.id, status: 'pending', amount: 60 })]);
  });

  it('expires holds after their deadline (server time) once, and not before', async () => {
    const { body } = await book({ deadline: '2026-04-01T12:00:00+08:00' });
    expect((await expireDueHolds(f.engine, (holdId) => stationOfHold(f.database, holdId), Date.parse('2026-04-01T11:59:59+08:00'))).expired).toBe(0);
    f.at('2026-04-01T12:00:00+08:00');
    expect((await expireDueHolds(f.engine, (holdId) => stationOfHold(f.database, holdId), f.clock.nowMs)).expired).toBe(1);
    expect((await expireDueHolds(f.engine, (holdId) => stationOfHold(f.database, holdId), f.clock.nowMs)).expired).toBe(0);
    expect((await balances()).time).toBe(120);
    expect(await findBooking(f.database, body.id as string)).toMatchObject({ holdId: body.id, status: 'expired' });
  });
});
