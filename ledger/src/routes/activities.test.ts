// Proves the station's `pointsDailyCapDefault` setting (rule 8, docs/station-settings.md): a new activity created
// without a cap gets 40 when the station set nothing and the station's value otherwise; a cap given in the request
// wins; activities created before a change keep theirs; and the lowered cap takes effect at check-out at its limit.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAttendanceFixture, type AttendanceFixture } from '../operations/attendance/attendance-fixture.ts';

let f: AttendanceFixture;
beforeEach(async () => { f = await makeAttendanceFixture(); });
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const activityBody = { title: '助老服务', startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T11:00:00+08:00' };
async function createActivity(stationId: string, token: string, extra: Record<string, unknown> = {}) {
  const response = await f.call('POST', '/api/v1/activities', { token, body: { stationId, ...activityBody, ...extra } });
  expect(response.status).toBe(201);
  return (await json(response)).activity as { id: string; pointsDailyCapPoints: number };
}
const setPointsDefault = async (value: number | null) => {
  expect((await f.call('PATCH', `/api/v1/stations/${f.stationA}/settings`, { token: f.tokens.managerA, body: { pointsDailyCapDefault: value } })).status).toBe(200);
};

describe('the station’s default daily points cap for new activities', () => {
  it('gives a new activity 40 points a day when the station has no settings row', async () => {
    expect((await createActivity(f.stationA, f.tokens.managerA)).pointsDailyCapPoints).toBe(40);
  });

  it('gives new activities the station’s value, keeps the cap of activities created before, and lets a request override it', async () => {
    const before = await createActivity(f.stationA, f.tokens.managerA);
    await setPointsDefault(0);
    expect((await createActivity(f.stationA, f.tokens.managerA)).pointsDailyCapPoints).toBe(0);
    expect((await createActivity(f.stationA, f.tokens.streetAdmin, { pointsDailyCapPoints: 15 })).pointsDailyCapPoints).toBe(15);
    expect((await createActivity(f.stationB, f.tokens.managerB)).pointsDailyCapPoints).toBe(40);
    const listed = await json(await f.call('GET', `/api/v1/activities?stationId=${f.stationA}&date=2026-04-01`, { token: f.tokens.managerA }));
    expect(listed.activities.find((activity: { id: string }) => activity.id === before.id).pointsDailyCapPoints).toBe(40);
    await setPointsDefault(null);
    expect((await createActivity(f.stationA, f.tokens.managerA)).pointsDailyCapPoints).toBe(40);
  });

  it('credits at most the station’s default cap at check-out (12 points of 20 earned)', async () => {
    await setPointsDefault(12);
    const activityId = await f.activity({ pointsPerHour: 10 });
    const person = await f.person(1);
    expect((await f.write('/api/v1/check-ins', { personId: person.id, activityId })).response.status).toBe(201);
    f.at('2026-04-01T11:00:00+08:00');
    const checkOut = await f.write('/api/v1/check-outs', { personId: person.id, activityId });
    expect(checkOut.response.status).toBe(201);
    expect((await json(checkOut.response)).balances).toEqual({ time: 120, points: 12 });
  });
});
