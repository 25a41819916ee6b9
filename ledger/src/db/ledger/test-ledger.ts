// Test fixture: a fresh in-memory database with the real migrations and a ledger engine on it.

import { openDatabase, type Database } from '../client.ts';
import { createLedger, type Ledger } from './ledger.ts';

export type TestLedger = { database: Database; ledger: Ledger; close: () => Promise<void> };

export async function openTestLedger(nowMs: () => number = () => 1_000): Promise<TestLedger> {
  const database = await openDatabase({ url: ':memory:' });
  const ledger = createLedger({ client: database.client, db: database.db, nowMs });
  return {
    database,
    ledger,
    close: async () => {
      await ledger.close();
      database.close();
    },
  };
}
