// Proves kiosk enrolment (single-use, 15-minute codes, public keys only), revocation, heartbeats, and that every
// tampered, replayed, stale, future, unknown or revoked signed request is refused with 401 and writes nothing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskHeaders } from '../../../domain/kiosk-signature.ts';
import { makeTestKiosk } from '../../../tests/support/kiosk-signer.ts';
import { rowCounts } from '../../../tests/support/row-counts.ts';
import { makeFixture, type Fixture } from '../../../tests/support/station-fixture.ts';

let fixture: Fixture;
beforeEach(async () => { fixture = await makeFixture(); });
afterEach(() => fixture.close());

const heartbeatBody = { printerPaper: 'low', readerPresent: true, outboxLength: 3, appVersion: '1.0.0' };
const heartbeatText = JSON.stringify(heartbeatBody);
const path = '/api/v1/kiosks/heartbeat';

async function send(headers: Record<string, string>, options: { method?: string; path?: string; body?: string } = {}) {
  return fixture.app.request(options.path ?? path, { method: options.method ?? 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: options.body ?? heartbeatText });
}

async function expectRefused(response: Response, code: string, before: Record<string, number>) {
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ code });
  expect(await rowCounts(fixture.database)).toEqual(before);
}

describe('signed kiosk requests', () => {
  it('accepts a correctly signed heartbeat and shows the device status to staff', async () => {
    const response = await fixture.kioskCall(fixture.kioskA, 'POST', path, heartbeatBody);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ serverTimeMs: fixture.clock.nowMs, lastKioskSeq: 0 });
    const list = (await (await fixture.call('GET', '/api/v1/kiosks', { token: fixture.tokens.clerkA })).json()) as { kiosks: { id: string; deviceStatus: unknown }[] };
    expect(list.kiosks.find((kiosk) => kiosk.id === fixture.kioskA.kioskId)?.deviceStatus).toEqual(heartbeatBody);
  });

  it('lists one station\'s kiosks with ?stationId= and refuses a station outside the caller\'s scope', async () => {
    const ids = async (query: string, token: string) => {
      const response = await fixture.call('GET', `/api/v1/kiosks${query}`, { token });
      return { status: response.status, ids: response.status === 200 ? ((await response.json()) as { kiosks: { id: string }[] }).kiosks.map((kiosk) => kiosk.id) : [] };
    };
    const all = await ids('', fixture.tokens.streetAdmin);
    expect(all.ids).toEqual(expect.arrayContaining([fixture.kioskA.kioskId, fixture.kioskB.kioskId]));
    const onlyA = await ids(`?stationId=${fixture.stationA}`, fixture.tokens.streetAdmin);
    expect(onlyA.ids).toContain(fixture.kioskA.kioskId);
    expect(onlyA.ids).not.toContain(fixture.kioskB.kioskId);
    expect((await ids(`?stationId=${fixture.stationB}`, fixture.tokens.clerkA)).status).toBe(403);
  });

  it('refuses a replayed nonce (kiosk_nonce_reused)', async () => {
    const headers = await fixture.kioskA.sign({ method: 'POST', pathWithQuery: path, body: heartbeatText, timestampMs: fixture.clock.nowMs });
    expect((await send(headers)).status).toBe(200);
    await expectRefused(await send(headers), 'kiosk_nonce_reused', await rowCounts(fixture.database));
  });

  it('accepts timestamps exactly 5 minutes off and refuses 1 ms more, stale or future (kiosk_timestamp_out_of_window)', async () => {
    for (const offsetMs of [-300_000, 300_000]) {
      expect((await send(await fixture.kioskA.sign({ method: 'POST', pathWithQuery: path, body: heartbeatText, timestampMs: fixture.clock.nowMs + offsetMs }))).status).toBe(200);
    }
    const before = await rowCounts(fixture.database);
    for (const offsetMs of [-300_001, 300_001]) {
      await expectRefused(await send(await fixture.kioskA.sign({ method: 'POST', pathWithQuery: path, body: heartbeatText, timestampMs: fixture.clock.nowMs + offsetMs })), 'kiosk_timestamp_out_of_window', before);
    }
  });

  it('refuses an altered method, path, body or timestamp header (kiosk_signature_invalid)', async () => {
    const before = await rowCounts(fixture.database);
    const sign = () => fixture.kioskA.sign({ method: 'POST', pathWithQuery: path, body: heartbeatText, timestampMs: fixture.clock.nowMs });
    await expectRefused(await send(await sign(), { path: `${path}?x=1` }), 'kiosk_signature_invalid', before);
    await expectRefused(await send(await sign(), { body: JSON.stringify({ ...heartbeatBody, outboxLength: 4 }) }), 'kiosk_signature_invalid', before);
    const putHeaders = await fixture.kioskA.sign({ method: 'PUT', pathWithQuery: `/api/v1/stations`, timestampMs: fixture.clock.nowMs });
    await expectRefused(await fixture.app.request('/api/v1/stations', { method: 'GET', headers: putHeaders }), 'kiosk_signature_invalid', before);
    const shifted = await sign();
    shifted[kioskHeaders.timestamp] = String(fixture.clock.nowMs + 1);
    await expectRefused(await send(shifted), 'kiosk_signature_invalid', before);
  });

  it('refuses another kiosk’s signature under this kiosk’s id, unknown kiosks and missing headers', async () => {
    const before = await rowCounts(fixture.database);
    const foreign = await fixture.kioskB.sign({ method: 'POST', pathWithQuery: path, body: heartbeatText, timestampMs: fixture.clock.nowMs });
    await expectRefused(await send({ ...foreign, [kioskHeaders.kioskId]: fixture.kioskA.kioskId }), 'kiosk_signature_invalid', before);
    const stranger = await makeTestKiosk();
    stranger.kioskId = '01JUNKNOWNKIOSK0000000000';
    await expectRefused(await send(await stranger.sign({ method: 'POST', pathWithQuery: path, body: heartbeatText, timestampMs: fixture.clock.nowMs })), 'kiosk_unknown', before);
    const missing = await fixture.kioskA.sign({ method: 'POST', pathWithQuery: path, body: heartbeatText, timestampMs: fixture.clock.nowMs });
    delete missing[kioskHeaders.signature];
    await expectRefused(await send(missing), 'kiosk_signature_missing', before);
  });

  it('refuses a revoked kiosk on its very next request (kiosk_revoked)', async () => {
    const revoked = await fixture.call('POST', `/api/v1/kiosks/${fixture.kioskA.kioskId}/revocation`, { token: fixture.tokens.managerA });
    expect(revoked.status).toBe(200);
    await expectRefused(await fixture.kioskCall(fixture.kioskA, 'POST', path, heartbeatBody), 'kiosk_revoked', await rowCounts(fixture.database));
  });
});

