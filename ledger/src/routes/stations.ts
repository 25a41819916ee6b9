// /api/v1/stations: the stations the caller may see (staff: by role and region; kiosk: its own), a station's rule
// settings (docs/station-settings.md: read, and changed by its manager or an admin above it, audited), and running its
// year-end points expiry.

import { Hono, type Context } from 'hono';
import {
  giftYearlyCapMinutesSettingMax, pairsPerDaySettingMax, pairsPerDaySettingMin, pointsDailyCapPointsMax, timeStorageCapMinutesSettingMax, timeStorageCapMinutesSettingMin,
} from '../../../domain/limits.ts';
import { ok } from '../../../domain/result.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { listStationPlaces } from '../db/station/stations.ts';
import { readStationSettings, writeStationSettings, type StationSettings, type StationSettingsChange } from '../db/station/station-settings.ts';
import type { PointsExpiryRun } from '../db/operations/points-expiry.ts';
import { expiryYearMax, expiryYearMin } from '../operations/points-expiry/expiry-rules.ts';
import { pointsExpiryRunView, runPointsExpiry } from '../operations/points-expiry/run-expiry.ts';
import { denyUnlessStation, requireKioskOrStaff, requireStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { boolean, integer, readBody, type Check } from './validate.ts';

/** A numeric setting: absent leaves it, null sets it back to the default, else a whole number in its range. */
function setting(min: number, max: number): Check<number | null | undefined> {
  const inRange = integer(min, max);
  return (value, field) => (value === undefined ? ok(undefined) : value === null ? ok(null) : inRange(value, field));
}

/** PATCH body: any of the settings; unknown fields are ignored like everywhere else. */
const stationSettingsBody = {
  pointsExpiryEnabled: (value: unknown, field: string) => (value === undefined ? ok(undefined) : boolean(value, field)),
  pairsPerDayMax: setting(pairsPerDaySettingMin, pairsPerDaySettingMax),
  pointsDailyCapDefault: setting(0, pointsDailyCapPointsMax),
  timeStorageCapMinutes: setting(timeStorageCapMinutesSettingMin, timeStorageCapMinutesSettingMax),
  giftYearlyCapMinutes: setting(0, giftYearlyCapMinutesSettingMax),
};

export function stationRoutes(ledger: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requireKioskOrStaff('people:read'), async (c) => {
    const visible = c.get('principal').stationIds;
    const places = await listStationPlaces(c.get('ctx').database);
    const stations = places.filter((place) => visible.includes(place.id))
      .map((place) => ({ id: place.id, name: place.name, address: place.address, communityId: place.communityId, regionIds: place.regionIds }));
    return c.json({ stations });
  });

  app.get('/:stationId/settings', requireStaff(), async (c) => {
    const stationId = c.req.param('stationId');
    const denial = await denyUnlessStation(c, stationId);
    if (denial) return denial;
    noStore(c);
    return c.json({ settings: { stationId, ...await readStationSettings(c.get('ctx').database.client, stationId) } });
  });

  // Changing a rule moves credits later (the expiry), so it takes the same permission as a ledger correction.
  app.patch('/:stationId/settings', requireStaff('ledger:correct'), async (c) => {
    const stationId = c.req.param('stationId');
    const denial = await denyUnlessStation(c, stationId);
    if (denial) return denial;
    const body = await readBody(c, stationSettingsBody);
    if (!body.ok) return fail(c, body.code, body.detail);
    const given = Object.entries(body.value) as [keyof StationSettingsChange, number | boolean | null][];
    if (given.length === 0) return fail(c, 'invalid_input', 'at least one setting is required');
    const ctx = c.get('ctx');
    const staffId = staffIdOf(c);
    const previous = await readStationSettings(ctx.database.client, stationId);
    // An unchanged expiry switch keeps its time: the sweep runs a year only for stations switched on before it ended.
    const change: StationSettingsChange = { ...body.value };
    if (change.pointsExpiryEnabled === previous.pointsExpiryEnabled) delete change.pointsExpiryEnabled;
    if (Object.keys(change).length > 0) await writeStationSettings(ctx.database, { stationId, change, updatedBy: staffId, updatedAtMs: ctx.nowMs() });
    const settings = await readStationSettings(ctx.database.client, stationId);
    for (const [setting] of given) {
      await ctx.audit.append({
        actorType: 'staff', actorId: staffId, stationId, event: 'station_settings_changed', outcome: 'success', target: `station:${stationId}`,
        detail: { setting, from: previous[setting], to: settings[setting] },
      });
    }
    return c.json({ settings: { stationId, ...settings } satisfies StationSettings & { stationId: string } });
  });

  app.post('/:stationId/points-expiry', requireStaff('ledger:correct'), async (c) => {
    const stationId = c.req.param('stationId');
    const denial = await denyUnlessStation(c, stationId);
    if (denial) return denial;
    const body = await readBody(c, { year: integer(expiryYearMin, expiryYearMax) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const ctx = c.get('ctx');
    const staffId = staffIdOf(c);
    const result = await runPointsExpiry({ ledger, database: ctx.database }, { stationId, year: body.value.year, nowMs: ctx.nowMs(), trigger: { triggeredBy: 'staff', staffId } });
    if (result.ok) return answerRun(c, result.value, staffId);
    if (result.code === 'business_date_in_future') return fail(c, result.code, `year ${body.value.year} has not ended in Asia/Shanghai`);
    return fail(c, result.code);
  });
  return app;
}

async function answerRun(c: Context<AppEnv>, result: { created: boolean; run: PointsExpiryRun }, staffId: string): Promise<Response> {
  const run = pointsExpiryRunView(result.run);
  if (!result.created) return c.json({ run }, 200);
  await c.get('ctx').audit.append({
    actorType: 'staff', actorId: staffId, stationId: result.run.stationId, event: 'points_expiry_run', outcome: 'success', target: `station:${result.run.stationId}`,
    detail: { year: result.run.year, peopleExpiredCount: result.run.peopleExpiredCount, pointsExpired: result.run.pointsExpired },
  });
  return c.json({ run }, 201);
}

function staffIdOf(c: Context<AppEnv>): string {
  const principal = c.get('principal');
  return principal.kind === 'staff' ? principal.staff.id : '';
}
