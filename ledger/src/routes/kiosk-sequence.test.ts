// Proves POST /api/v1/kiosks/sequence-voids: a lost write's kioskSeq is filled with a value-free, chained, idempotent
// `sequence_void`; a kioskSeq the lost registration did take is answered with that transaction (voided:false) on
// every replay; a registration arriving after its void is refused (kiosk_seq_reused); and the daily close's kiosk
// check counts a void as a filled sequence number.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import { makeOperationsFixture, type OperationsFixture } from '../operations/redemption/operations-fixture.ts';

let f: OperationsFixture;
beforeEach(async () => { f = await makeOperationsFixture(); });
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const occurredAt = () => new Date(f.clock.nowMs).toISOString();
const card = (serial: number) => ({ idNumber: makeIdNumber(`11010119800203${String(100 + serial).slice(-3)}`), name: '赵六' });
const voidBody = (kioskSeq: number, id = f.newId()) => ({ id, kioskSeq, occurredAt: occurredAt(), reason: 'registration_lost' });
const sendVoid = (body: Record<string, unknown>) => f.kioskCall(f.kioskA, 'POST', '/api/v1/kiosks/sequence-voids', body);
const registration = (kioskSeq: number, serial: number, id = f.newId()) => ({ id, kioskSeq, occurredAt: occurredAt(), card: card(serial), consentVersion: 'v1' });
const register = (body: Record<string, unknown>) => f.kioskCall(f.kioskA, 'POST', '/api/v1/people', body);

describe('POST /api/v1/kiosks/sequence-voids', () => {
  it('fills a free kioskSeq with a value-free sequence_void and closes the gap', async () => {
    const activityId = await f.activity();
    const person = await f.person(1);
    expect((await f.kioskCall(f.kioskA, 'POST', '/api/v1/check-ins', { id: f.newId(), kioskSeq: 2, occurredAt: occurredAt(), personId: person.id, activityId })).status).toBe(201);
    expect((await f.engine.kioskSequenceState(f.kioskA.kioskId)).gaps).toEqual([{ fromSeq: 1, toSeq: 1 }]);
    const body = voidBody(1);
    const response = await sendVoid(body);
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ voided: true, transactionId: body.id, kioskSeq: 1 });
    expect(await f.engine.kioskSequenceState(f.kioskA.kioskId)).toMatchObject({ gaps: [], contiguousThrough: 2, maxSeq: 2 });
    const row = (await f.database.client.execute({ sql: 'SELECT kind, status FROM transactions WHERE id = ?', args: [body.id] })).rows[0];
    expect({ kind: row?.kind, status: row?.status }).toEqual({ kind: 'sequence_void', status: 'posted' });
    expect((await f.database.client.execute({ sql: 'SELECT count(*) AS n FROM postings p JOIN transactions t ON t.ledger_seq = p.ledger_seq WHERE t.id = ?', args: [body.id] })).rows[0]?.n).toBe(0);
    expect((await f.engine.verifyChain()).ok).toBe(true);
  });

  it('answers a replay with the stored void (200) and the same id with another body with id_reused (409)', async () => {
    const body = voidBody(1);
    const first = await json(await sendVoid(body));
    const again = await sendVoid(body);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(first);
    const reused = await sendVoid({ ...body, kioskSeq: 2 });
    expect(reused.status).toBe(409);
    expect(await json(reused)).toEqual({ code: 'id_reused' });
  });

  it('voids nothing when the registration did commit: 200 voided:false naming it, on every replay', async () => {
    const sent = registration(1, 1);
    expect((await register(sent)).status).toBe(201);
    const body = voidBody(1);
    for (const _attempt of [1, 2]) {
      const response = await sendVoid(body);
      expect(response.status).toBe(200);
      expect(await json(response)).toEqual({ voided: false, kioskSeq: 1, transactionId: sent.id, kind: 'registration', status: 'posted', code: null });
    }
    expect(await f.engine.kioskSequenceState(f.kioskA.kioskId)).toMatchObject({ gaps: [], maxSeq: 1 });
  });

  it('names a stored rejection holding the kioskSeq (already_registered) the same way', async () => {
    expect((await register(registration(1, 2))).status).toBe(201);
    const refused = registration(2, 2);
    expect((await register(refused)).status).toBe(409);
    expect(await json(await sendVoid(voidBody(2)))).toEqual({ voided: false, kioskSeq: 2, transactionId: refused.id, kind: 'registration', status: 'rejected', code: 'already_registered' });
  });

  it('refuses a registration that arrives after its kioskSeq was voided (kiosk_seq_reused) and stores no person', async () => {
    expect((await sendVoid(voidBody(1))).status).toBe(201);
    const late = registration(1, 3);
    const response = await register(late);
    expect(response.status).toBe(409);
    expect(await json(response)).toEqual({ code: 'kiosk_seq_reused' });
    expect((await f.database.client.execute('SELECT count(*) AS n FROM people')).rows[0]?.n).toBe(0);
  });

  it('refuses a replayed request (same signature and nonce) with 401 and writes nothing more', async () => {
    const body = voidBody(1);
    const text = JSON.stringify(body);
    const headers = await f.kioskA.sign({ method: 'POST', pathWithQuery: '/api/v1/kiosks/sequence-voids', body: text, timestampMs: f.clock.nowMs });
    const send = () => f.app.request('/api/v1/kiosks/sequence-voids', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: text });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(401);
    expect((await f.database.client.execute('SELECT count(*) AS n FROM transactions')).rows[0]?.n).toBe(1);
  });

  it('refuses any other reason (422 invalid_input) and stores nothing', async () => {
    const response = await sendVoid({ ...voidBody(1), reason: 'changed_my_mind' });
    expect(response.status).toBe(422);
    expect((await json(response)).code).toBe('invalid_input');
    expect((await f.engine.kioskSequenceState(f.kioskA.kioskId)).maxSeq).toBe(0);
  });

  it('lets the daily close pass its kiosk check with a void filling the sequence', async () => {
    const activityId = await f.activity();
    const person = await f.person(1);
    expect((await f.kioskCall(f.kioskA, 'POST', '/api/v1/check-ins', { id: f.newId(), kioskSeq: 2, occurredAt: occurredAt(), personId: person.id, activityId })).status).toBe(201);
    expect((await sendVoid(voidBody(1))).status).toBe(201);
    const counters = { check_in: { count: 1, time: 0, points: 0 }, sequence_void: { count: 1, time: 0, points: 0 } };
    expect((await f.kioskCall(f.kioskA, 'POST', '/api/v1/kiosks/day-report', { businessDate: '2026-04-01', lastKioskSeq: 2, counters })).status).toBe(201);
    const close = await json(await f.call('POST', `/api/v1/stations/${f.stationA}/closes`, { token: f.tokens.managerA, body: { businessDate: '2026-04-01' } }));
    expect(close.close.checks.find((check: { name: string }) => check.name === 'kiosk_sequences_and_counters')).toEqual({ name: 'kiosk_sequences_and_counters', ok: true });
  });
});
