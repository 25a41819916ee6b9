// Proves 双报到: staff set and clear a person's work unit (normalised, audited, within their stations), and the
// report per work unit of a station's members over inclusive business dates counts members, check-ins and credited
// minutes and points (reversed credits excluded, other stations' members left out), as JSON and as CSV with a BOM.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import { makeOperationsFixture, type OperationsFixture } from '../operations/redemption/operations-fixture.ts';

let f: OperationsFixture;
beforeEach(async () => { f = await makeOperationsFixture(); });
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const setUnit = (personId: string, workUnit: unknown, token = f.tokens.clerkA) => f.call('PUT', `/api/v1/people/${personId}/work-unit`, { token, body: { workUnit } });
const report = (from: string, to: string, suffix = '', token = f.tokens.clerkA) => f.call('GET', `/api/v1/reports/work-units${suffix}?stationId=${f.stationA}&from=${from}&to=${to}`, { token });

async function registerWith(workUnit: string, stationId = f.stationA, token = f.tokens.clerkA, serial = '001'): Promise<string> {
  const response = await f.call('POST', '/api/v1/people', { token, body: { stationId, card: { idNumber: makeIdNumber(`11010119750505${serial}`), name: '党员' }, consentVersion: 'v1', workUnit } });
  expect(response.status).toBe(201);
  return (await json(response)).person.id;
}

describe('PUT /api/v1/people/{personId}/work-unit', () => {
  it('sets a normalised work unit, clears it with null, and audits both', async () => {
    const person = await f.person(1);
    const set = await setUnit(person.id, '  区卫健委\u3000 ');
    expect(set.status).toBe(200);
    expect(await json(set)).toEqual({ personId: person.id, workUnit: '区卫健委' });
    expect((await json(await f.call('GET', `/api/v1/people/${person.id}`, { token: f.tokens.clerkA }))).person.workUnit).toBe('区卫健委');
    expect(await json(await setUnit(person.id, null))).toEqual({ personId: person.id, workUnit: null });
    const audit = await json(await f.call('GET', '/api/v1/audit?limit=1000', { token: f.tokens.auditor }));
    const changes = audit.records.filter((record: { event: string }) => record.event === 'work_unit_changed');
    expect(changes.map((record: { target: string; detail: unknown }) => [record.target, record.detail])).toEqual([
      [person.id, { from: null, to: '区卫健委' }], [person.id, { from: '区卫健委', to: null }],
    ]);
  });

  it('refuses a name over 100 characters or a missing field (invalid_input), and staff of another station (403)', async () => {
    const person = await f.person(1);
    expect((await setUnit(person.id, '单'.repeat(100))).status).toBe(200);
    expect(await json(await setUnit(person.id, '单'.repeat(101)))).toEqual({ code: 'invalid_input', detail: 'workUnit: length must be 0–100' });
    expect((await f.call('PUT', `/api/v1/people/${person.id}/work-unit`, { token: f.tokens.clerkA, body: {} })).status).toBe(422);
    expect((await setUnit(person.id, '区教育局', f.tokens.managerB)).status).toBe(403);
    expect((await setUnit('01JNOBODY0000000000000000A', '区教育局')).status).toBe(404);
  });
});

describe('GET /api/v1/reports/work-units', () => {
  async function serviceDay() {
    const activityId = await f.activity();
    const health = await f.person(1);
    await setUnit(health.id, '区卫健委');
    const healthToo = await registerWith('区卫健委');
    const education = await registerWith('区教育局', f.stationA, f.tokens.clerkA, '002');
    const noUnit = await f.person(3);
    await registerWith('区卫健委', f.stationB, f.tokens.managerB, '003');
    for (const personId of [health.id, education, noUnit.id]) expect((await f.write('/api/v1/check-ins', { personId, activityId })).response.status).toBe(201);
    f.at('2026-04-01T10:00:00+08:00');
    for (const personId of [health.id, noUnit.id]) expect((await f.write('/api/v1/check-outs', { personId, activityId })).response.status).toBe(201);
    // Sessions idle for the hour the clock moved have expired.
    [f.tokens.clerkA, f.tokens.managerA] = [await f.login('clerk-a'), await f.login('manager-a')];
    const token = f.tokens.managerA;
    // 补录 for the second member, then reversed: it no longer counts.
    const supplementaryId = f.newId();
    expect((await f.call('POST', '/api/v1/attendances/supplementary', { token, body: { id: supplementaryId, personId: healthToo, activityId, minutes: 30, reason: '补录测试' } })).status).toBe(201);
    expect((await f.call('POST', `/api/v1/transactions/${supplementaryId}/reversal`, { token, body: { id: f.newId(), reason: '录错了' } })).status).toBe(201);
  }

  it('counts members, check-ins and credited minutes and points per work unit, with totals', async () => {
    await serviceDay();
    const response = await report('2026-04-01', '2026-04-01');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await json(response)).toEqual({
      stationId: f.stationA, from: '2026-04-01', to: '2026-04-01',
      workUnits: [
        { workUnit: '区教育局', members: 1, attendances: 1, creditedMinutes: 0, creditedPoints: 0 },
        { workUnit: '区卫健委', members: 2, attendances: 1, creditedMinutes: 60, creditedPoints: 10 },
      ],
      totals: { members: 3, attendances: 2, creditedMinutes: 60, creditedPoints: 10 },
    });
  });

  it('counts only service inside the period, and members regardless of it', async () => {
    await serviceDay();
    const later = await json(await report('2026-04-02', '2026-04-30'));
    expect(later.totals).toEqual({ members: 3, attendances: 0, creditedMinutes: 0, creditedPoints: 0 });
  });

  it('answers CSV in UTF-8 with a BOM, a header and a totals line', async () => {
    await serviceDay();
    const response = await report('2026-04-01', '2026-04-01', '.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split('\r\n')).toEqual([
      '工作单位,报到党员（人）,参加活动（次）,服务时长（分钟）,积分', '区教育局,1,1,0,0', '区卫健委,2,1,60,10', '合计,3,2,60,10', '',
    ]);
  });

  it('refuses a period that ends before it starts or is longer than 366 days (date_range_invalid), and other stations (403)', async () => {
    expect((await report('2026-04-02', '2026-04-01')).status).toBe(422);
    expect((await report('2026-01-01', '2027-01-01')).status).toBe(200);
    expect(await json(await report('2026-01-01', '2027-01-02'))).toEqual({ code: 'date_range_invalid', detail: 'to: must be on or after from, at most 366 days' });
    expect((await report('2026-04-01', '2026-04-01', '', f.tokens.managerB)).status).toBe(403);
  });
});
