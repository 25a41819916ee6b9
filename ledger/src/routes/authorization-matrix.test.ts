// Proves every cell of the authorization matrix (every route × every caller, with a valid request built fresh per
// cell and aimed at station A, kiosk B at its own station), that no registered route is missing from the matrix or
// from this test's requests, and that every registered route is in the OpenAPI document.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import { makeTestKiosk, type TestKiosk } from '../../../tests/support/kiosk-signer.ts';
import { testPassword } from '../../../tests/support/station-fixture.ts';
import { insertItem } from '../db/operations/close-reconciliation.ts';
import { routeDocs } from '../openapi.ts';
import { makeOperationsFixture, type OperationsFixture } from '../operations/redemption/operations-fixture.ts';
import { authorizationMatrix, principals, type PrincipalName } from './authorization-matrix.ts';

type Cell = { path: string; body?: Record<string, unknown>; kioskWrite?: boolean };
type Station = { stationId: string; activityId: string; serviceId: string };

let f: OperationsFixture;
let at: { A: Station; B: Station };
let personId: string, earnerId: string, giverId: string, childId: string, managedActivityId: string;
let pickupCode: string;
let serial = 0;
let closeDay = Date.parse('2026-02-01T00:00:00Z');
const next = () => ++serial;
const staffUsernames: Partial<Record<PrincipalName, string>> = { clerkA: 'clerk-a', managerA: 'manager-a', managerB: 'manager-b', streetAdmin: 'street', auditor: 'auditor' };
const json = async (response: Response) => (await response.json()) as Record<string, any>;

beforeAll(async () => {
  f = await makeOperationsFixture();
  personId = await register(f.tokens.managerA, f.stationA, makeIdNumber('11010119700101001'));
  [earnerId, giverId, childId] = [await register(), await register(), await register()];
  await f.earn(earnerId, { time: 60_000, points: 10_000 });
  await f.earn(giverId, { time: 6_000, points: 0 });
  expect((await f.call('POST', `/api/v1/people/${giverId}/family-links`, { token: f.tokens.clerkA, body: { relativeId: childId, relation: 'child' } })).status).toBe(201);
  managedActivityId = await f.activity({ approval: 'manager' });
  at = { A: await station(f.stationA, f.tokens.managerA), B: await station(f.stationB, f.tokens.managerB) };
  // Kiosk A's first write makes receipt 1 verifiable; its redemption gives the pickup lookup a code to find.
  expect((await f.write('/api/v1/check-ins', { personId, activityId: at.A.activityId })).response.status).toBe(201);
  pickupCode = (await json((await f.write('/api/v1/redemptions', { personId: earnerId, serviceId: at.A.serviceId })).response)).pickupCode;
  expect((await f.call('POST', `/api/v1/stations/${f.stationA}/closes`, { token: f.tokens.managerA, body: { businessDate: '2026-01-31' } })).status).toBe(201);
});
afterAll(() => f.close());

