// Proves chain verification: a clean ledger verifies fully and by range; one changed byte in a stored transaction
// or posting (triggers dropped to allow the tampering) or a deleted row is found and its ledgerSeq named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import type { Ledger } from './ledger.ts';
import { sampleUnit } from './sample-units.ts';
import { openTestLedger } from './test-ledger.ts';

let database: Database;
let ledger: Ledger;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ database, ledger, close } = await openTestLedger());
  for (let index = 1; index <= 6; index++) await ledger.submit(sampleUnit(`T${index}`, { type: 'credit', personId: 'P1', asset: 'time', amount: index }));
  for (const trigger of ['transactions_no_update', 'transactions_no_delete', 'postings_no_update', 'postings_no_delete']) {
    await database.client.execute(`DROP TRIGGER ${trigger}`);
  }
});
afterEach(() => close());

describe('verifyChain', () => {
  it('verifies a clean chain in full and by range', async () => {
    expect(await ledger.verifyChain()).toEqual({ ok: true, checkedThroughSeq: 6 });
    expect(await ledger.verifyChain({ fromSeq: 3, toSeq: 5 })).toEqual({ ok: true, checkedThroughSeq: 5 });
  });
  it('names the ledgerSeq whose stored transaction had one byte changed', async () => {
    await database.client.execute("UPDATE transactions SET kind = 'crediT' WHERE ledger_seq = 4");
    expect(await ledger.verifyChain()).toEqual({ ok: false, checkedThroughSeq: 3, firstBadSeq: 4 });
    expect(await ledger.verifyChain({ fromSeq: 5 })).toEqual({ ok: true, checkedThroughSeq: 6 });
  });
  it('names the ledgerSeq whose posting amount was changed', async () => {
    await database.client.execute('UPDATE postings SET balance_after = balance_after + 1 WHERE ledger_seq = 2 AND leg = 1');
    expect(await ledger.verifyChain()).toMatchObject({ ok: false, firstBadSeq: 2 });
  });
  it('names the ledgerSeq of a deleted transaction', async () => {
    await database.client.execute('DELETE FROM postings WHERE ledger_seq = 5');
    await database.client.execute('DELETE FROM transactions WHERE ledger_seq = 5');
    expect(await ledger.verifyChain()).toMatchObject({ ok: false, firstBadSeq: 5 });
  });
});
