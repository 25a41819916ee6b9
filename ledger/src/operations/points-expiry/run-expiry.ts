// One station's year-end points expiry run (rule 13, docs/points-expiry.md): decides whether it may go ahead, submits
// one unit per person with points to expire (concurrently, so they share commit groups), then records the run once.
// Also the minute sweep's part: every enabled station without a run for the year just closed.

import { assert } from '../../../../domain/assert.ts';
import { pointsToExpire } from '../../../../domain/points.ts';
import { err, ok, type Result } from '../../../../domain/result.ts';
import type { Database } from '../../db/client.ts';
import type { Ledger } from '../../db/ledger/ledger.ts';
import {
  findPointsExpiryRun, listExpiryCandidates, listStationsDueForExpiry, readPointsExpiryEnabled, recordPointsExpiryRun, sumExpiredPoints, type PointsExpiryRun,
} from '../../db/operations/points-expiry.ts';
import { closingYearOf, decidePointsExpiryRun, yearStartMs, type PointsExpiryRunCode } from './expiry-rules.ts';
import { pointsExpiryTransactionId, pointsExpiryUnit } from './expiry-unit.ts';

export type PointsExpiryDeps = { ledger: Ledger; database: Database };
export type PointsExpiryTrigger = { triggeredBy: 'staff'; staffId: string } | { triggeredBy: 'system' };
export type PointsExpiryRunInput = { stationId: string; year: number; nowMs: number; trigger: PointsExpiryTrigger };

/** Units submitted before waiting for them: bounds memory for a large station while filling commit groups. */
export const expiryUnitsInFlightMax = 500;

// Two triggers of the same station and year in one process (the sweep and a manager) share one run.
const runsInFlight = new WeakMap<Ledger, Map<string, Promise<Result<{ created: boolean; run: PointsExpiryRun }, PointsExpiryRunCode>>>>();

/** Runs (or answers the stored run of) one station's expiry for closing `year`; `created` is false for a stored run. */
export function runPointsExpiry(deps: PointsExpiryDeps, input: PointsExpiryRunInput): Promise<Result<{ created: boolean; run: PointsExpiryRun }, PointsExpiryRunCode>> {
  const inFlight = runsInFlight.get(deps.ledger) ?? new Map<string, Promise<Result<{ created: boolean; run: PointsExpiryRun }, PointsExpiryRunCode>>>();
  runsInFlight.set(deps.ledger, inFlight);
  const key = `${input.stationId}:${input.year}`;
  const running = inFlight.get(key);
  if (running) return running;
  const started = runOnce(deps, input).finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}

async function runOnce(deps: PointsExpiryDeps, input: PointsExpiryRunInput): Promise<Result<{ created: boolean; run: PointsExpiryRun }, PointsExpiryRunCode>> {
  const stored = await findPointsExpiryRun(deps.database, input.stationId, input.year);
  if (stored) return ok({ created: false, run: stored });
  const decision = decidePointsExpiryRun({ year: input.year, nowMs: input.nowMs, enabled: await readPointsExpiryEnabled(deps.database, input.stationId) });
  if (!decision.ok) return err(decision.code);
  const candidates = await listExpiryCandidates(deps.database.client, { stationId: input.stationId, yearStartMs: decision.value.yearStartMs });
  const due = candidates.filter((candidate) => pointsToExpire({ enabled: true, balancePoints: candidate.balancePoints, earnedInClosingYearPoints: Math.max(0, candidate.earnedPoints) }) > 0);
  const actor = input.trigger.triggeredBy === 'staff' ? { actorId: input.trigger.staffId } : {};
  for (let start = 0; start < due.length; start += expiryUnitsInFlightMax) {
    const outcomes = await Promise.all(due.slice(start, start + expiryUnitsInFlightMax).map(async (candidate) => deps.ledger.submit(pointsExpiryUnit(
      await pointsExpiryTransactionId(input.year, candidate.personId),
      { year: input.year, personId: candidate.personId, stationId: input.stationId, nowMs: input.nowMs, ...actor },
    ))));
    // Created, replayed or refused because the points were spent meanwhile: all final. A reused id is a programmer error.
    for (const outcome of outcomes) assert(outcome.status !== 'id_reused' && outcome.status !== 'refused', `points expiry unit ${outcome.status}`);
  }
  // Totals come from the ledger, so a run finished after a crash counts the units its first attempt committed.
  const totals = await sumExpiredPoints(deps.database.client, { stationId: input.stationId, year: input.year });
  const run = await recordPointsExpiryRun(deps.database, {
    stationId: input.stationId, year: input.year, peopleCount: candidates.length, ...totals,
    triggeredBy: input.trigger.triggeredBy, actorId: input.trigger.triggeredBy === 'staff' ? input.trigger.staffId : null, ranAtMs: input.nowMs,
  });
  return ok({ created: true, run });
}

export type PointsExpirySweepResult = { stationsRun: number; pointsExpired: number };

/** The minute sweep's part: runs the year just closed for every station enabled before it closed and not yet run. */
export async function runPointsExpirySweep(deps: PointsExpiryDeps, nowMs: number): Promise<PointsExpirySweepResult> {
  const year = closingYearOf(nowMs);
  const result: PointsExpirySweepResult = { stationsRun: 0, pointsExpired: 0 };
  for (const stationId of await listStationsDueForExpiry(deps.database, { year, yearEndMs: yearStartMs(year + 1) })) {
    const outcome = await runPointsExpiry(deps, { stationId, year, nowMs, trigger: { triggeredBy: 'system' } });
    if (!outcome.ok || !outcome.value.created) continue;
    result.stationsRun += 1;
    result.pointsExpired += outcome.value.run.pointsExpired;
  }
  return result;
}

/** The JSON shape of a run in route answers. */
export function pointsExpiryRunView(run: PointsExpiryRun): Record<string, string | number | null> {
  return {
    stationId: run.stationId, year: run.year, peopleCount: run.peopleCount, peopleExpiredCount: run.peopleExpiredCount, pointsExpired: run.pointsExpired,
    triggeredBy: run.triggeredBy, actorId: run.actorId, ranAt: new Date(run.ranAtMs).toISOString(),
  };
}
