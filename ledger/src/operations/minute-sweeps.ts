// The once-a-minute sweeps, as one call: forgotten check-outs (rule 6) and expired booking holds (rule 12). The
// Worker's `scheduled` runs it on its cron, the Node server on one timer; both sweeps are idempotent, so overlapping
// runs are harmless.

import type { Database } from '../db/client.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { sweepForgottenCheckOuts } from './attendance/sweep.ts';
import { runHoldSweep } from './redemption/hold-sweep.ts';

export const minuteSweepIntervalMs = 60_000;

export type MinuteSweepResult = { attendancesClosed: number; holdsExpired: number };

export async function runMinuteSweeps(deps: { ledger: Ledger; database: Database }, nowMs: number): Promise<MinuteSweepResult> {
  const attendances = await sweepForgottenCheckOuts(deps, nowMs);
  const holds = await runHoldSweep(deps.ledger, deps.database, nowMs);
  return { attendancesClosed: attendances.closed, holdsExpired: holds.expired };
}

export type MinuteSweepOptions = { ledger: Ledger; database: Database; nowMs: () => number; log: (line: string) => void; intervalMs?: number };

/**
 * Starts the Node server's timer; the returned stop clears it. A tick is skipped while the previous run is still
 * going. What was done is logged as one JSON line; a failure too (its error name only), and the next tick retries.
 */
export function startMinuteSweeps(options: MinuteSweepOptions): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runMinuteSweeps(options, options.nowMs())
      .then((result) => { if (result.attendancesClosed + result.holdsExpired > 0) options.log(JSON.stringify({ level: 'info', outcome: 'minute_sweeps', ...result })); })
      .catch((error: unknown) => options.log(JSON.stringify({ level: 'error', outcome: 'minute_sweeps_failed', error: (error as Error).name })))
      .finally(() => { running = false; });
  }, options.intervalMs ?? minuteSweepIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
