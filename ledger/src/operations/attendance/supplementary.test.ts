// Proves supplementary hours (补录) are dated like check-outs: by the attendance's check-in business date, so the
// daily points cap is counted on the same Asia/Shanghai day for an activity that starts before midnight.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAttendanceFixture, type AttendanceFixture } from './attendance-fixture.ts';

let f: AttendanceFixture;
beforeEach(async () => { f = await makeAttendanceFixture(); });
afterEach(() => f.close());
const json = async (response: Response) => (await response.json()) as Record<string, any>;

describe('supplementary credit business date', () => {
  it('counts the daily points cap on the check-in day when the activity starts before midnight', async () => {
    const activityId = await f.activity({ startsAt: '2026-04-01T23:30:00+08:00', endsAt: '2026-04-02T01:30:00+08:00', pointsPerHour: 20, pointsDailyCapPoints: 25 });
    const person = await f.person(1);
    f.at('2026-04-02T00:05:00+08:00');
    expect((await f.write('/api/v1/check-ins', { personId: person.id, activityId })).response.status).toBe(201);
    f.at('2026-04-02T01:05:00+08:00');
    const out = await json((await f.write('/api/v1/check-outs', { personId: person.id, activityId })).response);
    expect(out).toMatchObject({ minutes: 60, credited: { time: 60, points: 20 } });
    const manager = await f.login('manager-a');
    const body = { id: f.newId(), personId: person.id, activityId, minutes: 30, reason: '补录签到' };
    const added = await f.call('POST', '/api/v1/attendances/supplementary', { token: manager, body });
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ supplementary: { minutes: 30, points: 5 } });
  });

  it('dates the credit by the activity start when the person never checked in', async () => {
    const activityId = await f.activity({ startsAt: '2026-04-01T23:30:00+08:00', endsAt: '2026-04-02T01:30:00+08:00', pointsPerHour: 20, pointsDailyCapPoints: 25 });
    const person = await f.person(2);
    f.at('2026-04-02T09:00:00+08:00');
    const manager = await f.login('manager-a');
    const add = (minutes: number) => f.call('POST', '/api/v1/attendances/supplementary', { token: manager, body: { id: f.newId(), personId: person.id, activityId, minutes, reason: '补录签到' } });
    expect(await json(await add(60))).toMatchObject({ supplementary: { minutes: 60, points: 20 } });
    expect(await json(await add(30))).toMatchObject({ supplementary: { minutes: 30, points: 5 } });
  });
});
