// Proves the one minute timer: a tick runs the sweeps (a forgotten check-out is closed and a due hold expired, in
// one logged line; from 1 January the year-end points expiry of an enabled station), nothing is logged when nothing was due, a failing run logs its error name only and the next tick
// retries, and stop ends the ticks.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBooking } from '../db/operations/redemption.ts';
import { startMinuteSweeps } from './minute-sweeps.ts';
import { makeOperationsFixture, type OperationsFixture } from './redemption/operations-fixture.ts';

const tickMs = 10;
let f: OperationsFixture;
let stop: (() => void) | undefined;
beforeEach(async () => { f = await makeOperationsFixture(); });
afterEach(() => { stop?.(); f.close(); });

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
}

describe('startMinuteSweeps', () => {
  it('closes a forgotten check-out and expires a due hold on one tick, logging one line', async () => {
    const person = await f.person(1);
    await f.earn(person.id);
    const activityId = await f.activity();
    expect((await f.write('/api/v1/check-ins', { personId: person.id, activityId })).response.status).toBe(201);
    const serviceId = await f.service({ asset: 'time', price: 30 });
    const booking = await f.write('/api/v1/bookings', { personId: person.id, serviceId, deadline: '2026-04-01T12:00:00+08:00' });
    expect(booking.response.status).toBe(201);
    f.at('2026-04-02T09:00:00+08:00');
    const lines: string[] = [];
    stop = startMinuteSweeps({ ledger: f.engine, database: f.database, nowMs: () => f.clock.nowMs, log: (line) => lines.push(line), intervalMs: tickMs });
    await until(() => lines.length > 0);
    expect(JSON.parse(lines[0]!)).toEqual({ level: 'info', outcome: 'minute_sweeps', attendancesClosed: 1, holdsExpired: 1, pointsExpiryStationsRun: 0, pointsExpired: 0 });
    expect(await findBooking(f.database, booking.body.id as string)).toMatchObject({ status: 'expired' });
    await new Promise((resolve) => setTimeout(resolve, 5 * tickMs));
    expect(lines).toHaveLength(1);
  });

  it('runs the points expiry of an enabled station on the first tick of the new year, once', async () => {
    const person = await f.person(1);
    f.at('2025-06-01T10:00:00+08:00');
    await f.earn(person.id, { time: 0, points: 30 });
    f.at('2026-04-01T09:00:00+08:00');
    expect((await f.call('PATCH', `/api/v1/stations/${f.stationA}/settings`, { token: await f.login('manager-a'), body: { pointsExpiryEnabled: true } })).status).toBe(200);
    f.at('2027-01-01T00:05:00+08:00');
    const lines: string[] = [];
    stop = startMinuteSweeps({ ledger: f.engine, database: f.database, nowMs: () => f.clock.nowMs, log: (line) => lines.push(line), intervalMs: tickMs });
    await until(() => lines.length > 0);
    expect(JSON.parse(lines[0]!)).toEqual({ level: 'info', outcome: 'minute_sweeps', attendancesClosed: 0, holdsExpired: 0, pointsExpiryStationsRun: 1, pointsExpired: 30 });
    await new Promise((resolve) => setTimeout(resolve, 5 * tickMs));
    expect(lines).toHaveLength(1);
  });

  it('logs a failure by its error name only, retries on the next tick, and stops when told', async () => {
    let calls = 0;
    const lines: string[] = [];
    // Reads fail as an unreachable database would; the error's message must not reach the log.
    const failingDb = new Proxy(f.database.db, {
      get: (target, name) => {
        if (name !== 'select') return Reflect.get(target, name);
        calls += 1;
        throw new RangeError('secret 13812345678');
      },
    });
    const database = { ...f.database, db: failingDb };
    stop = startMinuteSweeps({ ledger: f.engine, database, nowMs: () => f.clock.nowMs, log: (line) => lines.push(line), intervalMs: tickMs });
    await until(() => lines.length >= 2);
    stop();
    const afterStop = calls;
    expect(lines.slice(0, 2).map((line) => JSON.parse(line))).toEqual([
      { level: 'error', outcome: 'minute_sweeps_failed', error: 'RangeError' }, { level: 'error', outcome: 'minute_sweeps_failed', error: 'RangeError' },
    ]);
    expect(lines.join('\n')).not.toContain('13812345678');
    await new Promise((resolve) => setTimeout(resolve, 5 * tickMs));
    expect(calls).toBe(afterStop);
  });
});
