// The once-a-minute sweeps, as one call: forgotten check-outs (rule 6), expired booking holds (rule 12) and, from
// 1 January on, the year-end points expiry of every enabled station (rule 13). The Worker's `scheduled` runs it on its
// cron, the Node server on one timer; every sweep is idempotent, so overlapping runs are harmless.

import type { Database } from '../db/client.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { sweepForgottenCheckOuts } from './attendance/sweep.ts';
import { runPointsExpirySweep } from './points-expiry/run-expiry.ts';
import { runHoldSweep } from './redemption/hold-sweep.ts';

export const minuteSweepIntervalMs = 60_000;

export type MinuteSweepResult = { attendancesClosed: number; holdsExpired: number; pointsExpiryStationsRun: number; pointsExpired: number };

export async function runMinuteSweeps(deps: { ledger: Ledger; database: Database }, nowMs: number): Promise<MinuteSweepResult> {
  const attendances = await sweepForgottenCheckOuts(deps, nowMs);
  const holds = await runHoldSweep(deps.ledger, deps.database, nowMs);
  const expiry = await runPointsExpirySweep(deps, nowMs);
  return { attendancesClosed: attendances.closed, holdsExpired: holds.expired, pointsExpiryStationsRun: expiry.stationsRun, pointsExpired: expiry.pointsExpired };
}

/** True when a run did something worth a log line. */
export function didSweepWork(result: MinuteSweepResult): boolean {
  return result.attendancesClosed + result.holdsExpired + result.pointsExpiryStationsRun > 0;
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
      .then((result) => { if (didSweepWork(result)) options.log(JSON.stringify({ level: 'info', outcome: 'minute_sweeps', ...result })); })
      .catch((error: unknown) => options.log(JSON.stringify({ level: 'error', outcome: 'minute_sweeps_failed', error: (error as Error).name })))
      .finally(() => { running = false; });
  }, options.intervalMs ?? minuteSweepIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
