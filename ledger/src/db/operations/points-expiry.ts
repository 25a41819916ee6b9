// Hand-built reads and writes of the year-end points expiry (docs/points-expiry.md): the station setting (written by
// db/station/station-settings.ts), the people of a station with their points balance and what they earned since a
// year's start, and the record of each run.

import type { Client } from '@libsql/client';
import { and, eq } from 'drizzle-orm';
import { assert } from '../../../../domain/assert.ts';
import { accountKey, personAccount, systemAccount } from '../../core/accounts.ts';
import type { Database } from '../client.ts';
import { pointsExpiryRuns, stationSettings } from '../schema/station.ts';

export type PointsExpiryRun = typeof pointsExpiryRuns.$inferSelect;
export type ExpiryCandidate = { personId: string; balancePoints: number; earnedPoints: number };

const issuancePointsKey = accountKey(systemAccount('issuance'), 'points');

/**
 * Points an account received from issuance in transactions recorded (server clock) at or after `yearStartMs`, net of
 * reversals of such credits (a reversal counts with the original's date). Redemption refunds and hold voids never touch
 * issuance, so they are not earnings.
 */
const earnedSql = `SELECT COALESCE(SUM(mine.amount), 0) FROM postings mine
  JOIN transactions t ON t.ledger_seq = mine.ledger_seq
  LEFT JOIN transactions original ON original.id = t.reverses_id
  WHERE mine.account_key = %KEY% AND t.status = 'posted'
    AND EXISTS (SELECT 1 FROM postings source WHERE source.ledger_seq = t.ledger_seq AND source.account_key = '${issuancePointsKey}')
    AND COALESCE(original.recorded_at_ms, t.recorded_at_ms) >= ?`;

/** Every person registered at the station, with their main points balance now and their earnings since the year start. */
export async function listExpiryCandidates(client: Client, input: { stationId: string; yearStartMs: number }): Promise<ExpiryCandidate[]> {
  const result = await client.execute({
    sql: `SELECT p.id AS person_id, COALESCE(b.balance, 0) AS balance_points, (${earnedSql.replace('%KEY%', 'p.key')}) AS earned_points
          FROM (SELECT id, 'person:' || id || ':main:points' AS key FROM people WHERE station_id = ?) p
          LEFT JOIN balances b ON b.account_key = p.key ORDER BY p.id`,
    args: [input.yearStartMs, input.stationId],
  });
  return result.rows.map((row) => ({ personId: String(row.person_id), balancePoints: Number(row.balance_points), earnedPoints: Number(row.earned_points) }));
}

/** One person's points earned since `yearStartMs`, read inside the ledger writer (it sees every earlier commit). */
export async function readEarnedPoints(client: Client, input: { personId: string; yearStartMs: number }): Promise<number> {
  const result = await client.execute({ sql: earnedSql.replace('%KEY%', '?'), args: [accountKey(personAccount(input.personId), 'points'), input.yearStartMs] });
  const earned = Number(result.rows[0]?.[0] ?? 0);
  assert(Number.isSafeInteger(earned), 'earned points must be an integer');
  return earned;
}

/** The posted expiry transactions of a station's closing year: how many people, how many points (crash-safe totals). */
export async function sumExpiredPoints(client: Client, input: { stationId: string; year: number }): Promise<{ peopleExpiredCount: number; pointsExpired: number }> {
  const result = await client.execute({
    sql: `SELECT COUNT(*) AS people, COALESCE(SUM(json_extract(t.metadata, '$.points')), 0) AS points FROM transactions t
          WHERE t.kind = 'points_expiry' AND t.status = 'posted' AND t.station_id = ? AND json_extract(t.metadata, '$.year') = ?`,
    args: [input.stationId, input.year],
  });
  return { peopleExpiredCount: Number(result.rows[0]?.people ?? 0), pointsExpired: Number(result.rows[0]?.points ?? 0) };
}

export async function readPointsExpiryEnabled(database: Database, stationId: string): Promise<boolean> {
  const rows = await database.db.select({ enabled: stationSettings.pointsExpiryEnabled }).from(stationSettings).where(eq(stationSettings.stationId, stationId)).limit(1);
  return rows[0]?.enabled ?? false;
}

/**
 * Stations whose setting was switched on before `yearEndMs` and is still on, with no run recorded for `year`: what the
 * minute sweep still has to do. A station switched on later is first swept for the year in which it was switched on.
 */
export async function listStationsDueForExpiry(database: Database, input: { year: number; yearEndMs: number }): Promise<string[]> {
  const result = await database.client.execute({
    sql: `SELECT s.station_id FROM station_settings s WHERE s.points_expiry_enabled = 1 AND COALESCE(s.points_expiry_changed_at_ms, s.updated_at_ms) < ?
          AND NOT EXISTS (SELECT 1 FROM points_expiry_runs r WHERE r.station_id = s.station_id AND r.year = ?) ORDER BY s.station_id`,
    args: [input.yearEndMs, input.year],
  });
  return result.rows.map((row) => String(row.station_id));
}

export async function findPointsExpiryRun(database: Database, stationId: string, year: number): Promise<PointsExpiryRun | undefined> {
  const rows = await database.db.select().from(pointsExpiryRuns).where(and(eq(pointsExpiryRuns.stationId, stationId), eq(pointsExpiryRuns.year, year))).limit(1);
  return rows[0];
}

/** Records a run; a run already recorded (a concurrent trigger) wins and is answered instead. */
export async function recordPointsExpiryRun(database: Database, run: PointsExpiryRun): Promise<PointsExpiryRun> {
  await database.db.insert(pointsExpiryRuns).values(run).onConflictDoNothing();
  const stored = await findPointsExpiryRun(database, run.stationId, run.year);
  assert(stored !== undefined, 'points expiry run must be stored');
  return stored;
}
