// A station's rule settings (docs/station-settings.md): read with the domain defaults filled in, and changed column by
// column. A station without a row, or a null column, has today's default from domain/limits.ts.

import type { Client } from '@libsql/client';
import { assert } from '../../../../domain/assert.ts';
import { giftYearlyCapMinutesDefault, pairsPerDayDefault, pointsDailyCapDefault, timeStorageCapMinutes } from '../../../../domain/limits.ts';
import type { Database } from '../client.ts';

/** The numeric rule settings, as the rules use them. */
export type StationRuleSettings = {
  /** Rule 5: check-in/check-out pairs per person per activity per business date. */
  pairsPerDayMax: number;
  /** Rule 8: the daily points cap a new activity gets when its creator gives none. */
  pointsDailyCapDefault: number;
  /** Rule 9: `time` a person may hold; minutes above it go to the community chest. */
  timeStorageCapMinutes: number;
  /** Rule 10: `time` a giver may give per calendar year. */
  giftYearlyCapMinutes: number;
};
export type RuleSettingName = keyof StationRuleSettings;
export const ruleSettingNames = ['pairsPerDayMax', 'pointsDailyCapDefault', 'timeStorageCapMinutes', 'giftYearlyCapMinutes'] as const satisfies readonly RuleSettingName[];

export type StationSettings = StationRuleSettings & { pointsExpiryEnabled: boolean };
/** What a station stored: null is "the default". */
export type StoredRuleSettings = { [K in RuleSettingName]: number | null };
export type StationSettingsChange = Partial<StoredRuleSettings> & { pointsExpiryEnabled?: boolean };

export const ruleSettingDefaults: Readonly<StationRuleSettings> = {
  pairsPerDayMax: pairsPerDayDefault, pointsDailyCapDefault, timeStorageCapMinutes, giftYearlyCapMinutes: giftYearlyCapMinutesDefault,
};

const columnOf: Record<RuleSettingName | 'pointsExpiryEnabled', string> = {
  pairsPerDayMax: 'pairs_per_day_max', pointsDailyCapDefault: 'points_daily_cap_default', timeStorageCapMinutes: 'time_storage_cap_minutes',
  giftYearlyCapMinutes: 'gift_yearly_cap_minutes', pointsExpiryEnabled: 'points_expiry_enabled',
};

/** The effective value of one stored setting: its default when null (or no row). */
export function effectiveRuleSetting(name: RuleSettingName, stored: unknown): number {
  if (stored === null || stored === undefined) return ruleSettingDefaults[name];
  const value = Number(stored);
  assert(Number.isSafeInteger(value) && value >= 0, `station_settings.${name} read back is not a whole number`);
  return value;
}

/** The stored values (null = default) and the expiry switch; a station without a row has every default. */
export async function readStoredStationSettings(client: Client, stationId: string): Promise<StoredRuleSettings & { pointsExpiryEnabled: boolean }> {
  const result = await client.execute({
    sql: `SELECT ${ruleSettingNames.map((name) => columnOf[name]).join(', ')}, points_expiry_enabled FROM station_settings WHERE station_id = ?`,
    args: [stationId],
  });
  const row = result.rows[0];
  const stored = (name: RuleSettingName) => (row === undefined || row[columnOf[name]] === null ? null : effectiveRuleSetting(name, row[columnOf[name]]));
  return {
    pairsPerDayMax: stored('pairsPerDayMax'), pointsDailyCapDefault: stored('pointsDailyCapDefault'),
    timeStorageCapMinutes: stored('timeStorageCapMinutes'), giftYearlyCapMinutes: stored('giftYearlyCapMinutes'),
    pointsExpiryEnabled: row !== undefined && Number(row.points_expiry_enabled) === 1,
  };
}

/** Every setting with its effective value. Takes the raw client so ledger units can read it inside the writer. */
export async function readStationSettings(client: Client, stationId: string): Promise<StationSettings> {
  const stored = await readStoredStationSettings(client, stationId);
  return {
    pairsPerDayMax: effectiveRuleSetting('pairsPerDayMax', stored.pairsPerDayMax), pointsDailyCapDefault: effectiveRuleSetting('pointsDailyCapDefault', stored.pointsDailyCapDefault),
    timeStorageCapMinutes: effectiveRuleSetting('timeStorageCapMinutes', stored.timeStorageCapMinutes), giftYearlyCapMinutes: effectiveRuleSetting('giftYearlyCapMinutes', stored.giftYearlyCapMinutes),
    pointsExpiryEnabled: stored.pointsExpiryEnabled,
  };
}

/**
 * Writes the given settings (one statement; others keep their stored values). A change of `pointsExpiryEnabled` also
 * stamps `points_expiry_changed_at_ms`, which the expiry sweep reads, so changing another setting never moves it.
 */
export async function writeStationSettings(database: Database, input: { stationId: string; change: StationSettingsChange; updatedBy: string; updatedAtMs: number }): Promise<void> {
  const names = (Object.keys(columnOf) as (keyof typeof columnOf)[]).filter((name) => input.change[name] !== undefined);
  assert(names.length > 0, 'a settings write changes at least one setting');
  const columns = names.map((name) => columnOf[name]);
  const values = names.map((name) => { const value = input.change[name]; return typeof value === 'boolean' ? (value ? 1 : 0) : value ?? null; });
  if (input.change.pointsExpiryEnabled !== undefined) { columns.push('points_expiry_changed_at_ms'); values.push(input.updatedAtMs); }
  await database.client.execute({
    sql: `INSERT INTO station_settings (station_id, updated_by, updated_at_ms, ${columns.join(', ')}) VALUES (?, ?, ?, ${columns.map(() => '?').join(', ')})
          ON CONFLICT (station_id) DO UPDATE SET updated_by = excluded.updated_by, updated_at_ms = excluded.updated_at_ms, ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}`,
    args: [input.stationId, input.updatedBy, input.updatedAtMs, ...values],
  });
}
