// Proves the kiosk's extensions beyond protocol v1: a person's recent entries (newest first, one per transaction,
// signed from the person's side, check-ins included, limit at most 50) and the member QR, both for the signed kiosk of
// the person's station and staff in scope, never for a kiosk of another station.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyMemberQr } from '../services/member-qr.ts';
import { makeOperationsFixture, type OperationsFixture } from '../operations/redemption/operations-fixture.ts';

let f: OperationsFixture;
let person: { id: string; volunteerNo: string };
beforeEach(async () => {
  f = await makeOperationsFixture();
  person = await f.person(1);
});
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const entries = async (path = `/api/v1/people/${person.id}/entries?limit=5`, kiosk = f.kioskA) => f.kioskCall(kiosk, 'GET', path);

describe('GET /api/v1/people/{personId}/entries', () => {
  it('lists check-in, check-out, redemption and gift newest first with amounts signed from the person’s side', async () => {
    const child = await f.person(2);
    expect((await f.call('POST', `/api/v1/people/${person.id}/family-links`, { token: f.tokens.clerkA, body: { relativeId: child.id, relation: 'child' } })).status).toBe(201);
    const activityId = await f.activity();
    const serviceId = await f.service({ asset: 'points', price: 4 });
    expect((await f.write('/api/v1/check-ins', { personId: person.id, activityId })).response.status).toBe(201);
    f.at('2026-04-01T10:00:00+08:00');
    expect((await f.write('/api/v1/check-outs', { personId: person.id, activityId })).response.status).toBe(201);
    expect((await f.write('/api/v1/redemptions', { personId: person.id, serviceId })).response.status).toBe(201);
    expect((await f.write('/api/v1/gifts', { fromPersonId: person.id, toPersonId: child.id, minutes: 15 })).response.status).toBe(201);

    const response = await entries();
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const listed = (await json(response)).entries as { ledgerSeq: number; kind: string; occurredAt: string; time: number; points: number }[];
    expect(listed.map(({ kind, time, points }) => ({ kind, time, points }))).toEqual([
      { kind: 'gift', time: -15, points: 0 },
      { kind: 'redemption', time: 0, points: -4 },
      { kind: 'check_out', time: 60, points: 10 },
      { kind: 'check_in', time: 0, points: 0 },
    ]);
    expect(listed[0]!.ledgerSeq).toBeGreaterThan(listed[1]!.ledgerSeq);
    expect(listed.at(-1)!.occurredAt).toBe('2026-04-01T01:00:00.000Z');
    const received = (await json(await entries(`/api/v1/people/${child.id}/entries`))).entries;
    expect(received).toEqual([expect.objectContaining({ kind: 'gift', time: 15, points: 0 })]);
  });

  it('answers the newest entries up to the limit, and at most 50', async () => {
    for (let index = 0; index < 3; index++) await f.earn(person.id, { time: 10 + index, points: 0 });
    expect((await json(await entries(`/api/v1/people/${person.id}/entries?limit=2`))).entries.map((entry: { time: number }) => entry.time)).toEqual([12, 11]);
    expect((await entries(`/api/v1/people/${person.id}/entries?limit=50`)).status).toBe(200);
    const tooMany = await entries(`/api/v1/people/${person.id}/entries?limit=51`);
    expect(tooMany.status).toBe(422);
    expect(await json(tooMany)).toEqual({ code: 'invalid_input', detail: 'limit: must be an integer 1–50' });
  });

  it('answers an empty list for someone with no entries, and person_not_found for an unknown id', async () => {
    expect(await json(await entries())).toEqual({ entries: [] });
    const unknown = await entries('/api/v1/people/01JNOBODY0000000000000000A/entries');
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toEqual({ code: 'person_not_found' });
  });

  it('refuses the kiosk of another station (station_forbidden) and serves staff in scope', async () => {
    await f.earn(person.id);
    const elsewhere = await entries(undefined, f.kioskB);
    expect(elsewhere.status).toBe(403);
    expect(await json(elsewhere)).toEqual({ code: 'station_forbidden' });
    expect((await f.call('GET', `/api/v1/people/${person.id}/entries`, { token: f.tokens.managerB })).status).toBe(403);
    const staff = await json(await f.call('GET', `/api/v1/people/${person.id}/entries`, { token: f.tokens.clerkA }));
    expect(staff.entries).toHaveLength(2);
  });
});

describe('GET /api/v1/people/{personId}/member-qr from a kiosk', () => {
  it('gives the kiosk of the person’s station a QR that verifies, and refuses a kiosk elsewhere', async () => {
    const own = await f.kioskCall(f.kioskA, 'GET', `/api/v1/people/${person.id}/member-qr`);
    expect(own.status).toBe(200);
    const { memberQr } = await json(own);
    expect(await verifyMemberQr(f.keys, memberQr)).toBe(person.volunteerNo);
    const elsewhere = await f.kioskCall(f.kioskB, 'GET', `/api/v1/people/${person.id}/member-qr`);
    expect(elsewhere.status).toBe(403);
    expect(await json(elsewhere)).toEqual({ code: 'station_forbidden' });
  });
});
