// Proves kiosk registration (consent, idempotent by id, under-14 refusal), identify by card / member QR / phone,
// forged QR refusal, masking everywhere, the audited reveal, family links, and that personal data is encrypted at rest.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import { openDatabase } from '../db/client.ts';
import { makeFixture, type Fixture } from '../../../tests/support/station-fixture.ts';

const adultId = makeIdNumber('11010119800101123');
const fourteenToday = makeIdNumber('11010120120401002');
const thirteen = makeIdNumber('11010120120402002');
const phone = '13812345678';

let fixture: Fixture;
let seq = 0;
beforeEach(async () => { fixture = await makeFixture(); });
afterEach(() => fixture.close());

function registration(idNumber: string, extra: Record<string, unknown> = {}) {
  seq += 1;
  return { id: `01JREG${String(seq).padStart(20, '0')}`, kioskSeq: seq, occurredAt: '2026-04-01T09:00:00+08:00', card: { idNumber, name: '张小三', sex: '男' }, phone, consentVersion: 'v1', ...extra };
}

describe('kiosk registration', () => {
  it('registers with consent and answers the stored outcome again for the same id (200)', async () => {
    const body = registration(adultId);
    const first = await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', body);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { person: { id: string; volunteerNo: string; displayName: string; age: number }; memberQr: string };
    expect(created.person).toMatchObject({ displayName: '张*三', age: 46 });
    expect(created.memberQr).toMatch(/^LL1\.V\d{8}\.[A-Za-z0-9_-]{22}$/);
    const retry = await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', body);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(created);
  });

  it('answers id_reused for the same id with another body', async () => {
    const body = registration(adultId);
    await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', body);
    const reused = await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', { ...body, phone: '13900000000' });
    expect(reused.status).toBe(409);
    expect(await reused.json()).toEqual({ code: 'id_reused' });
  });

  it('accepts a resident who turns 14 today and refuses one a day younger (self_registration_too_young), finally', async () => {
    expect((await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', registration(fourteenToday, { phone: undefined }))).status).toBe(201);
    const body = registration(thirteen, { phone: undefined });
    const refused = await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', body);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ code: 'self_registration_too_young' });
    const again = await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', body);
    expect(await again.json()).toEqual({ code: 'self_registration_too_young' });
  });

  it('refuses a bad check digit (invalid_id_number) and a second registration of one card (already_registered)', async () => {
    const bad = adultId.slice(0, 17) + (adultId[17] === '0' ? '1' : '0');
    const invalid = await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', registration(bad));
    expect(await invalid.json()).toEqual({ code: 'invalid_id_number', detail: 'id_number_checksum' });
    await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', registration(adultId));
    expect(await (await fixture.kioskCall(fixture.kioskB, 'POST', '/api/v1/people', registration(adultId))).json()).toEqual({ code: 'already_registered' });
  });

  it('requires the consent version (invalid_input)', async () => {
    const response = await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', registration(adultId, { consentVersion: undefined }));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ code: 'invalid_input', detail: 'consentVersion: required' });
  });
});

describe('identify', () => {
  async function registered() {
    const response = await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', registration(adultId));
    return (await response.json()) as { person: { id: string; volunteerNo: string }; memberQr: string };
  }

  it('finds a person by card, member QR and phone, with balances and open attendances', async () => {
    const { person, memberQr } = await registered();
    for (const query of [{ card: { idNumber: adultId.toLowerCase() } }, { qr: memberQr }, { phone: '+86 138-1234-5678' }]) {
      const response = await fixture.kioskCall(fixture.kioskB, 'POST', '/api/v1/identify', query);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ person: { id: person.id, volunteerNo: person.volunteerNo, displayName: '张*三', age: 46 }, balances: { time: 0, points: 0 }, openAttendances: [] });
    }
  });

  it('answers person_not_found for an unregistered card and member_qr_invalid for a forged QR', async () => {
    const { memberQr } = await registered();
    const unknown = await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/identify', { card: { idNumber: makeIdNumber('11010119900101456') } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'person_not_found' });
    const forged = memberQr.replace(/V(\d{8})/, (_, digits: string) => `V${String(Number(digits) + 1).padStart(8, '0')}`);
    expect(await (await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/identify', { qr: forged })).json()).toEqual({ code: 'member_qr_invalid' });
  });
});

describe('staff views of people', () => {
  it('masks the ID number and phone in lists and views', async () => {
    await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', registration(adultId));
    const list = await fixture.call('GET', `/api/v1/people?stationId=${fixture.stationA}`, { token: fixture.tokens.clerkA });
    const body = (await list.json()) as { people: { idNumberMasked: string; phoneMasked: string }[] };
    expect(body.people[0]).toMatchObject({ idNumberMasked: `${adultId.slice(0, 3)}***********${adultId.slice(14)}`, phoneMasked: '138****5678' });
    expect(list.headers.get('Cache-Control')).toBe('no-store');
  });

  it('reveals the full ID number only to a manager with a reason, and audits it', async () => {
    const { person } = (await (await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', registration(adultId))).json()) as { person: { id: string } };
    expect((await fixture.call('POST', `/api/v1/people/${person.id}/reveal`, { token: fixture.tokens.clerkA, body: { reason: '核对身份' } })).status).toBe(403);
    expect((await fixture.call('POST', `/api/v1/people/${person.id}/reveal`, { token: fixture.tokens.managerB, body: { reason: '核对身份' } })).status).toBe(403);
    expect((await fixture.call('POST', `/api/v1/people/${person.id}/reveal`, { token: fixture.tokens.managerA, body: {} })).status).toBe(422);
    const revealed = await fixture.call('POST', `/api/v1/people/${person.id}/reveal`, { token: fixture.tokens.managerA, body: { reason: '核对身份信息' } });
    expect(await revealed.json()).toEqual({ personId: person.id, idNumber: adultId, name: '张小三', phone });
    const audit = (await (await fixture.call('GET', '/api/v1/audit?limit=1000', { token: fixture.tokens.auditor })).json()) as { records: { event: string; target: string; detail: { reason?: string } }[] };
    expect(audit.records).toContainEqual(expect.objectContaining({ event: 'personal_data_reveal', target: person.id, detail: { reason: '核对身份信息' } }));
  });

  it('links family members both ways and refuses a duplicate link (family_link_exists)', async () => {
    const first = (await (await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', registration(adultId))).json()) as { person: { id: string } };
    const second = (await (await fixture.kioskCall(fixture.kioskA, 'POST', '/api/v1/people', registration(fourteenToday, { phone: undefined }))).json()) as { person: { id: string } };
    const link = await fixture.call('POST', `/api/v1/people/${first.person.id}/family-links`, { token: fixture.tokens.clerkA, body: { relativeId: second.person.id, relation: 'child' } });
    expect(link.status).toBe(201);
    const view = (await (await fixture.call('GET', `/api/v1/people/${second.person.id}`, { token: fixture.tokens.clerkA })).json()) as { familyLinks: unknown[] };
    expect(view.familyLinks).toEqual([{ relativeId: first.person.id, relation: 'parent' }]);
    expect(await (await fixture.call('POST', `/api/v1/people/${first.person.id}/family-links`, { token: fixture.tokens.clerkA, body: { relativeId: second.person.id, relation: 'child' } })).json()).toEqual({ code: 'family_link_exists' });
  });
});

describe('personal data at rest', () => {
  it('keeps no ID number, name or phone in plain text in the database file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'linli-raw-'));
    try {
      const database = await openDatabase({ url: `file:${join(folder, 'raw.db')}` });
      const file = await makeFixture({ database });
      await file.kioskCall(file.kioskA, 'POST', '/api/v1/people', registration(adultId));
      await file.kioskCall(file.kioskA, 'POST', '/api/v1/identify', { card: { idNumber: adultId } });
      await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
      const bytes = Buffer.concat(readdirSync(folder).map((name) => readFileSync(join(folder, name))));
      expect(bytes.includes(Buffer.from('张*三'))).toBe(true);
      for (const secret of [adultId, adultId.slice(0, 17), phone, '张小三']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
      database.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
