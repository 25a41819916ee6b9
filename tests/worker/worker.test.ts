// Proves the Worker build runs the same app in workerd against libSQL over HTTP (the Hrana test stand-in):
// health, bootstrap admin login, kiosk creation and enrolment with a real ECDSA key, signed registration and identify.
// Extend `flow` below with check-in, check-out and redemption once those routes exist.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unstable_startWorker } from 'wrangler';
import { makeIdNumber } from '../../domain/id-number.ts';
import { openDatabase } from '../../ledger/src/db/client.ts';
import { insertRegion, insertStation } from '../../ledger/src/db/station/stations.ts';
import { makeTestKiosk } from '../support/kiosk-signer.ts';
import { startHranaServer, type HranaServer } from '../support/hrana-server.ts';

process.env.CI = 'true';
process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const adminPassword = 'worker-admin-password-1';
const stationId = 'STATION-W';
let folder: string;
let hrana: HranaServer;
let worker: Awaited<ReturnType<typeof unstable_startWorker>>;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'linli-worker-'));
  hrana = await startHranaServer(join(folder, 'linli.db'));
  const database = await openDatabase({ url: hrana.url });
  await insertRegion(database, { id: 'R-D', level: 'district', name: '示例区', parentId: null });
  await insertRegion(database, { id: 'R-S', level: 'street', name: '示例街道', parentId: 'R-D' });
  await insertRegion(database, { id: 'R-C', level: 'community', name: '示例社区', parentId: 'R-S' });
  await insertStation(database, { id: stationId, communityId: 'R-C', name: '云端站', address: '', createdAtMs: Date.now() });
  database.close();
  mkdirSync('dist', { recursive: true });
  worker = await unstable_startWorker({
    config: 'wrangler.toml',
    bindings: {
      DATABASE_URL: { type: 'plain_text', value: hrana.url },
      LINLI_SECRET: { type: 'plain_text', value: 'worker-test-secret-0123456789abcdefghij' },
      BOOTSTRAP_ADMIN_PASSWORD: { type: 'plain_text', value: adminPassword },
    },
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, watch: false, persist: false, logLevel: 'warn' },
  });
  await worker.ready;
});

afterAll(async () => {
  await worker?.dispose();
  await hrana?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await worker.fetch(`http://linli.test${path}`, {
    method,
    headers: { ...(options.body !== undefined && { 'Content-Type': 'application/json' }), ...(options.token && { Authorization: `Bearer ${options.token}` }), ...options.headers },
    ...(options.body !== undefined && { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the Worker in workerd', () => {
  it('runs a kiosk flow: health, admin login, kiosk enrolment, signed registration and identify', async () => {
    expect(await call('GET', '/health')).toEqual({ status: 200, body: { ok: true } });
    const login = await call('POST', '/api/v1/staff/sessions', { body: { username: 'admin', password: adminPassword } });
    expect(login.status).toBe(201);
    const token = login.body.token as string;
    const created = await call('POST', '/api/v1/kiosks', { token, body: { stationId, name: '云端一体机' } });
    expect(created.status).toBe(201);
    const kiosk = await makeTestKiosk();
    kiosk.kioskId = created.body.kioskId as string;
    const enrolled = await call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode: created.body.enrollmentCode, publicKeyJwk: kiosk.publicKeyJwk } });
    expect(enrolled).toEqual({ status: 201, body: { kioskId: kiosk.kioskId, stationId } });

    const signed = async (method: string, path: string, body: unknown) => {
      const text = JSON.stringify(body);
      const headers = await kiosk.sign({ method, pathWithQuery: path, body: text, timestampMs: Date.now() });
      return call(method, path, { body: text, headers });
    };
    const idNumber = makeIdNumber('11010119650315002');
    const registered = await signed('POST', '/api/v1/people', { id: '01JWXRKER0000000000000000A', kioskSeq: 1, occurredAt: new Date().toISOString(), card: { idNumber, name: '钱七' }, consentVersion: 'v1' });
    expect(registered.status).toBe(201);
    const identified = await signed('POST', '/api/v1/identify', { card: { idNumber } });
    expect(identified.status).toBe(200);
    expect(identified.body).toMatchObject({ person: { displayName: '钱*', volunteerNo: expect.stringMatching(/^V\d{8}$/) }, balances: { time: 0, points: 0 } });
    const replay = await call('POST', '/api/v1/identify', { body: JSON.stringify({ card: { idNumber } }), headers: await kiosk.sign({ method: 'POST', pathWithQuery: '/api/v1/identify', body: '{}', timestampMs: Date.now() }) });
    expect(replay).toEqual({ status: 401, body: { code: 'kiosk_signature_invalid' } });
  });
});
