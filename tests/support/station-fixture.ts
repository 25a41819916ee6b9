// A ready station service for route tests: in-memory libSQL with the real migrations, a district with one
// street, two stations (A, B), staff of every role, and an enrolled kiosk per station. Fast PBKDF2 for tests.

import { openDatabase, type Database } from '../../ledger/src/db/client.ts';
import { insertRegion, insertStation } from '../../ledger/src/db/station/stations.ts';
import { createApp, type App, type AppDeps } from '../../ledger/src/app.ts';
import { deriveKeys, type Keys } from '../../ledger/src/services/crypto.ts';
import { createAuditLog } from '../../ledger/src/services/audit.ts';
import { ensureBootstrapAdmin } from '../../ledger/src/services/staff-admin.ts';
import { createIdGenerator } from '../../domain/ids.ts';
import { makeTestKiosk, type TestKiosk } from './kiosk-signer.ts';

export const testSecret = 'test-secret-for-linli-route-tests-0123456789';
export const testPassword = 'correct horse battery';
export const testPasswordIterations = 1_000;

export type Fixture = {
  app: App;
  database: Database;
  keys: Keys;
  clock: { nowMs: number };
  logLines: string[];
  stationA: string;
  stationB: string;
  districtId: string;
  streetId: string;
  tokens: Record<'districtAdmin' | 'streetAdmin' | 'clerkA' | 'managerA' | 'managerB' | 'auditor', string>;
  kioskA: TestKiosk;
  kioskB: TestKiosk;
  /** JSON request through app.request with an optional bearer token. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** A signed kiosk request. */
  kioskCall(kiosk: TestKiosk, method: string, path: string, body?: unknown): Promise<Response>;
  close(): void;
};

export async function makeFixture(overrides: Partial<AppDeps> = {}): Promise<Fixture> {
  const database = overrides.database ?? (await openDatabase({ url: ':memory:' }));
  const keys = await deriveKeys(testSecret);
  const clock = { nowMs: Date.parse('2026-04-01T09:00:00+08:00') };
  const logLines: string[] = [];
  const app = createApp({ database, keys, nowMs: () => clock.nowMs, passwordIterations: testPasswordIterations, log: (line) => logLines.push(line), ...overrides });
  const districtId = 'R-DISTRICT', streetId = 'R-STREET', communityId = 'R-COMMUNITY';
  await insertRegion(database, { id: districtId, level: 'district', name: '示例区', parentId: null });
  await insertRegion(database, { id: streetId, level: 'street', name: '示例街道', parentId: districtId });
  await insertRegion(database, { id: communityId, level: 'community', name: '示例社区', parentId: streetId });
  const stationA = 'STATION-A', stationB = 'STATION-B';
  await insertStation(database, { id: stationA, communityId, name: '甲站', address: '', createdAtMs: clock.nowMs });
  await insertStation(database, { id: stationB, communityId, name: '乙站', address: '', createdAtMs: clock.nowMs });

  const call: Fixture['call'] = async (method, path, options = {}) => app.request(path, {
    method,
    headers: { ...(options.body !== undefined && { 'Content-Type': 'application/json' }), ...(options.token && { Authorization: `Bearer ${options.token}` }), ...options.headers },
    ...(options.body !== undefined && { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const kioskCall: Fixture['kioskCall'] = async (kiosk, method, path, body) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = await kiosk.sign({ method, pathWithQuery: path, body: text, timestampMs: clock.nowMs });
    return app.request(path, { method, headers: { ...headers, ...(body !== undefined && { 'Content-Type': 'application/json' }) }, ...(body !== undefined && { body: text }) });
  };

  const random = (count: number) => crypto.getRandomValues(new Uint8Array(count));
  const ctx = { database, keys, audit: createAuditLog(database, () => clock.nowMs), nowMs: () => clock.nowMs, randomBytes: random, newId: createIdGenerator(() => clock.nowMs, random), passwordIterations: testPasswordIterations };
  await ensureBootstrapAdmin(ctx, testPassword, districtId);
  const login = async (username: string) => {
    const response = await call('POST', '/api/v1/staff/sessions', { body: { username, password: testPassword } });
    if (response.status !== 201) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  };
  const districtAdmin = await login('admin');
  const create = async (username: string, role: string, extra: Record<string, unknown>) => {
    const response = await call('POST', '/api/v1/staff', { token: districtAdmin, body: { username, password: testPassword, role, ...extra } });
    if (response.status !== 201) throw new Error(`create ${username}: ${response.status} ${await response.text()}`);
    return login(username);
  };
  const tokens = {
    districtAdmin,
    streetAdmin: await create('street', 'street_admin', { regionId: streetId }),
    clerkA: await create('clerk-a', 'clerk', { stationIds: [stationA] }),
    managerA: await create('manager-a', 'station_manager', { stationIds: [stationA] }),
    managerB: await create('manager-b', 'station_manager', { stationIds: [stationB] }),
    auditor: await create('auditor', 'auditor', { regionId: districtId }),
  };
  const enroll = async (stationId: string, token: string) => {
    const kiosk = await makeTestKiosk();
    const created = await call('POST', '/api/v1/kiosks', { token, body: { stationId, name: `kiosk ${stationId}` } });
    const { kioskId, enrollmentCode } = (await created.json()) as { kioskId: string; enrollmentCode: string };
    const enrolled = await call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode, publicKeyJwk: kiosk.publicKeyJwk } });
    if (enrolled.status !== 201) throw new Error(`enroll: ${enrolled.status} ${await enrolled.text()}`);
    kiosk.kioskId = kioskId;
    return kiosk;
  };
  const kioskA = await enroll(stationA, tokens.managerA);
  const kioskB = await enroll(stationB, tokens.managerB);
  return { app, database, keys, clock, logLines, stationA, stationB, districtId, streetId, tokens, kioskA, kioskB, call, kioskCall, close: () => database.close() };
}
