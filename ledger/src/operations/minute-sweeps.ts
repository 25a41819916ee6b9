// The once-a-minute sweeps, as one call: forgotten check-outs (rule 6) and expired booking holds (rule 12). The
// Worker's `scheduled` runs it on its cron; both sweeps are idempotent, so overlapping runs are harmless.

import type { Database } from '../db/client.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { sweepForgottenCheckOuts } from './attendance/sweep.ts';
import { runHoldSweep } from './redemption/hold-sweep.ts';

export type MinuteSweepResult = { attendancesClosed: number; holdsExpired: number };

export async function runMinuteSweeps(deps: { ledger: Ledger; database: Database }, nowMs: number): Promise<MinuteSweepResult> {
  const attendances = await sweepForgottenCheckOuts(deps, nowMs);
  const holds = await runHoldSweep(deps.ledger, deps.database, nowMs);
  return { attendancesClosed: attendances.closed, holdsExpired: holds.expired };
}
