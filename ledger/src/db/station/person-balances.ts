// Reads a person's current balances from the ledger engine's materialised `balances` table (main accounts).
// Read-only: the engine's writer is the only writer of those tables.

import { inArray } from 'drizzle-orm';
import type { Balances } from '../../../../domain/assets.ts';
import { accountKey, personAccount } from '../../core/accounts.ts';
import type { Database } from '../client.ts';
import { balances } from '../schema/ledger.ts';

/** Current `time` and `points` of a person's main accounts; 0 for an account that has never moved. */
export async function readPersonBalances(database: Database, personId: string): Promise<Balances> {
  const timeKey = accountKey(personAccount(personId), 'time');
  const pointsKey = accountKey(personAccount(personId), 'points');
  const rows = await database.db.select().from(balances).where(inArray(balances.accountKey, [timeKey, pointsKey]));
  return {
    time: rows.find((row) => row.accountKey === timeKey)?.balance ?? 0,
    points: rows.find((row) => row.accountKey === pointsKey)?.balance ?? 0,
  };
}
