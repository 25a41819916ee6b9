// Proves the entries the outbox adds on its own: a registration lost to a restart gets exactly one sequence void for
// its kioskSeq (sent in order, surviving further restarts, and telling the registration apart when it did reach the
// ledger); a redemption the resident left with on a 待同步 receipt and that the ledger refused by an online rule gets
// exactly one offline follow-up — never while its outcome is unknown, never for an answer the resident saw.
import { describe, expect, it } from 'vitest';
import { createIdGenerator } from '../../../domain/ids.ts';
import { createOutbox, type Draft } from './outbox.ts';
import { createMemoryStore } from './memory-store.ts';
import { isLostRegistration, needsOfflineFollowUp } from './follow-ups.ts';
import type { OutboxEntry, OutboxStore, SendResult } from './types.ts';
import { manualClock, scriptedTransport, type Call } from './scripted-transport.ts';

type Answer = SendResult | 'network';

function setup(answer: (call: Call) => Answer) {
  let randomByte = 0;
  const { calls, transport } = scriptedTransport(answer);
  const memory = createMemoryStore();
  let failingSaves = 0;
  const store: OutboxStore = {
    load: () => memory.load(),
    async save(change) {
      // A kiosk that dies before storing: the change never reaches storage.
      if (failingSaves > 0) { failingSaves--; throw new Error('storage gone'); }
      await memory.save(change);
    },
  };
  const clock = manualClock(1_750_000_000_000);
  const make = () => createOutbox({ store, transport, nextId: createIdGenerator(clock.now, (n) => new Uint8Array(n).fill(++randomByte % 256)), nowMs: clock.now, random01: () => 0 });
  return { calls, memory, clock, make, failNextSave: () => { failingSaves = 1; } };
}

const card = { idNumber: '11010519491231002X', name: '张三' };
const register: Draft = { operation: 'registration', path: '/api/v1/people', fields: { consentVersion: 'v1' }, memoryFields: { card }, personId: null };
const checkIn: Draft = { operation: 'check-in', path: '/api/v1/check-ins', fields: { personId: 'P0', activityId: 'A1' }, personId: 'P0' };
const redeem: Draft = { operation: 'redemption', path: '/api/v1/redemptions', fields: { personId: 'P1', serviceId: 'S1' }, personId: 'P1', redemption: { personId: 'P1', asset: 'points', amount: 30, lastSeenBalance: 50 } };
const created: SendResult = { status: 201, body: {} };
const voided = (call: Call): SendResult => ({ status: 201, body: { voided: true, transactionId: call.body.id, kioskSeq: call.body.kioskSeq, ledgerSeq: 9 } });
const byPath = (calls: Call[], path: string) => calls.filter((call) => call.path === path);

