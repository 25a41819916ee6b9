// The hold sweep (rule 12): expires bookings' holds whose deadline has passed, by server time. It runs once a minute
// in operations/minute-sweeps.ts; it is safe to run twice at once (each expiry's id is derived from its hold).

import type { Database } from '../../db/client.ts';
import type { Ledger } from '../../db/ledger/ledger.ts';
import { stationOfHold } from '../../db/operations/redemption.ts';
import { expireDueHolds } from './booking-unit.ts';

export function runHoldSweep(engine: Ledger, database: Database, nowMs: number): Promise<{ expired: number }> {
  return expireDueHolds(engine, (holdId) => stationOfHold(database, holdId), nowMs);
}
