// Proves the outbox: stored before sent, sent in kioskSeq order, exists (200) as success, capped backoff,
// permanent rejections kept, the offline redemption allowance of rule 14, and no personal data in stored entries.
import { describe, expect, it } from 'vitest';
import { createIdGenerator } from '../../../domain/ids.ts';
import { createOutbox, type Draft } from './outbox.ts';
import { createMemoryStore } from './memory-store.ts';
import { retryDelayMs } from './backoff.ts';
import type { SendResult } from './types.ts';
import { manualClock, scriptedTransport, type Script } from './scripted-transport.ts';

function setup(answer: Script) {
  const { calls, transport } = scriptedTransport(answer);
  const store = createMemoryStore();
  const clock = manualClock(1_750_000_000_000);
  const make = () => createOutbox({ store, transport, nextId: createIdGenerator(clock.now, (n) => new Uint8Array(n).fill(7)), nowMs: clock.now, random01: () => 0 });
  return { calls, store, clock, make };
}

const checkIn = (personId: string): Draft => ({ operation: 'check-in', path: '/api/v1/check-ins', fields: { personId, activityId: 'A1' }, personId });
const redeem = (personId: string, amount: number, lastSeenBalance: number, asset: 'time' | 'points' = 'points'): Draft => ({
  operation: 'redemption', path: '/api/v1/redemptions', fields: { personId, serviceId: 'S1' }, personId, redemption: { personId, asset, amount, lastSeenBalance },
});

describe('outbox', () => {
  it('stores the entry with its id and kioskSeq before sending it', async () => {
    const { store, make } = setup(() => {
      const stored = store.snapshot();
      expect(stored.entries).toHaveLength(1);
      expect(stored.meta.kioskSeqLast).toBe(1);
      return { status: 201, body: { attendanceId: 'T1' } };
    });
    const outbox = await make();
    const result = await outbox.submit(checkIn('P1'));
    expect(result).toMatchObject({ status: 'done', response: { attendanceId: 'T1' } });
    expect(result.entry?.body).toMatchObject({ kioskSeq: 1, personId: 'P1', activityId: 'A1' });
  });

  it('counts a stored outcome (200 exists) as success', async () => {
    const { make } = setup(() => ({ status: 200, body: { attendanceId: 'T1' } }));
    expect((await (await make()).submit(checkIn('P1'))).status).toBe('done');
  });

  it('queues on a network error, keeps later writes behind it, and sends all in kioskSeq order when back', async () => {
    let isUp = false;
    const { calls, clock, make } = setup(() => (isUp ? { status: 201, body: {} } : 'network'));
    const outbox = await make();
    expect((await outbox.submit(checkIn('P1'))).status).toBe('queued');
    expect((await outbox.submit(checkIn('P2'))).status).toBe('queued');
    expect(outbox.isOnline()).toBe(false);
    expect(calls).toHaveLength(1);
    isUp = true;
    clock.advance(60_000);
    await outbox.drain();
    expect(calls.slice(1).map((call) => call.body.kioskSeq)).toEqual([1, 2]);
    expect(calls[2]!.body.offline).toBe(true);
    expect(outbox.pendingCount()).toBe(0);
    expect(outbox.isOnline()).toBe(true);
  });

  it('retries 5xx and 401 with the same id and body', async () => {
    const { calls, clock, make } = setup((_, index) => (index === 0 ? { status: 503, body: { code: 'unavailable' } } : index === 1 ? { status: 401, body: { code: 'timestamp_skew' } } : { status: 201, body: {} }));
    const outbox = await make();
    expect((await outbox.submit(checkIn('P1'))).status).toBe('queued');
    expect(outbox.entries()[0]!.lastCode).toBe('unavailable');
    clock.advance(120_000);
    await outbox.drain();
    clock.advance(120_000);
    await outbox.drain();
    expect(calls.map((call) => call.body)).toEqual([calls[0]!.body, calls[0]!.body, calls[0]!.body]);
    expect(outbox.entries()[0]!.state).toBe('done');
  });

  it('keeps a permanent rejection (409 id_reused) for the maintenance screen and goes on with the next entry', async () => {
    const { calls, make } = setup((_, index) => (index === 0 ? { status: 409, body: { code: 'id_reused' } } : { status: 201, body: {} }));
    const outbox = await make();
    expect(await outbox.submit(checkIn('P1'))).toMatchObject({ status: 'rejected', code: 'id_reused' });
    expect((await outbox.submit(checkIn('P2'))).status).toBe('done');
    expect(outbox.entries().map((entry) => [entry.kioskSeq, entry.state, entry.lastCode])).toEqual([[1, 'rejected', 'id_reused'], [2, 'done', '201']]);
    expect(calls).toHaveLength(2);
  });

  it('treats a failed heartbeat as offline, so the next redemption is decided offline before it is sent', async () => {
    const { calls, make } = setup(() => ({ status: 201, body: {} }));
    const outbox = await make();
    outbox.noteReachability(false);
    expect(await outbox.submit(redeem('P1', 201, 1_000))).toMatchObject({ status: 'rejected', code: 'offline_limit_exceeded' });
    expect(calls).toHaveLength(0);
    outbox.noteReachability(true);
    expect((await outbox.submit(redeem('P1', 201, 1_000))).status).toBe('done');
  });

  it('resumes after a restart from the stored entries and sequence', async () => {
    let isUp = false;
    const { calls, clock, make } = setup(() => (isUp ? { status: 201, body: {} } : 'network'));
    await (await make()).submit(checkIn('P1'));
    isUp = true;
    clock.advance(60_000);
    const restarted = await make();
    await restarted.drain();
    expect(restarted.pendingCount()).toBe(0);
    expect((await restarted.submit(checkIn('P2'))).entry?.kioskSeq).toBe(2);
    expect(calls.map((call) => call.body.kioskSeq)).toEqual([1, 1, 2]);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the minimum and stops at the cap', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 0))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(7, 0)).toBe(60_000);
    expect(retryDelayMs(500, 0)).toBe(60_000);
    expect(retryDelayMs(500, 0.999)).toBeGreaterThanOrEqual(48_000);
  });
});

