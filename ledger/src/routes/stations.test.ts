// Proves the station settings routes: the points expiry setting is off until changed, a manager of the station or an
// admin above it changes it (clerks, auditors and other stations' managers get 403), bad input is 422, and every
// change is an audit record naming who changed what from what to what.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../../../tests/support/station-fixture.ts';
import { listAuditRows } from '../db/station/audit.ts';
import { verifyAuditChain } from '../services/audit.ts';

let f: Fixture;
beforeEach(async () => { f = await makeFixture(); });
afterEach(() => f.close());

const settingsPath = () => `/api/v1/stations/${f.stationA}/settings`;
const patch = (token: string, body: unknown) => f.call('PATCH', settingsPath(), { token, body });

describe('station settings', () => {
  it('reads points expiry as off by default', async () => {
    const response = await f.call('GET', settingsPath(), { token: f.tokens.clerkA });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ settings: { stationId: f.stationA, pointsExpiryEnabled: false } });
  });

  it('lets the station manager switch points expiry on and audits the change', async () => {
    const response = await patch(f.tokens.managerA, { pointsExpiryEnabled: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ settings: { stationId: f.stationA, pointsExpiryEnabled: true } });
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
});