describe('sequence voids for registrations lost to a restart', () => {
  it('sends one void for the lost kioskSeq, with its occurredAt, before the entries behind it', async () => {
    let isUp = false;
    const { calls, clock, make } = setup((call) => (!isUp ? 'network' : call.path.endsWith('sequence-voids') ? voided(call) : created));
    const first = await make();
    isUp = true;
    const registration = await first.submit({ ...register });
    expect(registration.status).toBe('done');
    isUp = false;
    const lost = (await first.submit({ ...register })).entry!;
    await first.submit(checkIn);
    clock.advance(60_000);
    isUp = true;
    const restarted = await make();
    await restarted.drain();
    expect(calls.slice(-2).map((call) => [call.path, call.body.kioskSeq])).toEqual([['/api/v1/kiosks/sequence-voids', 2], ['/api/v1/check-ins', 3]]);
    expect(calls.at(-2)!.body).toEqual({ id: expect.not.stringMatching(lost.id), kioskSeq: 2, occurredAt: lost.body.occurredAt, reason: 'registration_lost' });
    expect(restarted.entries().find((entry) => entry.id === lost.id)).toMatchObject({ state: 'rejected', lastCode: 'registration_lost', voidId: calls.at(-2)!.body.id });
    expect(restarted.pendingCount()).toBe(0);
    expect(restarted.kioskSeqLast()).toBe(3);
  });

  it('keeps one void across further restarts: every send carries the same id', async () => {
    let isUp = true;
    const { calls, clock, make } = setup((call) => (!isUp ? 'network' : call.path.endsWith('sequence-voids') ? voided(call) : { status: 503, body: {} }));
    await (await make()).submit(register);
    isUp = false;
    for (let restart = 0; restart < 3; restart++) { clock.advance(120_000); await (await make()).drain(); }
    isUp = true;
    clock.advance(120_000);
    const last = await make();
    await last.drain();
    const voids = byPath(calls, '/api/v1/kiosks/sequence-voids');
    expect(voids.length).toBeGreaterThanOrEqual(4);
    expect(new Set(voids.map((call) => call.body.id)).size).toBe(1);
    expect(last.entries().filter((entry) => entry.operation === 'sequence-void')).toHaveLength(1);
  });

  it('marks the registration recorded when the void finds it in the ledger, or refused with the ledger code', async () => {
    for (const [status, code, expected] of [['posted', null, { state: 'done', lastCode: 'registration_recorded' }], ['rejected', 'already_registered', { state: 'rejected', lastCode: 'already_registered' }]] as const) {
      let registrationId = '';
      const { make } = setup((call) => {
        if (call.path === '/api/v1/people') { registrationId = String(call.body.id); return 'network'; }
        return { status: 200, body: { voided: false, kioskSeq: 1, transactionId: registrationId, kind: 'registration', status, code } };
      });
      await (await make()).submit(register);
      const restarted = await make();
      await restarted.drain();
      expect(restarted.entries().find((entry) => entry.id === registrationId)).toMatchObject(expected);
    }
  });

  it('sends a void for a registration_lost entry stored before voids existed, once', async () => {
    const { calls, memory, make } = setup(voided);
    const legacy: OutboxEntry = {
      id: '01J00000000000000000000001', kioskSeq: 1, operation: 'registration', path: '/api/v1/people', body: { id: '01J00000000000000000000001', kioskSeq: 1, occurredAt: '2026-04-01T01:00:00.000Z', consentVersion: 'v1' },
      isBodyInMemory: true, personId: null, debit: null, isOffline: false, state: 'rejected', attempts: 1, nextAttemptMs: 0, lastCode: 'registration_lost', createdAtMs: 0, response: null,
    };
    await memory.save({ put: [legacy], meta: { kioskSeqLast: 1, offlineSpell: null } });
    await (await make()).drain();
    await (await make()).drain();
    expect(calls.map((call) => [call.path, call.body.kioskSeq, call.body.occurredAt])).toEqual([['/api/v1/kiosks/sequence-voids', 1, '2026-04-01T01:00:00.000Z']]);
  });

  it('never treats a registration whose card is still in memory as lost', () => {
    const entry = { operation: 'registration', state: 'pending', isBodyInMemory: true, lastCode: null } as OutboxEntry;
    expect(isLostRegistration(entry, true)).toBe(false);
    expect(isLostRegistration(entry, false)).toBe(true);
  });
});

