// Proves group commit: units submitted in the same tick commit as one group, conflicting units never share a group,
// and one unit that breaks a constraint inside a group is rejected alone while the others commit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { createLedger, type Ledger } from './ledger.ts';
import { sampleUnit } from './sample-units.ts';
import { openTestLedger } from './test-ledger.ts';

let database: Database;
let ledger: Ledger;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ database, ledger, close } = await openTestLedger());
});
afterEach(() => close());

describe('group commit', () => {
  it('commits 50 units submitted in the same tick as one group', async () => {
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, index) =>
      ledger.submit(sampleUnit(`T${index}`, { type: 'credit', personId: `P${index}`, asset: 'points', amount: 5 }))));
    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true);
    expect(ledger.stats()).toMatchObject({ groupsCommitted: 1, unitsCommitted: 50, lastGroupUnits: 50 });
    expect(await ledger.verifyChain()).toEqual({ ok: true, checkedThroughSeq: 50 });
  });
  it('splits at the group size limit', async () => {
    const small = createLedger({ client: database.client, db: database.db, nowMs: () => 1_000, groupUnitsMax: 10 });
    await Promise.all(Array.from({ length: 25 }, (_, index) => small.submit(sampleUnit(`T${index}`, { type: 'credit', personId: 'P1', asset: 'time', amount: 1 }))));
    expect(small.stats().groupsCommitted).toBe(3);
  });
  it('never puts units with overlapping conflict keys in one group', async () => {
    const conflicting = (id: string) => ({ ...sampleUnit(id, { type: 'credit', personId: 'P1', asset: 'time', amount: 1 }), conflictKeys: ['attendance:A1'] });
    await Promise.all([ledger.submit(conflicting('A')), ledger.submit(conflicting('B')), ledger.submit(conflicting('C'))]);
    expect(ledger.stats().groupsCommitted).toBe(3);
  });
  it('sees earlier units of the same group when checking floors', async () => {
    const [credit, spend, overspend] = await Promise.all([
      ledger.submit(sampleUnit('C', { type: 'credit', personId: 'P1', asset: 'time', amount: 10 })),
      ledger.submit(sampleUnit('S', { type: 'redeem', personId: 'P1', asset: 'time', amount: 10, mode: 'authorize' })),
      ledger.submit(sampleUnit('O', { type: 'redeem', personId: 'P1', asset: 'time', amount: 1, mode: 'authorize' })),
    ]);
    expect([credit.status, spend.status, overspend.status]).toEqual(['created', 'created', 'rejected']);
    expect(ledger.stats().groupsCommitted).toBe(1);
  });
  it('rejects only the unit that breaks a constraint and commits the rest of its group', async () => {
    await ledger.submit(sampleUnit('K1', { type: 'check_in', personId: 'P1' }, { stationId: 'S1', kioskId: 'K', kioskSeq: 1 }));
    const outcomes = await Promise.all([
      ledger.submit(sampleUnit('A', { type: 'credit', personId: 'P1', asset: 'time', amount: 3 })),
      ledger.submit(sampleUnit('B', { type: 'check_in', personId: 'P2' }, { stationId: 'S1', kioskId: 'K', kioskSeq: 1 })),
      ledger.submit(sampleUnit('C', { type: 'credit', personId: 'P2', asset: 'time', amount: 4 })),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'rejected', 'created']);
    expect(outcomes[1]).toMatchObject({ code: 'kiosk_seq_reused' });
    expect(ledger.stats().fallbackGroups).toBe(1);
    expect(await ledger.submit(sampleUnit('B', { type: 'check_in', personId: 'P2' }, { stationId: 'S1', kioskId: 'K', kioskSeq: 1 }))).toMatchObject({ status: 'rejected', replayed: true });
    expect(await ledger.verifyChain()).toMatchObject({ ok: true });
  });
  it('rejects a plan that throws without touching the rest of the group', async () => {
    const broken = { ...sampleUnit('X', { type: 'credit', personId: 'P1', asset: 'time', amount: 1 }), plan: () => { throw new Error('plan bug'); } };
    const [good, bad] = await Promise.allSettled([ledger.submit(sampleUnit('G', { type: 'credit', personId: 'P1', asset: 'time', amount: 1 })), ledger.submit(broken)]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { status: 'created' } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'plan bug' } });
  });
});
