// Proves the authorization-matrix rows of the attendance, receipt, approval and ledger routes: every caller gets the
// outcome class the matrix names, with a valid request built fresh for each cell (requests target station A).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestKiosk } from '../../../tests/support/kiosk-signer.ts';
import { makeAttendanceFixture, type AttendanceFixture } from '../operations/attendance/attendance-fixture.ts';
import { authorizationMatrix, principals, type PrincipalName } from './authorization-matrix.ts';

let f: AttendanceFixture;
let activityA: string;
let activityB: string;
let managedA: string;
let serial = 100;
beforeAll(async () => {
  f = await makeAttendanceFixture();
  activityA = await f.activity();
  managedA = await f.activity({ approval: 'manager' });
  const created = await f.call('POST', '/api/v1/activities', { token: f.tokens.managerB, body: { stationId: f.stationB, title: '乙站活动', startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T11:00:00+08:00' } });
  activityB = ((await created.json()) as { activity: { id: string } }).activity.id;
});
afterAll(() => f.close());

type Cell = { path: string; body?: Record<string, unknown> };
const kioskOf = (principal: PrincipalName): TestKiosk | undefined => (principal === 'kioskA' ? f.kioskA : principal === 'kioskB' ? f.kioskB : undefined);
const personAt = async () => (await f.person(serial++)).id;

async function kioskWriteBody(principal: PrincipalName, checkOut: boolean): Promise<Record<string, unknown>> {
  const kiosk = kioskOf(principal) ?? f.kioskA;
  const activityId = kiosk === f.kioskB ? activityB : activityA;
  const personId = await personAt();
  if (checkOut) expect((await f.write('/api/v1/check-ins', { personId, activityId }, kiosk)).response.status).toBe(201);
  return { personId, activityId };
}

async function pendingApproval(): Promise<string> {
  const personId = await personAt();
  const checkIn = await f.write('/api/v1/check-ins', { personId, activityId: managedA });
  await f.write('/api/v1/check-outs', { personId, activityId: managedA });
  return checkIn.body.id as string;
}

async function reversibleCredit(): Promise<string> {
  const id = f.newId();
  const response = await f.call('POST', '/api/v1/attendances/supplementary', { token: f.tokens.managerA, body: { id, personId: await personAt(), activityId: activityA, minutes: 15, reason: '测试' } });
  expect(response.status).toBe(201);
  return id;
}

const requests: Record<string, (principal: PrincipalName) => Promise<Cell>> = {
  'POST /api/v1/check-ins': async (principal) => ({ path: '/api/v1/check-ins', body: await kioskWriteBody(principal, false) }),
  'POST /api/v1/check-outs': async (principal) => ({ path: '/api/v1/check-outs', body: await kioskWriteBody(principal, true) }),
  'GET /api/v1/receipts/:kioskId/:kioskSeq': async () => ({ path: `/api/v1/receipts/${f.kioskA.kioskId}/1` }),
  'GET /api/v1/approvals': async () => ({ path: `/api/v1/approvals?stationId=${f.stationA}` }),
  'POST /api/v1/approvals/:attendanceId/approve': async () => ({ path: `/api/v1/approvals/${await pendingApproval()}/approve`, body: {} }),
  'POST /api/v1/approvals/:attendanceId/reject': async () => ({ path: `/api/v1/approvals/${await pendingApproval()}/reject`, body: {} }),
  'POST /api/v1/attendances/supplementary': async () => ({ path: '/api/v1/attendances/supplementary', body: { personId: await personAt(), activityId: activityA, minutes: 15, reason: '补录' } }),
  'POST /api/v1/attendances/sweep': async () => ({ path: '/api/v1/attendances/sweep' }),
  'GET /api/v1/people/:personId/balances': async () => ({ path: `/api/v1/people/${await personAt()}/balances` }),
  'GET /api/v1/ledger/transactions': async () => ({ path: '/api/v1/ledger/transactions?afterSeq=0&limit=10' }),
  'GET /api/v1/ledger/verify': async () => ({ path: '/api/v1/ledger/verify' }),
  'POST /api/v1/transactions/:transactionId/reversal': async () => ({ path: `/api/v1/transactions/${await reversibleCredit()}/reversal`, body: { id: f.newId(), reason: '冲正测试' } }),
  'GET /api/v1/ledger/export.csv': async () => ({ path: `/api/v1/ledger/export.csv?stationId=${f.stationA}&from=2026-04-01&to=2026-04-01` }),
};

async function send(principal: PrincipalName, method: string, cell: Cell): Promise<Response> {
  const kiosk = kioskOf(principal);
  if (kiosk) {
    const body = cell.body && method === 'POST' ? { id: f.newId(), kioskSeq: await nextSeq(kiosk), occurredAt: '2026-04-01T09:00:00+08:00', ...cell.body } : cell.body;
    return f.kioskCall(kiosk, method, cell.path, body);
  }
  const token = principal === 'anonymous' ? undefined : f.tokens[principal === 'clerkA' ? 'clerkA' : principal === 'managerA' ? 'managerA' : principal === 'managerB' ? 'managerB' : principal === 'streetAdmin' ? 'streetAdmin' : 'auditor'];
  return f.call(method, cell.path, { ...(token && { token }), ...(cell.body !== undefined && { body: cell.body }) });
}

/** The kiosk's next sequence number as the ledger knows it (fixture writes and these cells share the counter). */
async function nextSeq(kiosk: TestKiosk): Promise<number> {
  const heartbeat = await f.kioskCall(kiosk, 'POST', '/api/v1/kiosks/heartbeat', { printerPaper: 'ok', readerPresent: true, outboxLength: 0, appVersion: '1' });
  return ((await heartbeat.json()) as { lastKioskSeq: number }).lastKioskSeq + 1000;
}

describe('authorization matrix: attendance and ledger routes', () => {
  for (const route of Object.keys(requests)) {
    it(`enforces ${route} for every caller`, async () => {
      const expectations = authorizationMatrix[route];
      expect(expectations).toBeDefined();
      const [method] = route.split(' ') as [string];
      const outcomes: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const principal of principals) {
        const response = await send(principal, method, await requests[route]!(principal));
        outcomes[principal] = response.status >= 200 && response.status < 300 ? 'ok' : String(response.status);
        wanted[principal] = String(expectations![principal]);
      }
      expect(outcomes).toEqual(wanted);
    });
  }
});
