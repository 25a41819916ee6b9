// Proves the kiosk protocol v1 (design.md §5) end to end against the real HTTP server on a temp database, with a
// client written only from the design: its own signing, ids and requests, no imports from ledger/ or domain/.
// Steps after check-out are switched by `steps` so parts built by other engineers can be turned on or off.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../ledger/src/server.ts';

/** Steps that depend on other parts of the service; each is one flag. */
const steps = { redeem: true, close: true };

const adminPassword = 'contract-admin-password-1';
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'linli-contract-'));
  server = await startServer({
    port: 0, host: '127.0.0.1', buildWebApps: false, log: () => {},
    env: { DATABASE_URL: `file:${join(dataDir, 'linli.db')}`, BOOTSTRAP_ADMIN_PASSWORD: adminPassword, LINLI_SECRET: 'contract-test-secret-0123456789abcdef', SEED: 'demo' },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastIdMs = 0;
let idCounter = 0;
/** A time-ordered 128-bit id: 48-bit ms + 80 bits, Crockford base32, 26 characters. */
function timeOrderedId(): string {
  const ms = Math.max(Date.now(), lastIdMs);
  idCounter = ms === lastIdMs ? idCounter + 1 : 0;
  lastIdMs = ms;
  let time = '';
  for (let rest = ms, index = 0; index < 10; index++, rest = Math.floor(rest / 32)) time = crockford[rest % 32] + time;
  const random = [...crypto.getRandomValues(new Uint8Array(15))].map((byte) => crockford[byte % 32]).join('');
  return time + random + crockford[idCounter % 32];
}

type Json = Record<string, any>;
async function staff(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Json; text: string }> {
  const response = await fetch(server.url + path, {
    method, headers: { ...(token && { Authorization: `Bearer ${token}` }), ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as Json) : {}, text };
}

type Kiosk = { id: string; stationId: string; keys: CryptoKeyPair; seq: number };
async function signed(kiosk: Kiosk, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const timestamp = String(Date.now());
  const nonce = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const bodyHash = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, kiosk.keys.privateKey, new TextEncoder().encode(`${method}\n${path}\n${timestamp}\n${nonce}\n${bodyHash}`));
  const response = await fetch(server.url + path, {
    method, headers: { 'X-Kiosk-Id': kiosk.id, 'X-Kiosk-Timestamp': timestamp, 'X-Kiosk-Nonce': nonce, 'X-Kiosk-Signature': b64url(new Uint8Array(signature)), ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(body !== undefined && { body: text }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

function write(kiosk: Kiosk, fields: Json, occurredAtMs = Date.now()): Json {
  kiosk.seq += 1;
  return { id: timeOrderedId(), kioskSeq: kiosk.seq, occurredAt: new Date(occurredAtMs).toISOString(), ...fields };
}

describe('kiosk protocol v1 against the real server', () => {
  it('runs a kiosk day: enrol, register, identify, check in, check out, redeem, verify, feed, chain, close', async () => {
    expect(await staff('GET', '/health')).toMatchObject({ status: 200, body: { ok: true } });
    const login = await staff('POST', '/api/v1/staff/sessions', undefined, { username: 'admin', password: adminPassword });
    expect(login.status).toBe(201);
    const token = login.body.token as string;
    const stations = await staff('GET', '/api/v1/stations', token);
    const stationId = stations.body.stations[0].id as string;

    const nowMs = Date.now();
    const activity = await staff('POST', '/api/v1/activities', token, {
      stationId, title: '契约测试活动', startsAt: new Date(nowMs - 90 * 60_000).toISOString(), endsAt: new Date(nowMs + 120 * 60_000).toISOString(), rounding: { mode: 'exact' },
    });
    expect(activity.status).toBe(201);
    const activityId = activity.body.activity.id as string;

    const created = await staff('POST', '/api/v1/kiosks', token, { stationId, name: '契约测试机' });
    expect(created.status).toBe(201);
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const publicKeyJwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
    const enrolled = await staff('POST', '/api/v1/kiosks/enroll', undefined, { enrollmentCode: created.body.enrollmentCode, publicKeyJwk });
    expect(enrolled).toMatchObject({ status: 201, body: { kioskId: created.body.kioskId, stationId } });
    const kiosk: Kiosk = { id: created.body.kioskId, stationId, keys, seq: 0 };

    const card = { idNumber: '110101195203150026', name: '契约测试', sex: '女' };
    expect((await signed(kiosk, 'POST', '/api/v1/identify', { card })).status).toBe(404);
    const registered = await signed(kiosk, 'POST', '/api/v1/people', write(kiosk, { card, consentVersion: 'v1' }));
    expect(registered.status).toBe(201);
    const identified = await signed(kiosk, 'POST', '/api/v1/identify', { card });
    expect(identified.status).toBe(200);
    expect(identified.body).toMatchObject({ person: { volunteerNo: expect.any(String), displayName: expect.stringMatching(/^契\*+试$/) }, balances: { time: 0, points: 0 }, openAttendances: [] });
    const personId = identified.body.person.id as string;

    const checkIn = write(kiosk, { personId, activityId, offline: true }, nowMs - 60 * 60_000);
    const checkedIn = await signed(kiosk, 'POST', '/api/v1/check-ins', checkIn);
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body.receipt).toMatchObject({ kioskId: kiosk.id, kioskSeq: checkIn.kioskSeq, kind: expect.any(String), lines: expect.any(Array), verifyUrl: expect.any(String) });
    expect(await signed(kiosk, 'POST', '/api/v1/check-ins', checkIn)).toMatchObject({ status: 200, body: checkedIn.body });
    expect(await signed(kiosk, 'POST', '/api/v1/check-ins', { ...checkIn, activityId: 'X' })).toMatchObject({ status: 409, body: { code: 'id_reused' } });

    const checkOut = write(kiosk, { personId, activityId });
    const checkedOut = await signed(kiosk, 'POST', '/api/v1/check-outs', checkOut);
    expect(checkedOut.status).toBe(201);
    expect(checkedOut.body).toMatchObject({ attendanceId: checkedIn.body.attendanceId, minutes: 60, credited: { time: 60, points: 10 }, balances: { time: 60, points: 10 } });

    if (steps.redeem) {
      const services = await signed(kiosk, 'GET', `/api/v1/services?stationId=${stationId}`);
      const service = (services.body.services as Json[]).find((item) => item.asset === 'time' && item.price <= 60 && item.minAge == null)!;
      const redeemed = await signed(kiosk, 'POST', '/api/v1/redemptions', write(kiosk, { personId, serviceId: service.id }));
      expect(redeemed.status).toBe(201);
      expect(redeemed.body).toMatchObject({ redemptionId: expect.any(String), pickupCode: expect.any(String), balances: { time: 60 - service.price } });
    }

    const receipt = await staff('GET', new URL(checkedOut.body.receipt.verifyUrl as string).pathname);
    expect(receipt.body).toMatchObject({ valid: true, kind: checkedOut.body.receipt.kind, amounts: { time: 60, points: 10 }, hashPrefix: expect.any(String) });
    expect(receipt.text).not.toContain(personId);
    expect((await staff('GET', `/api/v1/receipts/${kiosk.id}/999`)).status).toBe(404);

    const feed = await staff('GET', '/api/v1/ledger/transactions?afterSeq=0&limit=1000', token);
    expect(feed.status).toBe(200);
    const ours = (feed.body.transactions as Json[]).find((transaction) => transaction.id === checkOut.id)!;
    expect(ours.postings).toContainEqual(expect.objectContaining({ asset: 'time', amount: 60, side: 'credit' }));
    expect(feed.body.nextAfterSeq).toBe((feed.body.transactions as Json[]).at(-1)!.ledgerSeq);
    const balances = await staff('GET', `/api/v1/people/${personId}/balances`, token);
    expect(balances.body).toMatchObject({ points: 10, asOfSeq: feed.body.nextAfterSeq });
    expect(await staff('GET', '/api/v1/ledger/verify', token)).toMatchObject({ status: 200, body: { ok: true, checkedThroughSeq: feed.body.nextAfterSeq } });

    if (steps.close) {
      const businessDate = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const closed = await staff('POST', `/api/v1/stations/${stationId}/closes`, token, { businessDate });
      expect(closed.status).toBe(201);
      expect(closed.body.close).toMatchObject({ businessDate, chainHead: expect.any(String), checks: expect.any(Array) });
    }
  });
});
