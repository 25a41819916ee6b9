// Proves staff login, sessions (idle and absolute expiry), throttling, staff management within scope, and that
// logins, failures and role changes land in the audit chain.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, testPassword, type Fixture } from '../../../tests/support/station-fixture.ts';
import { sessionAbsoluteMsMax, sessionIdleMsMax } from '../services/staff-auth.ts';

let fixture: Fixture;
beforeEach(async () => { fixture = await makeFixture(); });
afterEach(() => fixture.close());

const login = (username: string, password: string, client = '10.0.0.1') =>
  fixture.call('POST', '/api/v1/staff/sessions', { body: { username, password }, headers: { 'cf-connecting-ip': client } });

describe('staff sessions', () => {
  it('logs in with the design §5 response shape and answers /me', async () => {
    const response = await login('manager-a', testPassword);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { token: string; staff: { id: string; username: string; role: string; stationIds: string[] } };
    expect(body.staff).toMatchObject({ username: 'manager-a', role: 'station_manager', stationIds: [fixture.stationA] });
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const me = await fixture.call('GET', '/api/v1/staff/me', { token: body.token });
    expect(me.status).toBe(200);
  });

  it('refuses a wrong password and an unknown user alike (invalid_credentials)', async () => {
    expect(await (await login('manager-a', 'wrong password!')).json()).toEqual({ code: 'invalid_credentials' });
    expect((await login('nobody', testPassword)).status).toBe(401);
  });

  it('throttles after 5 failures of one user from one client, but not the same user from another client (too_many_attempts)', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await login('clerk-a', 'wrong password!')).status).toBe(401);
    const blocked = await login('clerk-a', testPassword);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toEqual({ code: 'too_many_attempts' });
    expect((await login('clerk-a', testPassword, '10.0.0.2')).status).toBe(201);
    fixture.clock.nowMs += 15 * 60_000 + 1;
    expect((await login('clerk-a', testPassword)).status).toBe(201);
  });

  it('ends a session after 30 idle minutes, not before', async () => {
    fixture.clock.nowMs += sessionIdleMsMax;
    expect((await fixture.call('GET', '/api/v1/staff/me', { token: fixture.tokens.clerkA })).status).toBe(200);
    fixture.clock.nowMs += sessionIdleMsMax + 1;
    expect(await (await fixture.call('GET', '/api/v1/staff/me', { token: fixture.tokens.clerkA })).json()).toEqual({ code: 'unauthenticated' });
  });

  it('ends an active session at the 12-hour absolute limit', async () => {
    const token = fixture.tokens.clerkA;
    const steps = Math.ceil(sessionAbsoluteMsMax / (20 * 60_000));
    for (let step = 0; step < steps - 1; step++) {
      fixture.clock.nowMs += 20 * 60_000;
      expect((await fixture.call('GET', '/api/v1/staff/me', { token })).status).toBe(200);
    }
    fixture.clock.nowMs += 21 * 60_000;
    expect((await fixture.call('GET', '/api/v1/staff/me', { token })).status).toBe(401);
  });

  it('logs out: the token stops working', async () => {
    expect((await fixture.call('DELETE', '/api/v1/staff/sessions/current', { token: fixture.tokens.clerkA })).status).toBe(200);
    expect((await fixture.call('GET', '/api/v1/staff/me', { token: fixture.tokens.clerkA })).status).toBe(401);
  });
});

describe('staff management', () => {
  it('lets a street admin create a clerk of a station below it, but not a district admin (role_not_grantable)', async () => {
    const clerk = await fixture.call('POST', '/api/v1/staff', { token: fixture.tokens.streetAdmin, body: { username: 'clerk-b', password: testPassword, role: 'clerk', stationIds: [fixture.stationB] } });
    expect(clerk.status).toBe(201);
    const admin = await fixture.call('POST', '/api/v1/staff', { token: fixture.tokens.streetAdmin, body: { username: 'boss', password: testPassword, role: 'district_admin', regionId: fixture.districtId } });
    expect(await admin.json()).toEqual({ code: 'role_not_grantable' });
  });

  it('refuses a duplicate username (username_taken) and a short password (invalid_input)', async () => {
    const taken = await fixture.call('POST', '/api/v1/staff', { token: fixture.tokens.districtAdmin, body: { username: 'clerk-a', password: testPassword, role: 'clerk', stationIds: [fixture.stationA] } });
    expect(await taken.json()).toEqual({ code: 'username_taken' });
    const short = await fixture.call('POST', '/api/v1/staff', { token: fixture.tokens.districtAdmin, body: { username: 'x', password: 'short', role: 'clerk', stationIds: [fixture.stationA] } });
    expect(short.status).toBe(422);
    expect(((await short.json()) as { detail: string }).detail).toMatch(/^password:/);
  });

  it('changes a role, ends the user’s sessions, and audits it', async () => {
    const list = (await (await fixture.call('GET', '/api/v1/staff', { token: fixture.tokens.districtAdmin })).json()) as { staff: { id: string; username: string }[] };
    const clerk = list.staff.find((member) => member.username === 'clerk-a')!;
    const changed = await fixture.call('PUT', `/api/v1/staff/${clerk.id}/role`, { token: fixture.tokens.districtAdmin, body: { role: 'station_manager', stationIds: [fixture.stationA] } });
    expect(changed.status).toBe(200);
    expect((await fixture.call('GET', '/api/v1/staff/me', { token: fixture.tokens.clerkA })).status).toBe(401);
    const audit = (await (await fixture.call('GET', '/api/v1/audit?limit=1000', { token: fixture.tokens.auditor })).json()) as { records: { event: string; outcome: string; target: string }[] };
    expect(audit.records).toContainEqual(expect.objectContaining({ event: 'role_changed', outcome: 'success', target: clerk.id }));
  });

  it('records logins and failed logins in a chain that verifies', async () => {
    await login('manager-a', 'wrong password!');
    const audit = (await (await fixture.call('GET', '/api/v1/audit?limit=1000', { token: fixture.tokens.auditor })).json()) as { records: { event: string; outcome: string }[] };
    expect(audit.records.filter((record) => record.event === 'login' && record.outcome === 'failure')).toHaveLength(1);
    expect(audit.records.filter((record) => record.event === 'login' && record.outcome === 'success').length).toBeGreaterThanOrEqual(6);
    expect(await (await fixture.call('GET', '/api/v1/audit/verify', { token: fixture.tokens.auditor })).json()).toMatchObject({ ok: true });
  });
});
