// Proves staff search of people: by volunteer number, ID number and phone (keyed-hash lookups) and by surname,
// only within the station asked for and the caller's scope, masked in the answer, and refused when malformed.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import { makeFixture, type Fixture } from '../../../tests/support/station-fixture.ts';
import { searchKindOf } from '../services/people-search.ts';

let f: Fixture;
beforeEach(async () => { f = await makeFixture(); });
afterEach(() => f.close());

type Found = { kind: string | null; people: { id: string; volunteerNo: string; displayName: string }[] };
const search = async (query: string, stationId = f.stationA, token = f.tokens.clerkA) => {
  const response = await f.call('POST', '/api/v1/people/search', { token, body: { stationId, query } });
  return { status: response.status, body: response.status === 200 ? (await response.json()) as Found : null, text: response.status === 200 ? '' : await response.text() };
};
const register = async (stationId: string, idNumber: string, name: string, phone: string) => {
  const response = await f.call('POST', '/api/v1/people', { token: f.tokens.districtAdmin, body: { stationId, card: { idNumber, name }, phone, consentVersion: 'v1' } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { person: { id: string; volunteerNo: string } }).person;
};

describe('POST /api/v1/people/search', () => {
  it('finds a person by volunteer number, ID number, phone and surname, masked', async () => {
    const idNumber = makeIdNumber('11010119800101123');
    const zhang = await register(f.stationA, idNumber, '张小三', '13812345678');
    await register(f.stationA, makeIdNumber('11010119810101123'), '李四', '13900000000');
    for (const query of [zhang.volunteerNo, zhang.volunteerNo.toLowerCase(), idNumber, '138-1234-5678', '张']) {
      const found = await search(query);
      expect(found.status).toBe(200);
      expect(found.body!.people.map((person) => person.id), query).toEqual([zhang.id]);
      expect(found.body!.people[0]!.displayName).toBe('张*三');
    }
    expect((await search(idNumber)).body!.kind).toBe('id_number');
    expect(JSON.stringify((await search(idNumber)).body)).not.toContain(idNumber);
  });

  it('answers nothing for a person of another station, and 403 for a station outside the caller\'s scope', async () => {
    const other = await register(f.stationB, makeIdNumber('11010119820101123'), '王五', '13700000000');
    expect((await search(other.volunteerNo)).body!.people).toEqual([]);
    expect((await search('王')).body!.people).toEqual([]);
    expect((await search('王', f.stationB)).status).toBe(403);
    expect((await search('王', f.stationB, f.tokens.streetAdmin)).body!.people.map((person) => person.id)).toEqual([other.id]);
  });

  it('answers kind null and no one for a query of no known shape, and 422 for an empty or long one', async () => {
    expect((await search('hello')).body).toEqual({ kind: null, people: [] });
    expect((await search('%')).body).toEqual({ kind: null, people: [] });
    expect((await search('')).status).toBe(422);
    expect((await search('1'.repeat(41))).status).toBe(422);
  });

  it('tells the kinds apart by shape', () => {
    expect(searchKindOf('V00000012')).toBe('volunteer_no');
    expect(searchKindOf('13812345678')).toBe('phone');
    expect(searchKindOf('+86 138 1234 5678')).toBe('phone');
    expect(searchKindOf('张')).toBe('surname');
    expect(searchKindOf('张三丰')).toBe(null);
    expect(searchKindOf('12345')).toBe(null);
  });
});
