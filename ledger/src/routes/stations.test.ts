// Proves the station settings routes: every setting reads as its default until changed, a manager of the station or an
// admin above it changes it (clerks, auditors and other stations' managers get 403), bad input is 422 with nothing
// stored, and every change is an audit record naming who changed what from what to what.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, testPassword, type Fixture } from '../../../tests/support/station-fixture.ts';
import { listStationsDueForExpiry } from '../db/operations/points-expiry.ts';
import { listAuditRows } from '../db/station/audit.ts';
import { verifyAuditChain } from '../services/audit.ts';
import { rowCounts } from '../../../tests/support/row-counts.ts';

let f: Fixture;
beforeEach(async () => { f = await makeFixture(); });
afterEach(() => f.close());

const settingsPath = () => `/api/v1/stations/${f.stationA}/settings`;
const patch = (token: string, body: unknown) => f.call('PATCH', settingsPath(), { token, body });
const defaults = { pointsExpiryEnabled: false, pairsPerDayMax: 3, pointsDailyCapDefault: 40, timeStorageCapMinutes: 90_000, giftYearlyCapMinutes: 6_000 };
const settingsChanges = async () => (await listAuditRows(f.database, 0, 500)).filter((row) => row.event === 'station_settings_changed');

describe('station settings', () => {
  it('reads every setting as its default when the station never set one', async () => {
    const response = await f.call('GET', settingsPath(), { token: f.tokens.clerkA });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ settings: { stationId: f.stationA, ...defaults } });
  });

  it('lets the station manager switch points expiry on and audits the change', async () => {
    const response = await patch(f.tokens.managerA, { pointsExpiryEnabled: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ settings: { stationId: f.stationA, ...defaults, pointsExpiryEnabled: true } });
    expect(await (await f.call('GET', settingsPath(), { token: f.tokens.auditor })).json()).toMatchObject({ settings: { pointsExpiryEnabled: true } });
    const changes = (await listAuditRows(f.database, 0, 500)).filter((row) => row.event === 'station_settings_changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ actorType: 'staff', stationId: f.stationA, outcome: 'success', target: `station:${f.stationA}` });
    expect(JSON.parse(changes[0]!.detail)).toEqual({ setting: 'pointsExpiryEnabled', from: false, to: true });
    expect((await verifyAuditChain(f.database)).ok).toBe(true);
  });

  it('lets a street admin above the station switch it back off', async () => {
    await patch(f.tokens.managerA, { pointsExpiryEnabled: true });
    expect((await patch(f.tokens.streetAdmin, { pointsExpiryEnabled: false })).status).toBe(200);
    expect(await (await f.call('GET', settingsPath(), { token: f.tokens.managerA })).json()).toMatchObject({ settings: { pointsExpiryEnabled: false } });
  });

  it('refuses clerks, auditors and another station’s manager (403) and changes nothing', async () => {
    for (const token of [f.tokens.clerkA, f.tokens.auditor, f.tokens.managerB]) expect((await patch(token, { pointsExpiryEnabled: true })).status).toBe(403);
    expect(await (await f.call('GET', settingsPath(), { token: f.tokens.managerA })).json()).toMatchObject({ settings: { pointsExpiryEnabled: false } });
    expect((await listAuditRows(f.database, 0, 500)).filter((row) => row.event === 'station_settings_changed')).toEqual([]);
  });

  it('rejects a value that is not a boolean (422 invalid_input)', async () => {
    const response = await patch(f.tokens.managerA, { pointsExpiryEnabled: 'yes' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'invalid_input' });
  });

  it('rejects a points expiry year outside the allowed range (422 invalid_input)', async () => {
    const response = await f.call('POST', `/api/v1/stations/${f.stationA}/points-expiry`, { token: f.tokens.managerA, body: { year: 1999 } });
    expect(response.status).toBe(422);
  });

  it('changes the rule settings at their limits, shows the effective values and audits one record per setting', async () => {
    const limits = { pairsPerDayMax: 20, pointsDailyCapDefault: 10_000, timeStorageCapMinutes: 60, giftYearlyCapMinutes: 0 };
    const response = await patch(f.tokens.managerA, limits);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ settings: { stationId: f.stationA, ...defaults, ...limits } });
    expect(await (await f.call('GET', settingsPath(), { token: f.tokens.auditor })).json()).toEqual({ settings: { stationId: f.stationA, ...defaults, ...limits } });
    expect((await settingsChanges()).map((row) => JSON.parse(row.detail))).toEqual([
      { setting: 'pairsPerDayMax', from: 3, to: 20 }, { setting: 'pointsDailyCapDefault', from: 40, to: 10_000 },
      { setting: 'timeStorageCapMinutes', from: 90_000, to: 60 }, { setting: 'giftYearlyCapMinutes', from: 6_000, to: 0 },
    ]);
    expect((await verifyAuditChain(f.database)).ok).toBe(true);
  });

  it('sets a rule setting back to its default with null', async () => {
    await patch(f.tokens.managerA, { pairsPerDayMax: 2 });
    expect((await patch(f.tokens.districtAdmin, { pairsPerDayMax: null })).status).toBe(200);
    expect(await (await f.call('GET', settingsPath(), { token: f.tokens.managerA })).json()).toEqual({ settings: { stationId: f.stationA, ...defaults } });
    expect(JSON.parse((await settingsChanges())[1]!.detail)).toEqual({ setting: 'pairsPerDayMax', from: 2, to: 3 });
  });

  it('keeps the expiry switch time when another setting changes, so the year-end sweep still runs that station', async () => {
    await patch(f.tokens.managerA, { pointsExpiryEnabled: true });
    f.clock.nowMs = Date.parse('2027-01-05T09:00:00+08:00');
    const token = (await (await f.call('POST', '/api/v1/staff/sessions', { body: { username: 'manager-a', password: testPassword } })).json() as { token: string }).token;
    expect((await patch(token, { pointsExpiryEnabled: true, pairsPerDayMax: 4 })).status).toBe(200);
    expect(await listStationsDueForExpiry(f.database, { year: 2026, yearEndMs: Date.parse('2027-01-01T00:00:00+08:00') })).toEqual([f.stationA]);
  });

  it('rejects each setting outside its range, or no setting at all (422 invalid_input), and stores and audits nothing', async () => {
    const before = await rowCounts(f.database);
    const cases: [Record<string, unknown>, string][] = [
      [{ pairsPerDayMax: 0 }, 'pairsPerDayMax: must be an integer 1–20'], [{ pairsPerDayMax: 21 }, 'pairsPerDayMax: must be an integer 1–20'],
      [{ pairsPerDayMax: 2.5 }, 'pairsPerDayMax: must be an integer 1–20'], [{ pointsDailyCapDefault: -1 }, 'pointsDailyCapDefault: must be an integer 0–10000'],
      [{ timeStorageCapMinutes: 59 }, 'timeStorageCapMinutes: must be an integer 60–10000000'], [{ timeStorageCapMinutes: 10_000_001 }, 'timeStorageCapMinutes: must be an integer 60–10000000'],
      [{ giftYearlyCapMinutes: '600' }, 'giftYearlyCapMinutes: must be an integer 0–10000000'], [{ pairsPerDayMax: 2, timeStorageCapMinutes: 1 }, 'timeStorageCapMinutes: must be an integer 60–10000000'],
      [{}, 'at least one setting is required'],
    ];
    for (const [body, detail] of cases) {
      const response = await patch(f.tokens.managerA, body);
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ code: 'invalid_input', detail });
    }
    expect(await rowCounts(f.database)).toEqual(before);
    expect(await (await f.call('GET', settingsPath(), { token: f.tokens.managerA })).json()).toEqual({ settings: { stationId: f.stationA, ...defaults } });
  });

  it('refuses the rule settings to clerks, auditors and another station’s manager (403)', async () => {
    for (const token of [f.tokens.clerkA, f.tokens.auditor, f.tokens.managerB]) expect((await patch(token, { pairsPerDayMax: 1, giftYearlyCapMinutes: 0 })).status).toBe(403);
    expect((await patch(f.tokens.streetAdmin, { timeStorageCapMinutes: 6_000 })).status).toBe(200);
    expect(await settingsChanges()).toHaveLength(1);
  });
});