describe('offline follow-ups for refused 待同步 redemptions (rule 14)', () => {
  const refusedOnce = (refusal: SendResult) => {
    let isUp = false;
    const context = setup((call) => (!isUp ? 'network' : call.path === '/api/v1/redemptions' && call.body.offline !== true ? refusal : created));
    return { ...context, up: () => { isUp = true; }, down: () => { isUp = false; } };
  };

  it('records the refused fact again offline: new id, next kioskSeq, same person, service and occurredAt, replacing the refused id', async () => {
    const { calls, clock, make, up } = refusedOnce({ status: 409, body: { code: 'insufficient_balance' } });
    const outbox = await make();
    const queued = await outbox.submit(redeem);
    expect(queued).toMatchObject({ status: 'queued', entry: { hasQueuedReceipt: true } });
    await outbox.submit(checkIn);
    up();
    clock.advance(60_000);
    await outbox.drain();
    const original = queued.entry!;
    const followUp = calls.at(-1)!.body;
    expect(followUp).toEqual({ id: expect.any(String), kioskSeq: 3, occurredAt: original.body.occurredAt, personId: 'P1', serviceId: 'S1', offline: true, replaces: original.id });
    expect(followUp.id).not.toBe(original.id);
    expect(outbox.entries().map((entry) => [entry.kioskSeq, entry.operation, entry.state, entry.lastCode])).toEqual([
      [1, 'redemption', 'rejected', 'insufficient_balance'], [2, 'check-in', 'done', '201'], [3, 'redemption', 'done', '201']]);
    expect(outbox.kioskSeqLast()).toBe(3);
  });

  it('does not follow up a refusal the resident saw at once (online, first send answered)', async () => {
    const { calls, make, up } = refusedOnce({ status: 409, body: { code: 'insufficient_balance' } });
    up();
    const outbox = await make();
    expect(await outbox.submit(redeem)).toMatchObject({ status: 'rejected', code: 'insufficient_balance' });
    expect(calls).toHaveLength(1);
    expect(outbox.kioskSeqLast()).toBe(1);
  });

  it('does not follow up a refusal that is no online rule (id_reused, invalid_input)', async () => {
    for (const refusal of [{ status: 409, body: { code: 'id_reused' } }, { status: 422, body: { code: 'invalid_input' } }]) {
      const { calls, clock, make, up } = refusedOnce(refusal);
      const outbox = await make();
      await outbox.submit(redeem);
      up();
      clock.advance(60_000);
      await outbox.drain();
      expect(calls.filter((call) => call.body.offline === true)).toEqual([]);
      expect(outbox.entries()[0]).toMatchObject({ state: 'rejected', lastCode: refusal.body.code });
    }
  });

  it('waits while the outcome is unknown and follows up once, even when the refusal is first lost to a crash and replayed', async () => {
    let answers: Answer[] = ['network', 'network', { status: 503, body: { code: 'unavailable' } }];
    const { calls, clock, make, failNextSave } = setup((call) => (call.body.offline === true ? created : answers.shift() ?? { status: 409, body: { code: 'insufficient_balance' } }));
    const outbox = await make();
    expect((await outbox.submit(redeem)).status).toBe('queued');
    for (let attempt = 0; attempt < 2; attempt++) { clock.advance(120_000); await outbox.drain(); }
    expect(calls.filter((call) => call.body.offline === true)).toEqual([]);
    failNextSave();
    clock.advance(120_000);
    await expect(outbox.drain()).rejects.toThrow('storage gone');
    answers = [];
    const restarted = await make();
    clock.advance(120_000);
    await restarted.drain();
    await (await make()).drain();
    const redemptions = calls.filter((call) => call.path === '/api/v1/redemptions');
    expect(redemptions.filter((call) => call.body.offline === true)).toHaveLength(1);
    expect(redemptions.at(-1)!.body.replaces).toBe(redemptions[0]!.body.id);
    expect(restarted.entries().map((entry) => [entry.kioskSeq, entry.state])).toEqual([[1, 'rejected'], [2, 'done']]);
  });

  it('never follows up an offline redemption or one without a 待同步 receipt', () => {
    const refused = { operation: 'redemption', isOffline: false, hasQueuedReceipt: true, state: 'rejected', lastCode: 'insufficient_balance' } as OutboxEntry;
    expect(needsOfflineFollowUp(refused)).toBe(true);
    expect(needsOfflineFollowUp({ ...refused, isOffline: true })).toBe(false);
    expect(needsOfflineFollowUp({ ...refused, hasQueuedReceipt: false })).toBe(false);
    expect(needsOfflineFollowUp({ ...refused, lastCode: 'network_error', state: 'pending' })).toBe(false);
  });
});
