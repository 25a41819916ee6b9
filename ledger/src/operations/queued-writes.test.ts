// Proves the queued-write rule through the routes: a kiosk write sent more than a minute after its occurredAt (no
// `offline` flag) is an offline fact dated by its queue delay, whatever the kiosk's clock; a write 30 s late is still
// online; and a late retry of a write that already committed answers its stored outcome.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOperationsFixture, type OperationsFixture } from './redemption/operations-fixture.ts';

let f: OperationsFixture;
let personId: string;
let activityId: string;
let kioskSeq = 100;
beforeEach(async () => {
  f = await makeOperationsFixture();
  personId = (await f.person(1)).id;
  activityId = await f.activity();
  await f.earn(personId);
  const checkIn = await f.write('/api/v1/check-ins', { personId, activityId });
  expect(checkIn.response.status).toBe(201);
});
afterEach(() => f.close());

const minuteMs = 60_000;
const json = async (response: Response) => (await response.json()) as Record<string, any>;

/** Sends a signed write that happened at `occurredAt` (kiosk clock), sent at server time `sentAt` + the kiosk's skew. */
async function sendLate(path: string, fields: Record<string, unknown>, times: { occurredAt: string; sentAt: string; kioskSkewMs?: number; body?: Record<string, unknown> }) {
  const skewMs = times.kioskSkewMs ?? 0;
  f.at(times.sentAt);
  const body = times.body ?? { id: f.newId(), kioskSeq: ++kioskSeq, occurredAt: new Date(Date.parse(times.occurredAt) + skewMs).toISOString(), ...fields };
  const text = JSON.stringify(body);
  const headers = await f.kioskA.sign({ method: 'POST', pathWithQuery: path, body: text, timestampMs: f.clock.nowMs + skewMs });
  const response = await f.app.request(path, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: text });
  return { response, body };
}

const checkOut = (times: Parameters<typeof sendLate>[2]) => sendLate('/api/v1/check-outs', { personId, activityId }, times);

describe('a check-out sent late without the offline flag', () => {
  it('is credited to its occurredAt, not to the upload 20 minutes later', async () => {
    const { response } = await checkOut({ occurredAt: '2026-04-01T10:00:00+08:00', sentAt: '2026-04-01T10:20:00+08:00' });
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer.checkedOutAt).toBe('2026-04-01T02:00:00.000Z');
    expect(answer.minutes).toBe(60);
    expect(answer.credited).toEqual({ time: 60, points: 10 });
  });

  it('is credited, not forgotten, when it happened before the deadline and arrives after it', async () => {
    const { response } = await checkOut({ occurredAt: '2026-04-01T11:20:00+08:00', sentAt: '2026-04-01T12:10:00+08:00' });
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer.approval).toBe('none');
    expect(answer.minutes).toBe(135);
  });

  it('gives the same credit when the kiosk clock is minutes fast or slow (both headers shifted)', async () => {
    const { response } = await checkOut({ occurredAt: '2026-04-01T10:00:00+08:00', sentAt: '2026-04-01T10:20:00+08:00', kioskSkewMs: 4 * minuteMs });
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ checkedOutAt: '2026-04-01T02:00:00.000Z', minutes: 60 });
  });

  it('gives the same credit with a slow kiosk clock', async () => {
    const { response } = await checkOut({ occurredAt: '2026-04-01T10:00:00+08:00', sentAt: '2026-04-01T10:20:00+08:00', kioskSkewMs: -3 * minuteMs });
    expect(await json(response)).toMatchObject({ checkedOutAt: '2026-04-01T02:00:00.000Z', minutes: 60 });
  });

  it('stays online at 30 s late: checked out when the server received it', async () => {
    const { response } = await checkOut({ occurredAt: '2026-04-01T10:14:30+08:00', sentAt: '2026-04-01T10:15:00+08:00' });
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ checkedOutAt: '2026-04-01T02:15:00.000Z', minutes: 75 });
  });

  it('answers the stored outcome (200) when a committed check-out is re-sent late', async () => {
    const first = await checkOut({ occurredAt: '2026-04-01T10:00:00+08:00', sentAt: '2026-04-01T10:00:00+08:00' });
    expect(first.response.status).toBe(201);
    const stored = await json(first.response);
    const retry = await checkOut({ occurredAt: '', sentAt: '2026-04-01T10:40:00+08:00', body: first.body });
    expect(retry.response.status).toBe(200);
    expect(await json(retry.response)).toEqual(stored);
  });
});

describe('a redemption sent late without the offline flag', () => {
  it('is recorded beyond the balance: person to 0, the shortfall in suspense, a reconciliation item', async () => {
    const serviceId = await f.service({ asset: 'time', price: 150 });
    const { response } = await sendLate('/api/v1/redemptions', { personId, serviceId }, { occurredAt: '2026-04-01T09:10:00+08:00', sentAt: '2026-04-01T09:30:00+08:00' });
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer.balances.time).toBe(0);
    expect(answer.receipt.lines).toContain('离线记录，已补传');
    expect(await f.engine.getBalance({ ownerKind: 'station', ownerId: f.stationA, purpose: 'suspense' }, 'time')).toBe(-30);
    expect(await f.engine.trialBalance()).toEqual({ time: 0, points: 0 });
    const items = await json(await f.call('GET', `/api/v1/reconciliation?stationId=${f.stationA}&status=open`, { token: f.tokens.managerA }));
    expect(items.items).toEqual([expect.objectContaining({ kind: 'offline_shortfall', asset: 'time', amount: 30, status: 'open' })]);
  });

  it('is refused online at 30 s late (insufficient_balance)', async () => {
    const serviceId = await f.service({ asset: 'time', price: 150 });
    const { response } = await sendLate('/api/v1/redemptions', { personId, serviceId }, { occurredAt: '2026-04-01T09:29:30+08:00', sentAt: '2026-04-01T09:30:00+08:00' });
    expect(response.status).toBe(409);
    expect(await json(response)).toEqual({ code: 'insufficient_balance' });
  });
});
