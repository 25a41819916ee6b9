// /api/v1/activities: staff in scope create activities; kiosks (own station) and staff list them by business date.

import { Hono } from 'hono';
import { businessDateOf, businessDayStartMs } from '../../../domain/business-date.ts';
import { activityDurationMinutesMax, bonusPointsMax, lateGraceMinutesMax, pointsDailyCapPointsMax, pointsPerHourMax } from '../../../domain/limits.ts';
import { isRounding, type Rounding } from '../../../domain/rounding.ts';
import { err, ok } from '../../../domain/result.ts';
import { listActivities } from '../db/station/catalogue.ts';
import { activityKinds, activityView, createActivity } from '../services/catalogue.ts';
import { denyUnlessStation, requireKioskOrStaff, requireStaff } from './auth.ts';
import { fail, type AppEnv } from './http.ts';
import { calendarDate, idText, integer, isoTime, oneOf, optional, queryInteger, readBody, readQuery, text, type Check } from './validate.ts';

const dayMs = 24 * 60 * 60_000;
const activitiesListedMax = 500;
const rounding: Check<Rounding> = (value, field) => (isRounding(value) ? ok(value) : err('invalid_input', `${field}: must be {mode:'exact'} or {mode:'down'|'nearest'|'up', stepMinutes:5|10|15|30}`));

export function activityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', requireStaff('catalogue:write'), async (c) => {
    const body = await readBody(c, {
      stationId: idText, title: text({ max: 100 }), kind: optional(oneOf(activityKinds)), startsAt: isoTime, endsAt: isoTime,
      lateGraceMinutes: optional(integer(0, lateGraceMinutesMax)), rounding: optional(rounding), minAttendancePercent: optional(integer(1, 100)),
      approval: optional(oneOf(['auto', 'manager'] as const)), pointsPerHour: optional(integer(0, pointsPerHourMax)), bonusPoints: optional(integer(0, bonusPointsMax)),
      pointsDailyCapPoints: optional(integer(0, pointsDailyCapPointsMax)),
    });
    if (!body.ok) return fail(c, body.code, body.detail);
    const lengthMinutes = (body.value.endsAt - body.value.startsAt) / 60_000;
    if (lengthMinutes < 1 || lengthMinutes > activityDurationMinutesMax) return fail(c, 'invalid_input', 'endsAt: must be 1 minute to 366 days after startsAt');
    const denial = await denyUnlessStation(c, body.value.stationId);
    if (denial) return denial;
    const { startsAt, endsAt, ...rest } = body.value;
    const principal = c.get('principal');
    const row = await createActivity(c.get('ctx'), principal.kind === 'staff' ? principal.staff.id : principal.kiosk.id, { ...rest, startsAtMs: startsAt, endsAtMs: endsAt });
    return c.json({ activity: activityView(row) }, 201);
  });

  app.get('/', requireKioskOrStaff('people:read'), async (c) => {
    const query = readQuery(c, { stationId: idText, date: optional(calendarDate), days: optional(queryInteger(1, 31)) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const denial = await denyUnlessStation(c, query.value.stationId);
    if (denial) return denial;
    const date = query.value.date ?? businessDateOf(c.get('ctx').nowMs());
    const fromMs = businessDayStartMs(date);
    const rows = await listActivities(c.get('ctx').database, [query.value.stationId], fromMs, fromMs + (query.value.days ?? 1) * dayMs, activitiesListedMax);
    return c.json({ activities: rows.map(activityView) });
  });

  return app;
}
