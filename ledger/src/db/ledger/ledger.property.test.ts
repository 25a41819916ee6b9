// Model-based property test: random sequences of credits, redemptions (authorize and record), gifts, holds and
// their resolutions, reversals, retries (same id 1–5 times) and reused ids with another body, submitted in same-tick
// batches, against a small in-memory model. After every step: outcomes match the model; postings sum to zero per
// transaction and asset; balances per asset sum to zero; every balance equals the fold of its postings and its last
// balanceAfter; no person below zero; rejected commands change nothing; the chain verifies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../client.ts';
import { createLedger } from './ledger.ts';
import { sampleUnit, type SampleRequest } from './sample-units.ts';
import { LedgerModel, type ModelCommand } from './ledger-model.ts';

const runs = Number(process.env.LEDGER_PROPERTY_RUNS ?? 1_000);
const persons = ['P1', 'P2', 'P3'];
const person = fc.constantFrom(...persons);
const asset = fc.constantFrom('time' as const, 'points' as const);
const amount = fc.integer({ min: 1, max: 40 });
const pick = fc.nat({ max: 1_000 });

const command: fc.Arbitrary<ModelCommand> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('credit' as const), personId: person, asset, amount }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('redeem' as const), personId: person, asset, amount, mode: fc.constantFrom('authorize' as const, 'record' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('gift' as const), fromId: person, toId: person, amount }).filter((gift) => gift.fromId !== gift.toId) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('hold' as const), personId: person, asset, amount, expiresAtMs: fc.constant(null) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('resolve' as const), holdPick: pick, resolution: fc.oneof(
    fc.record({ type: fc.constant('post' as const), amount: fc.integer({ min: 0, max: 45 }) }),
    fc.record({ type: fc.constant('void' as const) }), fc.record({ type: fc.constant('expire' as const) })) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('reverse' as const), transactionPick: pick }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('retry' as const), commandPick: pick, times: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reuse' as const), commandPick: pick }) },
);
const sequence = fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });

describe('ledger against its model', () => {
  it(`keeps every invariant over ${runs} random sequences`, async () => {
    await fc.assert(fc.asyncProperty(sequence, async (batches) => {
      const database = await openDatabase({ url: ':memory:' });
      const ledger = createLedger({ client: database.client, db: database.db, nowMs: () => 1_000 });
      const model = new LedgerModel();
      try {
        for (const batch of batches) {
          const submissions = batch.flatMap((entry) => model.expand(entry));
          const units = submissions.map((submission) => sampleUnit(submission.id, submission.request as SampleRequest));
          const outcomes = await Promise.all(units.map((unit) => ledger.submit(unit)));
          const order = model.applicationOrder(units.map((unit) => [...(unit.conflictKeys ?? []), `id:${unit.id}`]));
          for (const index of order) {
            const expected = model.apply(submissions[index]!);
            const outcome = outcomes[index]!;
            expect({ id: submissions[index]!.id, status: outcome.status, code: 'code' in outcome ? outcome.code : undefined }).toEqual({ id: submissions[index]!.id, ...expected });
          }
          await checkInvariants(database, ledger, model);
        }
      } finally {
        await ledger.close();
        database.close();
      }
    }), { numRuns: runs, ...(process.env.LEDGER_PROPERTY_SEED ? { seed: Number(process.env.LEDGER_PROPERTY_SEED) } : {}) });
  }, 300_000);
});

async function checkInvariants(database: Awaited<ReturnType<typeof openDatabase>>, ledger: ReturnType<typeof createLedger>, model: LedgerModel): Promise<void> {
  const [unbalanced, negativePersons, balanceRows] = await database.client.batch([
    'SELECT ledger_seq, asset, SUM(amount) AS total FROM postings GROUP BY ledger_seq, asset HAVING total <> 0',
    "SELECT account_key FROM balances WHERE account_key LIKE 'person:%' AND balance < 0",
    'SELECT account_key, balance FROM balances WHERE balance <> 0 ORDER BY account_key',
  ], 'read');
  expect(unbalanced!.rows).toEqual([]);
  expect(negativePersons!.rows).toEqual([]);
  expect(Object.fromEntries(balanceRows!.rows.map((row) => [String(row.account_key), Number(row.balance)]))).toEqual(model.nonZeroBalances());
  expect(await ledger.trialBalance()).toEqual({ time: 0, points: 0 });
  expect(await ledger.checkBalancesMatchPostings()).toEqual({ ok: true, mismatches: [] });
  expect(await ledger.verifyChain()).toMatchObject({ ok: true });
}
