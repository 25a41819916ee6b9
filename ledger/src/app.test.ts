// Proves the app's edges: `{code}` bodies for 404/405/413/415/422, security headers on every response, one onError
// that answers 503 for operating errors and 500 otherwise without leaking, and no full ID or phone number in any
// response or log line outside the reveal endpoint.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../domain/id-number.ts';
import { makeFixture, type Fixture } from '../../tests/support/station-fixture.ts';

let fixture: Fixture;
beforeEach(async () => { fixture = await makeFixture(); });
afterEach(() => fixture.close());

describe('edges', () => {
  it('answers unknown routes with 404 not_found and wrong methods with 405 and Allow', async () => {
    const missing = await fixture.call('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'not_found' });
    const wrong = await fixture.call('DELETE', '/api/v1/kiosks/enroll');
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toEqual({ code: 'method_not_allowed' });
    expect(wrong.headers.get('Allow')).toContain('POST');
  });

  it('refuses a body over 64 KiB (payload_too_large) and accepts one just under', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(64 * 1024), password: 'y' });
    const refused = await fixture.call('POST', '/api/v1/staff/sessions', { body: big });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ code: 'payload_too_large' });
    const under = JSON.stringify({ username: 'x'.repeat(60 * 1024), password: 'y' });
    expect((await fixture.call('POST', '/api/v1/staff/sessions', { body: under })).status).toBe(422);
  });

  it('judges a body that declares its length by Content-Length alone, and refuses a malformed one', async () => {
    const call = (length: string, body: string) => fixture.app.request('/api/v1/staff/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': length }, body });
    const tooLong = await call(String(64 * 1024 + 1), '{}');
    expect(tooLong.status).toBe(413);
    expect(await tooLong.json()).toEqual({ code: 'payload_too_large' });
    expect((await call('1e9', '{}')).status).toBe(413);
    expect((await call(String(64 * 1024), JSON.stringify({ username: 'x', password: 'y' }))).status).toBe(401);
  });

  it('refuses a form post (unsupported_media_type) and malformed JSON (invalid_json)', async () => {
    const form = await fixture.app.request('/api/v1/staff/sessions', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'username=admin&password=x' });
    expect(form.status).toBe(415);
    expect(await (await fixture.call('POST', '/api/v1/staff/sessions', { body: '{"username":' })).json()).toEqual({ code: 'invalid_json' });
  });

  it('sends CSP, nosniff, frame and permissions headers and no X-Powered-By, on errors too', async () => {
    for (const response of [await fixture.call('GET', '/health'), await fixture.call('GET', '/nowhere')]) {
      expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
      expect(response.headers.get('Content-Security-Policy')).toContain("img-src 'self' data:");
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
      expect(response.headers.get('Strict-Transport-Security')).toContain('max-age=');
      expect(response.headers.get('Permissions-Policy')).toContain('microphone=()');
      expect(response.headers.get('X-Powered-By')).toBeNull();
    }
  });

  it('answers 503 unavailable when the database is gone, and logs no message', async () => {
    fixture.database.client.close();
    const response = await fixture.call('GET', '/api/v1/staff/me', { token: fixture.tokens.clerkA });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 'unavailable' });
    expect(fixture.logLines.at(-1)).toMatch(/"outcome":"unavailable"/);
  });

  it('answers 500 internal for a programming error, without stack or message', async () => {
    const broken = await makeFixture({ ledger: { lastKioskSeqOf: async () => { throw new Error('secret detail 110101198001011234'); } } });
    const response = await broken.call('GET', '/api/v1/kiosks', { token: broken.tokens.managerA });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toBe('{"code":"internal"}');
    expect(broken.logLines.join('\n')).toMatch(/"outcome":"internal"/);
    expect(broken.logLines.join('\n')).not.toContain('secret detail');
    broken.close();
  });
});

describe('no personal data in responses or logs', () => {
  it('never shows a full ID number or phone outside the reveal endpoint', async () => {
    const idNumber = makeIdNumber('32010219751231002');
    const phone = '13912345678';
    const texts: string[] = [];
    const record = async (response: Response) => { texts.push(await response.clone().text(), JSON.stringify([...response.headers])); return response; };
    const created = await record(await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', { id: '01JKEEPTEST00000000000000A', kioskSeq: 1, occurredAt: '2026-04-01T09:00:00+08:00', card: { idNumber, name: '赵六' }, phone, consentVersion: 'v1' }));
    const { person } = (await created.json()) as { person: { id: string } };
    await record(await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/identify', { card: { idNumber } }));
    await record(await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/identify', { phone }));
    await record(await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', { id: '01JKEEPTEST00000000000000B', kioskSeq: 2, occurredAt: '2026-04-01T09:00:00+08:00', card: { idNumber, name: '赵六' }, phone, consentVersion: 'v1' }));
    await record(await fixture.call('GET', `/api/v1/people?stationId=${fixture.stationA}`, { token: fixture.tokens.managerA }));
    await record(await fixture.call('GET', `/api/v1/people/${person.id}`, { token: fixture.tokens.managerA }));
    await record(await fixture.call('GET', `/api/v1/people/${person.id}/member-qr`, { token: fixture.tokens.managerA }));
    await record(await fixture.call('POST', `/api/v1/people/${person.id}/reveal`, { token: fixture.tokens.clerkA, body: { reason: '想看看' } }));
    await record(await fixture.call('GET', '/api/v1/audit?limit=1000', { token: fixture.tokens.auditor }));
    const revealed = await fixture.call('POST', `/api/v1/people/${person.id}/reveal`, { token: fixture.tokens.managerA, body: { reason: '核对身份信息' } });
    expect(await revealed.text()).toContain(idNumber);
    const everything = [...texts, ...fixture.logLines].join('\n');
    // Standalone runs only: hashes and ids may contain long digit runs inside longer tokens.
    expect(everything).not.toMatch(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/);
    expect(everything).not.toMatch(/(?<![0-9A-Za-z])1\d{10}(?![0-9A-Za-z])/);
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain(phone);
    expect(everything).not.toContain('赵六');
  });
});