async function station(stationId: string, token: string): Promise<Station> {
  const activity = await f.call('POST', '/api/v1/activities', { token, body: { stationId, title: '助老服务', startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T11:00:00+08:00' } });
  const service = await f.call('POST', '/api/v1/services', { token, body: { stationId, name: '理发', asset: 'time', price: 1 } });
  return { stationId, activityId: (await json(activity)).activity.id, serviceId: (await json(service)).service.id };
}

async function register(token = f.tokens.managerA, stationId = f.stationA, idNumber = makeIdNumber(`110101196501${String(10 + (serial % 18))}${String(next()).padStart(3, '0')}`)): Promise<string> {
  const response = await f.call('POST', '/api/v1/people', { token, body: { stationId, card: { idNumber, name: '李四' }, consentVersion: 'v1' } });
  expect(response.status).toBe(201);
  return (await json(response)).person.id;
}

const siteOf = (principal: PrincipalName): Station => (principal === 'kioskB' ? at.B : at.A);
const kioskOf = (principal: PrincipalName): TestKiosk | undefined => (principal === 'kioskA' ? f.kioskA : principal === 'kioskB' ? f.kioskB : undefined);
const staffWrite = () => ({ id: f.newId(), occurredAt: '2026-04-01T09:00:00+08:00' });

async function staffCreated(method: string, path: string, body?: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await f.call(method, path, { token: f.tokens.managerA, ...(body && { body }) });
  expect(response.status).toBe(201);
  return json(response);
}

async function staffPatched(path: string, body: Record<string, unknown>): Promise<void> {
  expect((await f.call('PATCH', path, { token: f.tokens.managerA, body })).status).toBe(200);
}

async function checkedIn(principal: PrincipalName): Promise<Record<string, unknown>> {
  const fields = { personId: await register(), activityId: siteOf(principal).activityId };
  expect((await f.write('/api/v1/check-ins', fields, kioskOf(principal))).response.status).toBe(201);
  return fields;
}

async function pendingApproval(): Promise<string> {
  const fields = { personId: await register(), activityId: managedActivityId };
  const checkIn = await f.write('/api/v1/check-ins', fields);
  expect((await f.write('/api/v1/check-outs', fields)).response.status).toBe(201);
  return checkIn.body.id as string;
}

async function freshClerk(): Promise<string> {
  return (await f.call('POST', '/api/v1/staff', { token: f.tokens.districtAdmin, body: { username: `clerk-${next()}`, password: testPassword, role: 'clerk', stationIds: [f.stationA] } }).then(json)).staff.id;
}

const freshKiosk = () => staffCreated('POST', '/api/v1/kiosks', { stationId: f.stationA, name: `kiosk ${next()}` });
const freshBooking = async () => (await staffCreated('POST', '/api/v1/bookings', { ...staffWrite(), stationId: f.stationA, personId: earnerId, serviceId: at.A.serviceId })).bookingId as string;
const freshRedemption = async () => (await json((await f.write('/api/v1/redemptions', { personId: earnerId, serviceId: at.A.serviceId })).response)).redemptionId as string;

async function supplementary(): Promise<string> {
  const id = f.newId();
  await staffCreated('POST', '/api/v1/attendances/supplementary', { id, personId: await register(), activityId: at.A.activityId, minutes: 15, reason: '测试' });
  return id;
}

async function freshItem(): Promise<string> {
  const id = f.newId();
  await insertItem(f.database, { id, stationId: f.stationA, kind: 'offline_shortfall', transactionId: null, asset: 'time', amount: 5, detail: '', openedAtMs: f.clock.nowMs });
  return id;
}

function nextCloseDate(): string {
  closeDay += 86_400_000;
  return new Date(closeDay).toISOString().slice(0, 10);
}

/** A valid request per route and caller; kiosk writes get their id, kioskSeq and occurredAt when sent. */
const requests: Record<string, (principal: PrincipalName) => Promise<Cell>> = {
  'GET /health': async () => ({ path: '/health' }),
  'GET /api/openapi.json': async () => ({ path: '/api/openapi.json' }),
  'POST /api/v1/staff/sessions': async () => ({ path: '/api/v1/staff/sessions', body: { username: 'manager-a', password: testPassword } }),
  'DELETE /api/v1/staff/sessions/current': async () => ({ path: '/api/v1/staff/sessions/current' }),
  'GET /api/v1/staff/me': async () => ({ path: '/api/v1/staff/me' }),
  'GET /api/v1/staff': async () => ({ path: '/api/v1/staff' }),
  'POST /api/v1/staff': async () => ({ path: '/api/v1/staff', body: { username: `new-${next()}`, password: testPassword, role: 'clerk', stationIds: [f.stationA] } }),
  'PUT /api/v1/staff/:staffId/role': async () => ({ path: `/api/v1/staff/${await freshClerk()}/role`, body: { role: 'clerk', stationIds: [f.stationA] } }),
  'GET /api/v1/stations': async () => ({ path: '/api/v1/stations' }),
  'POST /api/v1/activities': async () => ({ path: '/api/v1/activities', body: { stationId: f.stationA, title: '义诊', startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T11:00:00+08:00' } }),
  'GET /api/v1/activities': async () => ({ path: `/api/v1/activities?stationId=${f.stationA}&date=2026-04-01` }),
  'POST /api/v1/services': async () => ({ path: '/api/v1/services', body: { stationId: f.stationA, name: '理发', asset: 'time', price: 30 } }),
  'GET /api/v1/services': async () => ({ path: `/api/v1/services?stationId=${f.stationA}` }),
  'POST /api/v1/services/:serviceId/retirement': async () => ({ path: `/api/v1/services/${(await staffCreated('POST', '/api/v1/services', { stationId: f.stationA, name: '旧服务', asset: 'time', price: 5 })).service.id}/retirement` }),
  'POST /api/v1/identify': async () => ({ path: '/api/v1/identify', body: { card: { idNumber: makeIdNumber('11010119700101001') } } }),
  'POST /api/v1/people': async () => ({ path: '/api/v1/people', kioskWrite: true, body: { stationId: f.stationA, card: { idNumber: makeIdNumber(`110101197503${String(10 + (serial % 18))}${String(next()).padStart(3, '0')}`), name: '王五' }, consentVersion: 'v1' } }),
  'GET /api/v1/people': async () => ({ path: `/api/v1/people?stationId=${f.stationA}` }),
  'POST /api/v1/people/search': async () => ({ path: '/api/v1/people/search', body: { stationId: f.stationA, query: '王' } }),
  'GET /api/v1/people/:personId': async () => ({ path: `/api/v1/people/${personId}` }),
  'GET /api/v1/people/:personId/member-qr': async () => ({ path: `/api/v1/people/${personId}/member-qr` }),
  'GET /api/v1/people/:personId/entries': async () => ({ path: `/api/v1/people/${earnerId}/entries?limit=5` }),
  'PUT /api/v1/people/:personId/work-unit': async () => ({ path: `/api/v1/people/${personId}/work-unit`, body: { workUnit: '区民政局' } }),
  'GET /api/v1/reports/work-units': async () => ({ path: `/api/v1/reports/work-units?stationId=${f.stationA}&from=2026-04-01&to=2026-04-30` }),
  'GET /api/v1/reports/work-units.csv': async () => ({ path: `/api/v1/reports/work-units.csv?stationId=${f.stationA}&from=2026-04-01&to=2026-04-30` }),
  'POST /api/v1/people/:personId/reveal': async () => ({ path: `/api/v1/people/${personId}/reveal`, body: { reason: '核对身份信息' } }),
  'POST /api/v1/people/:personId/family-links': async () => ({ path: `/api/v1/people/${personId}/family-links`, body: { relativeId: await register(), relation: 'spouse' } }),
  'POST /api/v1/kiosks': async () => ({ path: '/api/v1/kiosks', body: { stationId: f.stationA, name: '新机' } }),
  'GET /api/v1/kiosks': async () => ({ path: '/api/v1/kiosks' }),
  'POST /api/v1/kiosks/enroll': async () => ({ path: '/api/v1/kiosks/enroll', body: { enrollmentCode: (await freshKiosk()).enrollmentCode, publicKeyJwk: (await makeTestKiosk()).publicKeyJwk } }),
  'POST /api/v1/kiosks/heartbeat': async () => ({ path: '/api/v1/kiosks/heartbeat', body: { printerPaper: 'ok', readerPresent: true, outboxLength: 0, appVersion: '1' } }),
  'POST /api/v1/kiosks/sequence-voids': async () => ({ path: '/api/v1/kiosks/sequence-voids', kioskWrite: true, body: { reason: 'registration_lost' } }),
  'POST /api/v1/kiosks/:kioskId/revocation': async () => ({ path: `/api/v1/kiosks/${(await freshKiosk()).kioskId}/revocation` }),
  'GET /api/v1/audit': async () => ({ path: '/api/v1/audit' }),
  'GET /api/v1/audit/verify': async () => ({ path: '/api/v1/audit/verify' }),
  'POST /api/v1/check-ins': async (principal) => ({ path: '/api/v1/check-ins', kioskWrite: true, body: { personId: await register(), activityId: siteOf(principal).activityId } }),
  'POST /api/v1/check-outs': async (principal) => ({ path: '/api/v1/check-outs', kioskWrite: true, body: kioskOf(principal) ? await checkedIn(principal) : { personId, activityId: at.A.activityId } }),
  'GET /api/v1/receipts/:kioskId/:kioskSeq': async () => ({ path: `/api/v1/receipts/${f.kioskA.kioskId}/1` }),
  'GET /api/v1/approvals': async () => ({ path: `/api/v1/approvals?stationId=${f.stationA}` }),
  'POST /api/v1/approvals/:attendanceId/approve': async () => ({ path: `/api/v1/approvals/${await pendingApproval()}/approve`, body: {} }),
  'POST /api/v1/approvals/:attendanceId/reject': async () => ({ path: `/api/v1/approvals/${await pendingApproval()}/reject`, body: {} }),
  'POST /api/v1/attendances/supplementary': async () => ({ path: '/api/v1/attendances/supplementary', body: { personId: await register(), activityId: at.A.activityId, minutes: 15, reason: '补录' } }),
  'POST /api/v1/attendances/sweep': async () => ({ path: '/api/v1/attendances/sweep' }),
  'GET /api/v1/people/:personId/balances': async () => ({ path: `/api/v1/people/${earnerId}/balances` }),
  'GET /api/v1/ledger/transactions': async () => ({ path: '/api/v1/ledger/transactions?afterSeq=0&limit=10' }),
  'GET /api/v1/ledger/verify': async () => ({ path: '/api/v1/ledger/verify' }),
  'POST /api/v1/transactions/:transactionId/reversal': async () => ({ path: `/api/v1/transactions/${await supplementary()}/reversal`, body: { id: f.newId(), reason: '冲正测试' } }),
  'GET /api/v1/ledger/export.csv': async () => ({ path: `/api/v1/ledger/export.csv?stationId=${f.stationA}&from=2026-04-01&to=2026-04-01` }),
  'POST /api/v1/redemptions': async (principal) => ({ path: '/api/v1/redemptions', kioskWrite: true, body: { personId: earnerId, serviceId: siteOf(principal).serviceId } }),
  'GET /api/v1/redemptions/pickup': async () => ({ path: `/api/v1/redemptions/pickup?stationId=${f.stationA}&code=${pickupCode}` }),
  'POST /api/v1/redemptions/:redemptionId/collection': async () => ({ path: `/api/v1/redemptions/${await freshRedemption()}/collection` }),
  'POST /api/v1/bookings': async (principal) => ({ path: '/api/v1/bookings', kioskWrite: true, body: { ...(!kioskOf(principal) && staffWrite()), stationId: f.stationA, personId: earnerId, serviceId: siteOf(principal).serviceId } }),
  'GET /api/v1/bookings': async () => ({ path: `/api/v1/bookings?stationId=${f.stationA}` }),
  'POST /api/v1/bookings/:holdId/delivery': async () => ({ path: `/api/v1/bookings/${await freshBooking()}/delivery`, body: { id: f.newId() } }),
  'POST /api/v1/bookings/:holdId/cancellation': async () => ({ path: `/api/v1/bookings/${await freshBooking()}/cancellation`, body: { id: f.newId() } }),
  'POST /api/v1/gifts': async (principal) => ({ path: '/api/v1/gifts', kioskWrite: true, body: { ...(!kioskOf(principal) && staffWrite()), fromPersonId: giverId, toPersonId: childId, minutes: 1 } }),
  'GET /api/v1/reconciliation': async () => ({ path: `/api/v1/reconciliation?stationId=${f.stationA}` }),
  'POST /api/v1/reconciliation/:itemId/resolve': async () => ({ path: `/api/v1/reconciliation/${await freshItem()}/resolve`, body: { note: '已核对' } }),
  'POST /api/v1/stations/:stationId/closes': async () => ({ path: `/api/v1/stations/${f.stationA}/closes`, body: { businessDate: nextCloseDate() } }),
  'GET /api/v1/stations/:stationId/closes': async () => ({ path: `/api/v1/stations/${f.stationA}/closes` }),
  'GET /api/v1/stations/:stationId/closes/:businessDate': async () => ({ path: `/api/v1/stations/${f.stationA}/closes/2026-01-31` }),
  'GET /api/v1/stations/:stationId/closes/:businessDate/print': async () => ({ path: `/api/v1/stations/${f.stationA}/closes/2026-01-31/print` }),
  'GET /api/v1/stations/:stationId/settings': async () => ({ path: `/api/v1/stations/${f.stationA}/settings` }),
  'PATCH /api/v1/stations/:stationId/settings': async () => ({ path: `/api/v1/stations/${f.stationA}/settings`, body: { pointsExpiryEnabled: true } }),
  // The setting is switched on first, so an allowed caller runs 2025 (or answers the stored run).
  'POST /api/v1/stations/:stationId/points-expiry': async () => {
    await staffPatched(`/api/v1/stations/${f.stationA}/settings`, { pointsExpiryEnabled: true });
    return { path: `/api/v1/stations/${f.stationA}/points-expiry`, body: { year: 2025 } };
  },
  'POST /api/v1/kiosks/day-report': async () => ({ path: '/api/v1/kiosks/day-report', body: { businessDate: '2026-04-01', lastKioskSeq: 0, counters: {} } }),
};

async function send(principal: PrincipalName, method: string, cell: Cell, route: string): Promise<Response> {
  const kiosk = kioskOf(principal);
  if (kiosk && cell.kioskWrite) return (await f.write(cell.path, cell.body ?? {}, kiosk)).response;
  if (kiosk) return f.kioskCall(kiosk, method, cell.path, cell.body);
  let token: string | undefined;
  // Logging out ends the session, so that route gets a session of its own.
  const username = staffUsernames[principal] as 'clerk-a' | undefined;
  if (username) token = route === 'DELETE /api/v1/staff/sessions/current' ? await f.login(username) : f.tokens[principal as keyof typeof f.tokens];
  return f.call(method, cell.path, { ...(token && { token }), ...(cell.body !== undefined && { body: cell.body }) });
}

describe('authorization matrix', () => {
  for (const [route, expectations] of Object.entries(authorizationMatrix)) {
    it(`enforces ${route} for every caller`, async () => {
      const [method] = route.split(' ') as [string];
      const builder = requests[route];
      expect(builder, `no request for ${route}`).toBeDefined();
      const outcomes: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const principal of principals) {
        const response = await send(principal, method, await builder!(principal), route);
        outcomes[principal] = response.status >= 200 && response.status < 300 ? 'ok' : String(response.status);
        wanted[principal] = String(expectations[principal]);
      }
      expect(outcomes).toEqual(wanted);
    });
  }

  it('lists every registered route, with a request for each', () => {
    const registered = [...new Set(f.app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`))];
    expect(registered.length).toBeGreaterThan(50);
    expect(registered.filter((route) => !(route in authorizationMatrix)).sort()).toEqual([]);
    expect(Object.keys(authorizationMatrix).filter((route) => !(route in requests))).toEqual([]);
    expect(Object.keys(requests).filter((route) => !(route in authorizationMatrix))).toEqual([]);
  });

  it('describes every registered route in the OpenAPI document', async () => {
    const documented = new Set(routeDocs.map((doc) => `${doc.method.toUpperCase()} ${doc.path}`));
    const registered = f.app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`);
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
    const served = (await (await f.call('GET', '/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(served.paths['/api/v1/people/{personId}/reveal']).toBeDefined();
  });
});
