// Proves every cell of the authorization matrix (every route × every caller), and that no registered route is
// missing from the matrix or from the OpenAPI document.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import { makeTestKiosk } from '../../../tests/support/kiosk-signer.ts';
import { makeFixture, testPassword, type Fixture } from '../../../tests/support/station-fixture.ts';
import { routeDocs } from '../openapi.ts';
import { authorizationMatrix, principals, type PrincipalName } from './authorization-matrix.ts';

let fixture: Fixture;
let personId: string;
let serial = 0;
const staffUsernames: Partial<Record<PrincipalName, string>> = { clerkA: 'clerk-a', managerA: 'manager-a', managerB: 'manager-b', streetAdmin: 'street', auditor: 'auditor' };

beforeAll(async () => {
  fixture = await makeFixture();
  personId = await registerPerson();
});
afterAll(() => fixture.close());

const next = () => ++serial;

async function registerPerson(): Promise<string> {
  const response = await fixture.call('POST', '/api/v1/people', { token: fixture.tokens.managerA, body: { stationId: fixture.stationA, card: { idNumber: uniqueIdNumber(), name: '李四' }, phone: `139${String(next()).padStart(8, '0')}`, consentVersion: 'v1' } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { person: { id: string } }).person.id;
}

let idSerial = 0;
function uniqueIdNumber(): string {
  idSerial += 1;
  return makeIdNumber(`11010119700101${String(idSerial).padStart(3, '0')}`);
}

async function freshClerk(): Promise<string> {
  const response = await fixture.call('POST', '/api/v1/staff', { token: fixture.tokens.districtAdmin, body: { username: `clerk-${next()}`, password: testPassword, role: 'clerk', stationIds: [fixture.stationA] } });
  return ((await response.json()) as { staff: { id: string } }).staff.id;
}

async function freshKiosk(): Promise<{ kioskId: string; enrollmentCode: string }> {
  const response = await fixture.call('POST', '/api/v1/kiosks', { token: fixture.tokens.districtAdmin, body: { stationId: fixture.stationA, name: `kiosk ${next()}` } });
  return (await response.json()) as { kioskId: string; enrollmentCode: string };
}

type Cell = { path: string; body?: unknown };
/** A valid request per route, aimed at station A; built fresh per cell so single-use things stay valid. */
const requests: Record<string, () => Promise<Cell>> = {
  'GET /health': async () => ({ path: '/health' }),
  'GET /api/openapi.json': async () => ({ path: '/api/openapi.json' }),
  'POST /api/v1/staff/sessions': async () => ({ path: '/api/v1/staff/sessions', body: { username: 'manager-a', password: testPassword } }),
  'DELETE /api/v1/staff/sessions/current': async () => ({ path: '/api/v1/staff/sessions/current' }),
  'GET /api/v1/staff/me': async () => ({ path: '/api/v1/staff/me' }),
  'GET /api/v1/staff': async () => ({ path: '/api/v1/staff' }),
  'POST /api/v1/staff': async () => ({ path: '/api/v1/staff', body: { username: `new-${next()}`, password: testPassword, role: 'clerk', stationIds: [fixture.stationA] } }),
  'PUT /api/v1/staff/:staffId/role': async () => ({ path: `/api/v1/staff/${await freshClerk()}/role`, body: { role: 'clerk', stationIds: [fixture.stationA] } }),
  'GET /api/v1/stations': async () => ({ path: '/api/v1/stations' }),
  'POST /api/v1/activities': async () => ({ path: '/api/v1/activities', body: { stationId: fixture.stationA, title: '义诊', startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T11:00:00+08:00' } }),
  'GET /api/v1/activities': async () => ({ path: `/api/v1/activities?stationId=${fixture.stationA}&date=2026-04-01` }),
  'POST /api/v1/services': async () => ({ path: '/api/v1/services', body: { stationId: fixture.stationA, name: '理发', asset: 'time', price: 30 } }),
  'GET /api/v1/services': async () => ({ path: `/api/v1/services?stationId=${fixture.stationA}` }),
  'POST /api/v1/identify': async () => ({ path: '/api/v1/identify', body: { card: { idNumber: makeIdNumber('11010119700101001') } } }),
  'POST /api/v1/people': async () => {
    const card = { idNumber: uniqueIdNumber(), name: '王五' };
    return { path: '/api/v1/people', body: { id: `01JMATRXX${String(next()).padStart(17, '0')}`, kioskSeq: serial, occurredAt: '2026-04-01T09:00:00+08:00', stationId: fixture.stationA, card, consentVersion: 'v1' } };
  },
  'GET /api/v1/people': async () => ({ path: `/api/v1/people?stationId=${fixture.stationA}` }),
  'GET /api/v1/people/:personId': async () => ({ path: `/api/v1/people/${personId}` }),
  'GET /api/v1/people/:personId/member-qr': async () => ({ path: `/api/v1/people/${personId}/member-qr` }),
  'POST /api/v1/people/:personId/reveal': async () => ({ path: `/api/v1/people/${personId}/reveal`, body: { reason: '核对身份信息' } }),
  'POST /api/v1/people/:personId/family-links': async () => ({ path: `/api/v1/people/${personId}/family-links`, body: { relativeId: await registerPerson(), relation: 'spouse' } }),
  'POST /api/v1/kiosks': async () => ({ path: '/api/v1/kiosks', body: { stationId: fixture.stationA, name: '新机' } }),
  'GET /api/v1/kiosks': async () => ({ path: '/api/v1/kiosks' }),
  'POST /api/v1/kiosks/enroll': async () => ({ path: '/api/v1/kiosks/enroll', body: { enrollmentCode: (await freshKiosk()).enrollmentCode, publicKeyJwk: (await makeTestKiosk()).publicKeyJwk } }),
  'POST /api/v1/kiosks/heartbeat': async () => ({ path: '/api/v1/kiosks/heartbeat', body: { printerPaper: 'ok', readerPresent: true, outboxLength: 0, appVersion: '1' } }),
  'POST /api/v1/kiosks/:kioskId/revocation': async () => ({ path: `/api/v1/kiosks/${(await freshKiosk()).kioskId}/revocation` }),
  'GET /api/v1/audit': async () => ({ path: '/api/v1/audit' }),
  'GET /api/v1/audit/verify': async () => ({ path: '/api/v1/audit/verify' }),
};

async function send(principal: PrincipalName, method: string, cell: Cell, route: string): Promise<Response> {
  if (principal === 'kioskA' || principal === 'kioskB') return fixture.kioskCall(principal === 'kioskA' ? fixture.kioskA : fixture.kioskB, method, cell.path, cell.body);
  let token: string | undefined;
  if (principal !== 'anonymous') {
    // Logging out ends the session, so that route gets a session of its own.
    token = route === 'DELETE /api/v1/staff/sessions/current' ? await login(staffUsernames[principal]!) : fixture.tokens[principal];
  }
  return fixture.call(method, cell.path, { ...(token && { token }), ...(cell.body !== undefined && { body: cell.body }) });
}

async function login(username: string): Promise<string> {
  const response = await fixture.call('POST', '/api/v1/staff/sessions', { body: { username, password: testPassword } });
  return ((await response.json()) as { token: string }).token;
}

describe('authorization matrix', () => {
  for (const [route, expectations] of Object.entries(authorizationMatrix)) {
    it(`enforces ${route} for every caller`, async () => {
      const [method, path] = route.split(' ') as [string, string];
      const outcomes: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const principal of principals) {
        const response = await send(principal, method, await requests[route]!(), route);
        outcomes[principal] = response.status >= 200 && response.status < 300 ? 'ok' : String(response.status);
        wanted[principal] = String(expectations[principal]);
      }
      expect({ route: `${method} ${path}`, outcomes }).toEqual({ route: `${method} ${path}`, outcomes: wanted });
    });
  }

  it('lists every registered route, with a request for each', () => {
    const registered = [...new Set(fixture.app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`))];
    expect(registered.length).toBeGreaterThan(20);
    expect(registered.filter((route) => !(route in authorizationMatrix)).sort()).toEqual([]);
    expect(Object.keys(authorizationMatrix).filter((route) => !(route in requests))).toEqual([]);
  });

  it('describes every registered route in the OpenAPI document', async () => {
    const documented = new Set(routeDocs.map((doc) => `${doc.method.toUpperCase()} ${doc.path}`));
    const registered = fixture.app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`);
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
    const served = (await (await fixture.call('GET', '/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(served.paths['/api/v1/people/{personId}/reveal']).toBeDefined();
  });
});