describe('kiosk enrolment', () => {
  async function createKiosk() {
    const response = await fixture.call('POST', '/api/v1/kiosks', { token: fixture.tokens.managerA, body: { stationId: fixture.stationA, name: '前台' } });
    expect(response.status).toBe(201);
    return (await response.json()) as { kioskId: string; enrollmentCode: string };
  }

  it('uses a code once (enrollment_code_invalid the second time)', async () => {
    const { kioskId, enrollmentCode } = await createKiosk();
    const kiosk = await makeTestKiosk();
    const first = await fixture.call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode, publicKeyJwk: kiosk.publicKeyJwk } });
    expect(await first.json()).toEqual({ kioskId, stationId: fixture.stationA });
    const second = await fixture.call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode, publicKeyJwk: (await makeTestKiosk()).publicKeyJwk } });
    expect(second.status).toBe(404);
    expect(await second.json()).toEqual({ code: 'enrollment_code_invalid' });
  });

  it('accepts a code just before 15 minutes and refuses it after', async () => {
    const early = await createKiosk();
    const late = await createKiosk();
    fixture.clock.nowMs += 15 * 60_000 - 1;
    expect((await fixture.call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode: early.enrollmentCode, publicKeyJwk: (await makeTestKiosk()).publicKeyJwk } })).status).toBe(201);
    fixture.clock.nowMs += 1;
    expect((await fixture.call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode: late.enrollmentCode, publicKeyJwk: (await makeTestKiosk()).publicKeyJwk } })).status).toBe(404);
  });

  it('refuses a private key or a key of another curve (invalid_public_key)', async () => {
    const { enrollmentCode } = await createKiosk();
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    expect(await (await fixture.call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode, publicKeyJwk: privateJwk } })).json()).toEqual({ code: 'invalid_public_key' });
    expect(await (await fixture.call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode, publicKeyJwk: { kty: 'EC', crv: 'P-384', x: 'a', y: 'b' } } })).json()).toEqual({ code: 'invalid_public_key' });
  });

  it('stores only the hash of the enrolment code', async () => {
    const { enrollmentCode } = await createKiosk();
    const rows = await fixture.database.client.execute('SELECT enrollment_code_hash FROM kiosks');
    expect(rows.rows.map((row) => String(row[0]))).not.toContain(enrollmentCode);
  });
});
