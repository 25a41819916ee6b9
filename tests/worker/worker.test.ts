// Proves the Worker build runs the same app in workerd against libSQL over HTTP (the Hrana test stand-in): the kiosk
// flow from enrolment through registration, identify, an offline check-in, check-out, redemption and the public receipt
// check, and the cron `scheduled` handler closing a forgotten attendance and expiring a booking's hold. The admin logs in
// with a password the Worker hashed at the production work factor (6 chained rounds of 100,000 PBKDF2 iterations).
// One worker start for the file; waits are polls with generous limits so a slow machine passes.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unstable_startWorker } from 'wrangler';
import { makeIdNumber } from '../../domain/id-number.ts';
import { createIdGenerator } from '../../domain/ids.ts';
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
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, watch: false, persist: false, logLevel: 'warn', testScheduled: true },
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
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function adminPasswordHash(): Promise<string> {
  const database = await openDatabase({ url: hrana.url });
  try {
    return String((await database.client.execute("SELECT password_hash FROM staff WHERE username = 'admin'")).rows[0]?.password_hash);
  } finally {
    database.close();
  }
}

const newId = createIdGenerator(() => Date.now(), (count) => crypto.getRandomValues(new Uint8Array(count)));
const minuteMs = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Polls until `check` holds (the scheduled handler finishes after its response, in waitUntil). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the Worker in workerd', () => {
  let token: string;
  let kiosk: Awaited<ReturnType<typeof makeTestKiosk>>;
  let kioskSeq = 0;
  const idNumber = makeIdNumber('11010119650315002');

  const signed = async (method: string, path: string, body?: unknown) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = await kiosk.sign({ method, pathWithQuery: path, body: text, timestampMs: Date.now() });
    return call(method, path, { ...(body !== undefined && { body: text }), headers });
  };
  const write = (path: string, fields: Record<string, unknown>, occurredAtMs = Date.now()) =>
    signed('POST', path, { id: newId(), kioskSeq: ++kioskSeq, occurredAt: iso(occurredAtMs), ...fields });
  const activity = async (startsAtMs: number, endsAtMs: number) =>
    (await call('POST', '/api/v1/activities', { token, body: { stationId, title: '助老服务', startsAt: iso(startsAtMs), endsAt: iso(endsAtMs) } })).body.activity.id as string;

  it('runs the kiosk flow: enrol, register, identify, check in (offline), check out, redeem, verify the receipt', async () => {
    expect(await call('GET', '/health')).toEqual({ status: 200, body: { ok: true } });
    const login = await call('POST', '/api/v1/staff/sessions', { body: { username: 'admin', password: adminPassword } });
    expect(login.status).toBe(201);
    token = login.body.token as string;
    // The bootstrap admin was hashed inside the Worker at the production work factor, chained so no PBKDF2 call
    // exceeds the 100,000 iterations Cloudflare accepts (local workerd does not enforce that limit, so the format is checked).
    expect(await adminPasswordHash()).toMatch(/^pbkdf2-sha256-chained\$6\$100000\$/);
    const created = await call('POST', '/api/v1/kiosks', { token, body: { stationId, name: '云端一体机' } });
    expect(created.status).toBe(201);
    kiosk = await makeTestKiosk();
    kiosk.kioskId = created.body.kioskId as string;
    const enrolled = await call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode: created.body.enrollmentCode, publicKeyJwk: kiosk.publicKeyJwk } });
    expect(enrolled).toEqual({ status: 201, body: { kioskId: kiosk.kioskId, stationId } });

    const registered = await write('/api/v1/people', { card: { idNumber, name: '钱七' }, consentVersion: 'v1' });
    expect(registered.status).toBe(201);
    const byCard = await signed('POST', '/api/v1/identify', { card: { idNumber } });
    expect(byCard.status).toBe(200);
    expect(byCard.body).toMatchObject({ person: { displayName: '钱*', volunteerNo: expect.stringMatching(/^V\d{8}$/) }, balances: { time: 0, points: 0 } });
    const byQr = await signed('POST', '/api/v1/identify', { qr: registered.body.memberQr });
    expect(byQr.body.person.id).toBe(byCard.body.person.id);
    const replay = await call('POST', '/api/v1/identify', { body: JSON.stringify({ card: { idNumber } }), headers: await kiosk.sign({ method: 'POST', pathWithQuery: '/api/v1/identify', body: '{}', timestampMs: Date.now() }) });
    expect(replay).toEqual({ status: 401, body: { code: 'kiosk_signature_invalid' } });

    const personId = byCard.body.person.id as string;
    const nowMs = Date.now();
    const activityId = await activity(nowMs - 120 * minuteMs, nowMs + 120 * minuteMs);
    // The check-in was made offline 65 minutes ago and is uploaded now: it counts from when it happened (60 after rounding down to 15).
    const checkIn = await write('/api/v1/check-ins', { personId, activityId, offline: true }, nowMs - 65 * minuteMs);
    expect(checkIn.status).toBe(201);
    expect(Math.abs(Date.parse(checkIn.body.checkedInAt as string) - (nowMs - 65 * minuteMs))).toBeLessThan(minuteMs);
    const checkOut = await write('/api/v1/check-outs', { personId, activityId });
    expect(checkOut.status).toBe(201);
    expect(checkOut.body).toMatchObject({ minutes: 60, credited: { time: 60, points: 10 }, balances: { time: 60, points: 10 } });

    const service = await call('POST', '/api/v1/services', { token, body: { stationId, name: '理发', asset: 'time', price: 30 } });
    const redeemed = await write('/api/v1/redemptions', { personId, serviceId: service.body.service.id });
    expect(redeemed.status).toBe(201);
    expect(redeemed.body).toMatchObject({ pickupCode: expect.stringMatching(/^\d{6}$/), balances: { time: 30, points: 10 }, receipt: { kioskId: kiosk.kioskId, kioskSeq } });
    const verified = await call('GET', `/api/v1/receipts/${kiosk.kioskId}/${kioskSeq}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ valid: true, kind: 'redemption' });
    expect(JSON.stringify(verified.body)).not.toContain('钱');
    expect((await call('GET', `/api/v1/receipts/${kiosk.kioskId}/${kioskSeq + 100}`)).status).toBe(404);
  });

  it('closes forgotten check-outs and expires due holds on the cron trigger', async () => {
    const personId = (await signed('POST', '/api/v1/identify', { card: { idNumber } })).body.person.id as string;
    const nowMs = Date.now();
    const pastActivityId = await activity(nowMs - 26 * 60 * minuteMs, nowMs - 24 * 60 * minuteMs);
    expect((await write('/api/v1/check-ins', { personId, activityId: pastActivityId, offline: true }, nowMs - 25 * 60 * minuteMs)).status).toBe(201);
    const service = await call('POST', '/api/v1/services', { token, body: { stationId, name: '上门助浴', asset: 'time', price: 10 } });
    const booked = await write('/api/v1/bookings', { personId, serviceId: service.body.service.id, deadline: iso(Date.now() + 4_000) });
    expect(booked.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(booked.body.deadline as string) + 1_000 - Date.now()));

    const triggered = await worker.fetch('http://linli.test/__scheduled?cron=*+*+*+*+*');
    expect(triggered.status).toBe(200);
    await triggered.text();
    await eventually(async () => {
      const bookings = await call('GET', `/api/v1/bookings?stationId=${stationId}`, { token });
      return bookings.body.bookings.some((booking: { bookingId: string; status: string }) => booking.bookingId === booked.body.bookingId && booking.status === 'expired');
    });
    const approvals = await call('GET', `/api/v1/approvals?stationId=${stationId}`, { token });
    expect(approvals.body.approvals).toContainEqual(expect.objectContaining({ personId, activityId: pastActivityId, reason: 'forgotten', proposedMinutes: 0 }));
    const balances = await call('GET', `/api/v1/people/${personId}/balances`, { token });
    expect(balances.body).toMatchObject({ time: 30, points: 10 });
  });
});
