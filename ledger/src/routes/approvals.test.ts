// Proves the approvals queue and manual attendance: the sweep auto-closes forgotten check-outs with 0 credit exactly
// after the deadline, managers approve (decided or chosen minutes, capped at the scheduled length) or reject once,
// supplementary hours (补录) are capped with earlier credit and always audited.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAttendanceFixture, type AttendanceFixture } from '../operations/attendance/attendance-fixture.ts';

let f: AttendanceFixture;
let activityId: string;
let person: { id: string };
let manager: string;
beforeEach(async () => {
  f = await makeAttendanceFixture();
  activityId = await f.activity();
  person = await f.person(1);
});
afterEach(() => f.close());
const json = async (response: Response) => (await response.json()) as Record<string, any>;

async function checkInAndSweepAt(sweepAt: string) {
  await f.write('/api/v1/check-ins', { personId: person.id, activityId });
  f.at(sweepAt);
  manager = await f.login('manager-a');
  return json(await f.call('POST', '/api/v1/attendances/sweep', { token: manager }));
}

const queue = async () => (await json(await f.call('GET', `/api/v1/approvals?stationId=${f.stationA}`, { token: manager }))).approvals as Record<string, any>[];

describe('forgotten check-out sweep', () => {
  it('leaves an attendance open at the deadline and closes it 1 ms later with 0 credit, queued', async () => {
    expect(await checkInAndSweepAt('2026-04-01T11:30:00+08:00')).toEqual({ checked: 1, closed: 0 });
    f.clock.nowMs += 1;
    expect(await json(await f.call('POST', '/api/v1/attendances/sweep', { token: manager }))).toEqual({ checked: 1, closed: 1 });
    expect(await queue()).toMatchObject([{ reason: 'forgotten', proposedMinutes: 0, rawMinutes: 150, maxMinutes: 120, closedAt: '2026-04-01T03:30:00.000Z' }]);
    expect(await json(await f.call('POST', '/api/v1/attendances/sweep', { token: manager }))).toEqual({ checked: 0, closed: 0 });
    const out = await f.write('/api/v1/check-outs', { personId: person.id, activityId });
    expect((await json(out.response)).code).toBe('not_checked_in');
  });
});

describe('approvals', () => {
  it('credits a forgotten attendance with the minutes a manager chooses, up to the scheduled length', async () => {
    await checkInAndSweepAt('2026-04-01T12:00:00+08:00');
    const [item] = await queue();
    const tooMany = await f.call('POST', `/api/v1/approvals/${item!.id}/approve`, { token: manager, body: { minutes: 121 } });
    expect(tooMany.status).toBe(409);
    expect((await json(tooMany)).code).toBe('supplementary_exceeds_scheduled');
    const approved = await f.call('POST', `/api/v1/approvals/${item!.id}/approve`, { token: manager, body: { minutes: 120 } });
    expect(approved.status).toBe(201);
    expect(await json(approved)).toMatchObject({ approval: { decision: 'approved', minutes: 120, points: 20 }, balances: { time: 120, points: 20 } });
    expect(await queue()).toEqual([]);
    const again = await f.call('POST', `/api/v1/approvals/${item!.id}/reject`, { token: manager, body: {} });
    expect((await json(again)).code).toBe('approval_already_decided');
  });

  it('credits a manager-mode attendance with its decided minutes when approved without minutes', async () => {
    const managed = await f.activity({ approval: 'manager' });
    await f.write('/api/v1/check-ins', { personId: person.id, activityId: managed });
    f.at('2026-04-01T09:45:00+08:00');
    await f.write('/api/v1/check-outs', { personId: person.id, activityId: managed });
    manager = await f.login('manager-a');
    const [item] = await queue();
    const approved = await json(await f.call('POST', `/api/v1/approvals/${item!.id}/approve`, { token: manager, body: {} }));
    expect(approved).toMatchObject({ approval: { minutes: 45, points: 7 }, balances: { time: 45, points: 7 } });
  });

  it('rejects with no credit, and refuses clerks (403) and another station’s manager (403)', async () => {
    await checkInAndSweepAt('2026-04-01T12:00:00+08:00');
    const [item] = await queue();
    expect((await f.call('POST', `/api/v1/approvals/${item!.id}/approve`, { token: await f.login('clerk-a'), body: {} })).status).toBe(403);
    expect((await f.call('POST', `/api/v1/approvals/${item!.id}/approve`, { token: await f.login('manager-b'), body: {} })).status).toBe(403);
    const rejected = await f.call('POST', `/api/v1/approvals/${item!.id}/reject`, { token: manager, body: { reason: '未到场' } });
    expect(rejected.status).toBe(201);
    expect(await json(await f.call('GET', `/api/v1/people/${person.id}/balances`, { token: manager }))).toMatchObject({ time: 0, points: 0 });
  });
});

describe('supplementary hours (补录)', () => {
  it('adds minutes up to the scheduled length minus earlier credit, refuses more, and audits both', async () => {
    await f.write('/api/v1/check-ins', { personId: person.id, activityId });
    f.at('2026-04-01T10:00:00+08:00');
    await f.write('/api/v1/check-outs', { personId: person.id, activityId });
    manager = await f.login('manager-a');
    const over = await f.call('POST', '/api/v1/attendances/supplementary', { token: manager, body: { personId: person.id, activityId, minutes: 61, reason: '补录签到' } });
    expect(over.status).toBe(409);
    expect(await json(over)).toEqual({ code: 'supplementary_exceeds_scheduled', detail: 'at most 60 min' });
    const id = f.newId();
    const body = { id, personId: person.id, activityId, minutes: 60, reason: '补录签到' };
    const added = await f.call('POST', '/api/v1/attendances/supplementary', { token: manager, body });
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ supplementary: { minutes: 60, points: 10 }, balances: { time: 120, points: 20 } });
    expect((await f.call('POST', '/api/v1/attendances/supplementary', { token: manager, body })).status).toBe(200);
    const audit = await json(await f.call('GET', '/api/v1/audit?afterSeq=0&limit=200', { token: await f.login('admin') }));
    const adjustments = (audit.records ?? audit.audit ?? audit.entries ?? []).filter((row: Record<string, unknown>) => row.event === 'supplementary_minutes');
    expect(adjustments.map((row: Record<string, unknown>) => row.outcome)).toEqual(['failure', 'success']);
  });
});
