// The per-minute hold sweep (rule 12): expires bookings' holds whose deadline has passed, by server time. Node runs
// it on a timer beside the server; it is safe to run twice at once (each expiry's id is derived from its hold).

import type { Database } from '../../db/client.ts';
import type { Ledger } from '../../db/ledger/ledger.ts';
import { stationOfHold } from '../../db/operations/redemption.ts';
import { expireDueHolds } from './booking-unit.ts';

export const holdSweepIntervalMs = 60_000;

export function runHoldSweep(engine: Ledger, database: Database, nowMs: number): Promise<{ expired: number }> {
  return expireDueHolds(engine, (holdId) => stationOfHold(database, holdId), nowMs);
}

/** Starts the timer; the returned stop clears it. Failures are reported as one JSON line and retried next minute. */
export function startHoldSweep(options: { engine: Ledger; database: Database; nowMs: () => number; log: (line: string) => void; intervalMs?: number }): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runHoldSweep(options.engine, options.database, options.nowMs())
      .then((result) => { if (result.expired > 0) options.log(JSON.stringify({ level: 'info', outcome: 'holds_expired', count: result.expired })); })
      .catch((error: unknown) => options.log(JSON.stringify({ level: 'error', outcome: 'hold_sweep_failed', error: (error as Error).name })))
      .finally(() => { running = false; });
  }, options.intervalMs ?? holdSweepIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
