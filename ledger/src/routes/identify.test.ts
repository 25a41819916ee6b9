// Proves identify by phone with the check question: the birth year must match (a wrong year answers exactly like an
// unknown phone), it tells a household sharing one phone apart, phone alone still answers as protocol v1 says, and
// repeated phone misses are throttled per caller (429 too_many_attempts) without touching other kiosks or cards.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import { makeFixture, type Fixture } from '../../../tests/support/station-fixture.ts';
import { phoneMissesMax, phoneMissWindowMs } from '../services/identify-throttle.ts';

const phone = '13712345678';
const parentId = makeIdNumber('11010119580203002');
const childId = makeIdNumber('11010119880709002');

let fixture: Fixture;
beforeEach(async () => { fixture = await makeFixture(); });
afterEach(() => fixture.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const identify = (body: Record<string, unknown>, kiosk = fixture.kioskA) => fixture.kioskCall(kiosk, 'POST', '/api/v1/identify', body);

async function register(idNumber: string, name: string, withPhone = phone): Promise<string> {
  const response = await fixture.call('POST', '/api/v1/people', { token: fixture.tokens.clerkA, body: { stationId: fixture.stationA, card: { idNumber, name }, phone: withPhone, consentVersion: 'v1' } });
  expect(response.status).toBe(201);
  return (await json(response)).person.id;
}

describe('identify by phone with the birth year', () => {
  it('finds the person when the birth year matches', async () => {
    const personId = await register(parentId, '王大明');
    const found = await identify({ phone, birthYear: 1958 });
    expect(found.status).toBe(200);
    expect((await json(found)).person).toMatchObject({ id: personId, displayName: '王*明' });
  });

  it('answers a wrong birth year exactly like an unknown phone (person_not_found)', async () => {
    await register(parentId, '王大明');
    const wrongYear = await identify({ phone, birthYear: 1959 });
    const unknownPhone = await identify({ phone: '13700000000', birthYear: 1958 });
    expect([wrongYear.status, unknownPhone.status]).toEqual([404, 404]);
    expect(await wrongYear.text()).toBe(await unknownPhone.text());
  });

  it('still answers phone alone as protocol v1 does, and refuses a birth year that is not a year (invalid_input)', async () => {
    const personId = await register(parentId, '王大明');
    expect((await json(await identify({ phone }))).person.id).toBe(personId);
    const bad = await identify({ phone, birthYear: '1958' });
    expect(bad.status).toBe(422);
    expect(await json(bad)).toEqual({ code: 'invalid_input', detail: 'birthYear: must be an integer 1900–2100' });
  });

  it('tells a household sharing one phone apart by birth year (phone alone stays phone_ambiguous)', async () => {
    const parent = await register(parentId, '王大明');
    const child = await register(childId, '王小明');
    expect(await json(await identify({ phone }))).toEqual({ code: 'phone_ambiguous' });
    expect((await json(await identify({ phone, birthYear: 1958 }))).person.id).toBe(parent);
    expect((await json(await identify({ phone, birthYear: 1988 }))).person.id).toBe(child);
    expect((await identify({ phone, birthYear: 1970 })).status).toBe(404);
  });
});

describe('throttling phone misses', () => {
  it(`answers too_many_attempts after ${phoneMissesMax} misses from one kiosk, even for a right answer, and audits it`, async () => {
    await register(parentId, '王大明');
    for (let miss = 0; miss < phoneMissesMax - 1; miss++) expect((await identify({ phone, birthYear: 1900 + miss })).status).toBe(404);
    expect((await identify({ phone, birthYear: 1958 })).status).toBe(200);
    expect((await identify({ phone: '13900000000' })).status).toBe(404);
    const throttled = await identify({ phone, birthYear: 1958 });
    expect(throttled.status).toBe(429);
    expect(await json(throttled)).toEqual({ code: 'too_many_attempts' });
    const audit = await json(await fixture.call('GET', '/api/v1/audit?limit=1000', { token: fixture.tokens.auditor }));
    expect(audit.records).toContainEqual(expect.objectContaining({ event: 'identify_throttled', outcome: 'denied', actorId: fixture.kioskA.kioskId }));
  });

  it('leaves other kiosks, card and QR identification alone, and lifts after the window', async () => {
    await register(parentId, '王大明');
    for (let miss = 0; miss < phoneMissesMax; miss++) await identify({ phone: `1390000000${miss}` });
    expect((await identify({ phone })).status).toBe(429);
    expect((await identify({ phone }, fixture.kioskB)).status).toBe(200);
    expect((await identify({ card: { idNumber: parentId } })).status).toBe(200);
    fixture.clock.nowMs += phoneMissWindowMs + 1;
    expect((await identify({ phone })).status).toBe(200);
  });

  it('counts staff misses per staff member', async () => {
    await register(parentId, '王大明');
    const staffIdentify = (token: string) => fixture.call('POST', '/api/v1/identify', { token, body: { phone: '13900000000' } });
    for (let miss = 0; miss < phoneMissesMax; miss++) expect((await staffIdentify(fixture.tokens.clerkA)).status).toBe(404);
    expect((await staffIdentify(fixture.tokens.clerkA)).status).toBe(429);
    expect((await staffIdentify(fixture.tokens.managerA)).status).toBe(404);
  });
});
