// Proves group reads: a unit's `prefetch` read runs once per commit group with every unit's input in group order, each
// unit's load gets its own output, and a failing read fails only the units that named it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import type { Ledger } from './ledger.ts';
import { sampleUnit } from './sample-units.ts';
import { openTestLedger } from './test-ledger.ts';
import type { GroupRead, Unit } from './unit.ts';

let database: Database;
let ledger: Ledger;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ database, ledger, close } = await openTestLedger());
});
afterEach(() => close());

/** A credit unit whose amount comes from its prefetched output. */
function prefetching(id: string, read: GroupRead, input: unknown): Unit<number> {
  const base = sampleUnit(id, { type: 'credit', personId: `P-${id}`, asset: 'time', amount: 1 });
  return {
    ...base,
    prefetch: { read, input },
    load: async (_reader, prefetched) => prefetched as number,
    plan: (amount, view) => {
      const planned = base.plan(undefined, view);
      return 'transfers' in planned ? { ...planned, transfers: planned.transfers.map((transfer) => ({ ...transfer, amount })) } : planned;
    },
  };
}

describe('group reads (unit.prefetch)', () => {
  it('runs once per group with every input in order and hands each unit its own output', async () => {
    const calls: unknown[][] = [];
    const read: GroupRead = async (reader, inputs) => {
      calls.push([...inputs]);
      const result = await reader.client.execute({ sql: `SELECT ${inputs.map(() => '? * 10').join(', ')}`, args: inputs as number[] });
      return inputs.map((_, index) => Number(result.rows[0]![index]));
    };
    const outcomes = await Promise.all([1, 2, 3].map((amount) => ledger.submit(prefetching(`T${amount}`, read, amount))));
    expect(calls).toEqual([[1, 2, 3]]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'created', 'created']);
    for (const amount of [1, 2, 3]) expect((await ledger.getBalances(`P-T${amount}`)).time).toBe(amount * 10);
  });

  it('skips units answered from a stored outcome', async () => {
    const calls: unknown[][] = [];
    const read: GroupRead = async (_reader, inputs) => { calls.push([...inputs]); return inputs.map(() => 5); };
    await ledger.submit(prefetching('T1', read, 'first'));
    await Promise.all([ledger.submit(prefetching('T1', read, 'again')), ledger.submit(prefetching('T2', read, 'second'))]);
    expect(calls).toEqual([['first'], ['second']]);
  });

  it('fails only the units whose read failed and commits the rest of the group', async () => {
    const broken: GroupRead = async () => { throw new Error('read failed'); };
    const fine: GroupRead = async (_reader, inputs) => inputs.map(() => 2);
    const [bad, good] = await Promise.allSettled([ledger.submit(prefetching('B', broken, 0)), ledger.submit(prefetching('G', fine, 0))]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'read failed' } });
    expect(good).toMatchObject({ status: 'fulfilled', value: { status: 'created' } });
    expect(ledger.stats()).toMatchObject({ groupsCommitted: 1, unitsCommitted: 2 });
  });
});
