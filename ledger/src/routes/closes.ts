// The daily close (design.md §4): station managers create one signed close per station and business date; staff
// in scope read it as JSON or as a printable page. Kiosks report their end-of-day counters here too.

import { Hono, type Context } from 'hono';
import { findClose, listCloses, upsertDayReport } from '../db/operations/close.ts';
import { findStaffById } from '../db/station/staff.ts';
import { findStation } from '../db/station/stations.ts';
import { closeView, createDailyClose } from '../operations/close/daily-close.ts';
import { renderClosePage } from '../operations/close/close-page.ts';
import { denyUnlessStation, requireKiosk, requireStaff } from './auth.ts';
import { fail, type AppEnv } from './http.ts';
import { calendarDate, integer, readBody, type Check } from './validate.ts';
import { err, ok } from '../../../domain/result.ts';

const closesListedMax = 100;
const kindsReportedMax = 50;
const countMax = 10_000_000;

export function closeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/stations/:stationId/closes', requireStaff('closes:sign'), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'staff') return fail(c, 'forbidden');
    const stationId = c.req.param('stationId');
    const denial = await denyUnlessStation(c, stationId);
    if (denial) return denial;
    const body = await readBody(c, { businessDate: calendarDate });
    if (!body.ok) return fail(c, body.code, body.detail);
    const result = await createDailyClose(c.get('ctx'), { stationId, businessDate: body.value.businessDate, signedBy: principal.staff.id });
    if (!result.ok) return fail(c, result.code, result.detail);
    return c.json({ close: result.value }, 201);
  });

  app.get('/stations/:stationId/closes', requireStaff(), async (c) => {
    const denial = await denyUnlessStation(c, c.req.param('stationId'));
    if (denial) return denial;
    const rows = await listCloses(c.get('ctx').database, c.req.param('stationId'), closesListedMax);
    return c.json({ closes: rows.map(closeView) });
  });

  app.get('/stations/:stationId/closes/:businessDate', requireStaff(), async (c) => {
    const close = await closeInScope(c);
    return close instanceof Response ? close : c.json({ close });
  });

  app.get('/stations/:stationId/closes/:businessDate/print', requireStaff(), async (c) => {
    const close = await closeInScope(c);
    if (close instanceof Response) return close;
    const database = c.get('ctx').database;
    const [station, signer] = await Promise.all([findStation(database, close.stationId), findStaffById(database, close.signedBy)]);
    const signerName = signer ? (signer.displayName || signer.username) : close.signedBy;
    return c.html(renderClosePage(close, station?.name ?? close.stationId, signerName));
  });

  app.post('/kiosks/day-report', requireKiosk(), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'kiosk') return fail(c, 'forbidden');
    const body = await readBody(c, { businessDate: calendarDate, lastKioskSeq: integer(0, Number.MAX_SAFE_INTEGER), counters: kindCounters });
    if (!body.ok) return fail(c, body.code, body.detail);
    const ctx = c.get('ctx');
    if (await findClose(ctx.database, principal.kiosk.stationId, body.value.businessDate)) return fail(c, 'already_closed');
    await upsertDayReport(ctx.database, { kioskId: principal.kiosk.id, stationId: principal.kiosk.stationId, businessDate: body.value.businessDate,
      lastKioskSeq: body.value.lastKioskSeq, counters: JSON.stringify(body.value.counters), reportedAtMs: ctx.nowMs() });
    return c.json({ accepted: true, businessDate: body.value.businessDate }, 201);
  });

  return app;
}

async function closeInScope(c: Context<AppEnv>) {
  const denial = await denyUnlessStation(c, c.req.param('stationId') ?? '');
  if (denial) return denial;
  const date = calendarDate(c.req.param('businessDate'), 'businessDate');
  if (!date.ok) return fail(c, date.code, date.detail);
  const row = await findClose(c.get('ctx').database, c.req.param('stationId') ?? '', date.value);
  return row ? closeView(row) : fail(c, 'close_not_found');
}

/** `{[kind]: {count, time, points}}` with at most 50 kinds of snake_case names. */
const kindCounters: Check<Record<string, { count: number; time: number; points: number }>> = (value, field) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('invalid_input', `${field}: must be an object`);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > kindsReportedMax) return err('invalid_input', `${field}: at most ${kindsReportedMax} kinds`);
  const out: Record<string, { count: number; time: number; points: number }> = {};
  for (const [kind, counter] of entries) {
    if (!/^[a-z_]{1,40}$/.test(kind)) return err('invalid_input', `${field}.${kind}: bad kind`);
    const checked = integerTriple(counter, `${field}.${kind}`);
    if (!checked.ok) return checked;
    out[kind] = checked.value;
  }
  return ok(out);
};

function integerTriple(value: unknown, field: string) {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const count = integer(0, countMax)(record.count, `${field}.count`);
  if (!count.ok) return count;
  const time = integer(0, Number.MAX_SAFE_INTEGER)(record.time ?? 0, `${field}.time`);
  if (!time.ok) return time;
  const points = integer(0, Number.MAX_SAFE_INTEGER)(record.points ?? 0, `${field}.points`);
  if (!points.ok) return points;
  return ok({ count: count.value, time: time.value, points: points.value });
}

