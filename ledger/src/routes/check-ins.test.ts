// Proves POST /api/v1/check-ins: an attendance opens through the ledger engine (a value-free transaction counted
// in the kiosk's sequence), retries replay, rule rejections are stored and final, malformed input stores nothing,
// and every check-in rule (window, already open, 3 pairs a day) has a passing, failing and at-the-limit case.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../../tests/support/row-counts.ts';
import { makeAttendanceFixture, type AttendanceFixture } from '../operations/attendance/attendance-fixture.ts';

let f: AttendanceFixture;
let activityId: string;
let person: { id: string; volunteerNo: string };
beforeEach(async () => {
  f = await makeAttendanceFixture();
  activityId = await f.activity();
  person = await f.person(1);
});
afterEach(() => f.close());

const checkIn = (fields: Record<string, unknown> = {}) => f.write('/api/v1/check-ins', { personId: person.id, activityId, ...fields });
const json = async (response: Response) => (await response.json()) as Record<string, any>;

describe('POST /api/v1/check-ins', () => {
  it('opens an attendance and answers a receipt that verifies publicly', async () => {
    const { response, body } = await checkIn();
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer.attendanceId).toBe(body.id);
    expect(answer.receipt).toMatchObject({ kioskId: f.kioskA.kioskId, kioskSeq: 1, ledgerSeq: 1, kind: 'check_in', stationName: '甲站' });
    expect(answer.receipt.lines.join('\n')).toContain('测*');
    expect(answer.receipt.lines.join('\n')).not.toContain('测试1');
    const verified = await f.call('GET', `/api/v1/receipts/${f.kioskA.kioskId}/1`);
    expect(verified.status).toBe(200);
    expect(await json(verified)).toMatchObject({ valid: true, kind: 'check_in', amounts: { time: 0, points: 0 } });
    const identified = await f.kioskCall(f.kioskA, 'POST', '/api/v1/identify', { qr: undefined, card: { idNumber: (await f.person(2)).idNumber } });
    expect(identified.status).toBe(200);
  });

  it('shows the open attendance to identify', async () => {
    const who = await f.person(3);
    await f.write('/api/v1/check-ins', { personId: who.id, activityId });
    const identified = await json(await f.kioskCall(f.kioskA, 'POST', '/api/v1/identify', { card: { idNumber: who.idNumber } }));
    expect(identified.openAttendances).toEqual([{ attendanceId: expect.any(String), activityId, checkedInAt: '2026-04-01T01:00:00.000Z' }]);
  });

  it('answers a retry with the stored outcome (200) and the same id with another body with id_reused', async () => {
    const { response, body } = await checkIn();
    const first = await json(response);
    const again = await f.kioskCall(f.kioskA, 'POST', '/api/v1/check-ins', body);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(first);
    const other = await f.kioskCall(f.kioskA, 'POST', '/api/v1/check-ins', { ...body, personId: (await f.person(4)).id });
    expect(other.status).toBe(409);
    expect(await json(other)).toEqual({ code: 'id_reused' });
  });

  it('refuses a second check-in while one is open (already_checked_in), stored and final', async () => {
    await checkIn();
    const { response, body } = await checkIn();
    expect(response.status).toBe(409);
    expect(await json(response)).toEqual({ code: 'already_checked_in' });
    const replay = await f.kioskCall(f.kioskA, 'POST', '/api/v1/check-ins', body);
    expect(replay.status).toBe(409);
    expect(await json(replay)).toEqual({ code: 'already_checked_in' });
    const heartbeat = await json(await f.kioskCall(f.kioskA, 'POST', '/api/v1/kiosks/heartbeat', { printerPaper: 'ok', readerPresent: true, outboxLength: 0, appVersion: '1' }));
    expect(heartbeat.lastKioskSeq).toBe(2);
  });

  it('opens check-in exactly 60 minutes before the start, not a minute earlier (activity_not_open)', async () => {
    f.at('2026-04-01T07:59:00+08:00');
    expect((await json((await checkIn()).response)).code).toBe('activity_not_open');
    f.at('2026-04-01T08:00:00+08:00');
    expect((await checkIn()).response.status).toBe(201);
  });

  it('refuses a check-in at the scheduled end (activity_ended) and accepts one a minute before', async () => {
    f.at('2026-04-01T11:00:00+08:00');
    expect((await json((await checkIn()).response)).code).toBe('activity_ended');
    f.at('2026-04-01T10:59:00+08:00');
    expect((await checkIn()).response.status).toBe(201);
  });

  it('allows 3 check-in/check-out pairs a day and refuses the 4th (pairs_per_day_exceeded)', async () => {
    for (let pair = 0; pair < 3; pair++) {
      expect((await checkIn()).response.status).toBe(201);
      f.clock.nowMs += 60_000;
      expect((await f.write('/api/v1/check-outs', { personId: person.id, activityId })).response.status).toBe(201);
    }
    const fourth = await checkIn();
    expect(fourth.response.status).toBe(409);
    expect((await json(fourth.response)).code).toBe('pairs_per_day_exceeded');
  });

  it('stores nothing for malformed input (422)', async () => {
    const ledgerRows = async () => { const { kiosk_nonces: _nonces, ...rest } = await rowCounts(f.database); return rest; };
    const before = await ledgerRows();
    for (const bad of [{ id: 'not-an-id' }, { kioskSeq: 0 }, { occurredAt: '2026-04-01 09:00' }, { personId: undefined }]) {
      const { response } = await checkIn(bad);
      expect(response.status).toBe(422);
      expect((await json(response)).code).toBe('invalid_input');
    }
    expect(await ledgerRows()).toEqual(before);
  });

  it('stores person_not_found and activity_not_found (another station’s activity) as 404 rejections', async () => {
    expect((await checkIn({ personId: 'NOBODY' })).response.status).toBe(404);
    const otherStation = await f.call('POST', '/api/v1/activities', { token: f.tokens.managerB, body: { stationId: f.stationB, title: 'B', startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T10:00:00+08:00' } });
    const otherId = ((await otherStation.json()) as { activity: { id: string } }).activity.id;
    const { response } = await checkIn({ activityId: otherId });
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({ code: 'activity_not_found' });
    const heartbeat = await json(await f.kioskCall(f.kioskA, 'POST', '/api/v1/kiosks/heartbeat', { printerPaper: 'ok', readerPresent: true, outboxLength: 0, appVersion: '1' }));
    expect(heartbeat.lastKioskSeq).toBe(2);
  });

  it('refuses staff callers: check-ins are kiosk writes (401)', async () => {
    const response = await f.call('POST', '/api/v1/check-ins', { token: f.tokens.managerA, body: { id: f.newId(), kioskSeq: 1, occurredAt: '2026-04-01T09:00:00+08:00', personId: person.id, activityId } });
    expect(response.status).toBe(401);
  });
});
