// Proves POST /api/v1/redemptions: a redemption moves the price from the person to the system redemption account
// with a pickup code and a receipt, retries replay, rule rejections (age, balance) are stored and final at and
// beyond their limits, malformed input stores nothing, offline uploads are recorded with a shortfall to suspense
// (a follow-up's `replaces` traced in metadata), and staff find a redemption by its pickup code and mark it collected once.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../../tests/support/row-counts.ts';
import { makeOperationsFixture, type OperationsFixture } from '../operations/redemption/operations-fixture.ts';

let f: OperationsFixture;
let person: { id: string; volunteerNo: string };
beforeEach(async () => {
  f = await makeOperationsFixture();
  person = await f.person(1);
  await f.earn(person.id);
  f.at('2026-04-01T09:10:00+08:00');
});
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const redeem = (serviceId: string, fields: Record<string, unknown> = {}) => f.write('/api/v1/redemptions', { personId: person.id, serviceId, ...fields });

describe('POST /api/v1/redemptions', () => {
  it('spends the price, answers a pickup code, balances and a receipt that verifies', async () => {
    const serviceId = await f.service({ asset: 'time', price: 30 });
    const { response, body } = await redeem(serviceId);
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer.redemptionId).toBe(body.id);
    expect(answer.pickupCode).toMatch(/^\d{6}$/);
    expect(answer.balances).toEqual({ time: 90, points: 20 });
    expect(answer.receipt).toMatchObject({ kind: 'redemption', kioskId: f.kioskA.kioskId, stationName: '甲站' });
    expect(answer.receipt.lines.join('\n')).toContain(answer.pickupCode);
    expect(answer.receipt.lines.join('\n')).not.toContain('测试1');
    const verified = await json(await f.call('GET', `/api/v1/receipts/${f.kioskA.kioskId}/${body.kioskSeq}`));
    expect(verified).toMatchObject({ valid: true, kind: 'redemption', amounts: { time: 30, points: 0 } });
  });

  it('replays a retry (200) and answers id_reused for the same id with another body', async () => {
    const serviceId = await f.service({ asset: 'points', price: 5 });
    const { response, body } = await redeem(serviceId);
    const first = await json(response);
    const again = await f.kioskCall(f.kioskA, 'POST', '/api/v1/redemptions', body);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(first);
    const other = await f.kioskCall(f.kioskA, 'POST', '/api/v1/redemptions', { ...body, serviceId: await f.service({ asset: 'points', price: 6 }) });
    expect(other.status).toBe(409);
    expect(await json(other)).toEqual({ code: 'id_reused' });
  });

  it('allows spending the whole balance and refuses one more (insufficient_balance), stored and final', async () => {
    const exact = await redeem(await f.service({ asset: 'points', price: 20 }));
    expect(exact.response.status).toBe(201);
    expect((await json(exact.response)).balances.points).toBe(0);
    const { response, body } = await redeem(await f.service({ asset: 'points', price: 1 }));
    expect(response.status).toBe(409);
    expect(await json(response)).toEqual({ code: 'insufficient_balance' });
    const retry = await f.kioskCall(f.kioskA, 'POST', '/api/v1/redemptions', body);
    expect(retry.status).toBe(409);
    expect(await json(retry)).toEqual({ code: 'insufficient_balance' });
  });

  it('applies the minimum age: refuses below it (below_minimum_age) and accepts at it', async () => {
    // Person 1 is born 1980-01-11: 46 on 2026-04-01.
    const tooOld = await redeem(await f.service({ asset: 'time', price: 10, minAge: 47 }));
    expect(tooOld.response.status).toBe(409);
    expect((await json(tooOld.response)).code).toBe('below_minimum_age');
    const atLimit = await redeem(await f.service({ asset: 'time', price: 10, minAge: 46 }));
    expect(atLimit.response.status).toBe(201);
  });

  it('answers an unknown service with 404 and stores nothing for malformed input (422)', async () => {
    const missing = await redeem('NO-SUCH-SERVICE');
    expect(missing.response.status).toBe(404);
    expect(await json(missing.response)).toEqual({ code: 'service_not_found' });
    const before = await rowCounts(f.database);
    const bad = await f.kioskCall(f.kioskA, 'POST', '/api/v1/redemptions', { id: 'not-an-id', kioskSeq: 99, occurredAt: 'yesterday', personId: person.id, serviceId: 'x' });
    expect(bad.status).toBe(422);
    expect({ ...(await rowCounts(f.database)), kiosk_nonces: 0 }).toEqual({ ...before, kiosk_nonces: 0 });
  });

  it('records an offline redemption beyond the balance: person to 0, shortfall to suspense, a reconciliation item', async () => {
    const serviceId = await f.service({ asset: 'time', price: 150 });
    const { response } = await redeem(serviceId, { offline: true, occurredAt: '2026-04-01T09:30:00+08:00' });
    expect(response.status).toBe(201);
    expect((await json(response)).balances.time).toBe(0);
    expect(await f.engine.getBalance({ ownerKind: 'station', ownerId: f.stationA, purpose: 'suspense' }, 'time')).toBe(-30);
    expect(await f.engine.trialBalance()).toEqual({ time: 0, points: 0 });
    const items = await json(await f.call('GET', `/api/v1/reconciliation?stationId=${f.stationA}&status=open`, { token: f.tokens.managerA }));
    expect(items.items).toEqual([expect.objectContaining({ kind: 'offline_shortfall', asset: 'time', amount: 30, status: 'open' })]);
  });

  it('keeps the refused write an offline follow-up replaces in metadata and the reconciliation item; refuses a bad one (422)', async () => {
    const serviceId = await f.service({ asset: 'time', price: 150 });
    const refusedId = f.newId();
    const { response, body } = await redeem(serviceId, { offline: true, occurredAt: '2026-04-01T09:30:00+08:00', replaces: refusedId });
    expect(response.status).toBe(201);
    const stored = await f.database.client.execute({ sql: 'SELECT metadata FROM transactions WHERE id = ?', args: [String(body.id)] });
    expect(JSON.parse(String(stored.rows[0]?.[0]))).toMatchObject({ offline: true, replaces: refusedId });
    const items = await json(await f.call('GET', `/api/v1/reconciliation?stationId=${f.stationA}&status=open`, { token: f.tokens.managerA }));
    expect(items.items).toEqual([expect.objectContaining({ kind: 'offline_shortfall', detail: expect.stringContaining(`replaces ${refusedId}`) })]);
    const before = await rowCounts(f.database);
    const bad = await redeem(serviceId, { offline: true, replaces: 'not-an-id' });
    expect(bad.response.status).toBe(422);
    expect(await json(bad.response)).toMatchObject({ code: 'invalid_input' });
    expect({ ...(await rowCounts(f.database)), kiosk_nonces: 0 }).toEqual({ ...before, kiosk_nonces: 0 });
  });

  it('finds a redemption by pickup code and marks it collected once (already_collected)', async () => {
    const { response } = await redeem(await f.service({ asset: 'time', price: 15 }));
    const { pickupCode, redemptionId } = await json(response);
    const found = await f.call('GET', `/api/v1/redemptions/pickup?stationId=${f.stationA}&code=${pickupCode}`, { token: f.tokens.clerkA });
    expect(found.status).toBe(200);
    expect((await json(found)).redemption).toMatchObject({ redemptionId, collectedAt: null });
    const collected = await f.call('POST', `/api/v1/redemptions/${redemptionId}/collection`, { token: f.tokens.clerkA });
    expect(collected.status).toBe(201);
    const twice = await f.call('POST', `/api/v1/redemptions/${redemptionId}/collection`, { token: f.tokens.clerkA });
    expect(twice.status).toBe(409);
    expect(await json(twice)).toEqual({ code: 'already_collected' });
    const otherStation = await f.call('POST', `/api/v1/redemptions/${redemptionId}/collection`, { token: f.tokens.managerB });
    expect(otherStation.status).toBe(403);
  });
});