describe('offline redemption (rule 14)', () => {
  async function offlineOutbox() {
    const context = setup(() => 'network');
    const outbox = await context.make();
    await outbox.submit(checkIn('P0'));
    return { ...context, outbox };
  }

  it('allows up to 200 points per person per offline spell, and refuses the next point (offline_limit_exceeded)', async () => {
    const { outbox } = await offlineOutbox();
    expect((await outbox.submit(redeem('P1', 150, 1_000))).status).toBe('queued');
    expect((await outbox.submit(redeem('P1', 50, 1_000))).status).toBe('queued');
    expect(await outbox.submit(redeem('P1', 1, 1_000))).toMatchObject({ status: 'rejected', code: 'offline_limit_exceeded', entry: null });
    expect((await outbox.submit(redeem('P2', 200, 1_000))).status).toBe('queued');
  });

  it('allows 120 minutes of time per spell', async () => {
    const { outbox } = await offlineOutbox();
    expect((await outbox.submit(redeem('P1', 120, 600, 'time'))).status).toBe('queued');
    expect((await outbox.submit(redeem('P1', 1, 600, 'time'))).status).toBe('rejected');
  });

  it('subtracts debits still in the outbox from the last seen balance (insufficient_balance)', async () => {
    const { outbox } = await offlineOutbox();
    expect((await outbox.submit(redeem('P1', 30, 50))).status).toBe('queued');
    expect(await outbox.submit(redeem('P1', 21, 50))).toMatchObject({ status: 'rejected', code: 'insufficient_balance' });
    expect((await outbox.submit(redeem('P1', 20, 50))).status).toBe('queued');
  });

  it('starts a new spell once the queue has drained online', async () => {
    let isUp = false;
    const { clock, make } = setup(() => (isUp ? { status: 201, body: {} } : 'network'));
    const outbox = await make();
    await outbox.submit(checkIn('P0'));
    await outbox.submit(redeem('P1', 200, 1_000));
    isUp = true;
    clock.advance(60_000);
    await outbox.drain();
    isUp = false;
    await outbox.submit(checkIn('P0'));
    expect((await outbox.submit(redeem('P1', 200, 800))).status).toBe('queued');
  });

  it('sends online redemptions without the offline flag or allowance check', async () => {
    const { calls, make } = setup(() => ({ status: 201, body: { pickupCode: '1234' } }));
    const outbox = await make();
    expect((await outbox.submit(redeem('P1', 500, 1_000))).status).toBe('done');
    expect(calls[0]!.body.offline).toBeUndefined();
  });
});

describe('personal data', () => {
  const card = { idNumber: '11010519491231002X', name: '张三', address: '北京市朝阳区' };

  it('never stores the card or phone of a registration, only sends them', async () => {
    const { calls, store, make } = setup(() => ({ status: 201, body: { person: { id: 'P9' } } }));
    const outbox = await make();
    const result = await outbox.submit({ operation: 'registration', path: '/api/v1/people', fields: { consentVersion: 'v1' }, memoryFields: { card, phone: '13812345678' }, personId: null });
    expect(result.status).toBe('done');
    expect(calls[0]!.body).toMatchObject({ card, phone: '13812345678', consentVersion: 'v1' });
    const stored = JSON.stringify(store.snapshot());
    for (const secret of [card.idNumber, card.name, card.address, '13812345678']) expect(stored).not.toContain(secret);
  });

  it('refuses a registration while offline instead of storing it (registration_needs_network)', async () => {
    const { store, make } = setup(() => 'network');
    const outbox = await make();
    await outbox.submit(checkIn('P0'));
    const result = await outbox.submit({ operation: 'registration', path: '/api/v1/people', fields: { consentVersion: 'v1' }, memoryFields: { card }, personId: null });
    expect(result).toMatchObject({ status: 'rejected', code: 'registration_needs_network' });
    expect(store.snapshot().meta.kioskSeqLast).toBe(1);
  });

  it('marks a registration whose card was lost in a restart (registration_lost) and never sends it without one', async () => {
    let isUp = true;
    const { calls, clock, make } = setup(() => (isUp ? { status: 503, body: {} } : 'network'));
    await (await make()).submit({ operation: 'registration', path: '/api/v1/people', fields: { consentVersion: 'v1' }, memoryFields: { card }, personId: null });
    isUp = false;
    clock.advance(60_000);
    const restarted = await make();
    await restarted.drain();
    expect(restarted.entries()[0]).toMatchObject({ state: 'rejected', lastCode: 'registration_lost' });
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/people', '/api/v1/kiosks/sequence-voids']);
  });
});
