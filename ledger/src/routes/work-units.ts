// 双报到 routes: set or clear a person's work unit (staff, audited), and the report per work unit of a station's
// members over business dates — members, check-ins, credited minutes and points — as JSON or CSV (UTF-8 with BOM).

import { Hono, type Context } from 'hono';
import { ok } from '../../../domain/result.ts';
import { readWorkUnitReport, type WorkUnitTotals } from '../db/operations/work-unit-report.ts';
import { findPersonById } from '../db/station/people.ts';
import { setWorkUnit, workUnitLengthMax } from '../services/work-units.ts';
import { denyUnlessStation, requireStaff } from './auth.ts';
import { csvField } from './exports.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { calendarDate, idText, readBody, readQuery, text, type Check } from './validate.ts';

/** Longest report period. */
export const reportDaysMax = 366;
const csvHeader = ['工作单位', '报到党员（人）', '参加活动（次）', '服务时长（分钟）', '积分'];
const workUnitOrNull: Check<string | null> = (value, field) => (value === null ? ok(null) : text({ min: 0, max: workUnitLengthMax })(value, field));

/** PUT /api/v1/people/{personId}/work-unit {workUnit: string | null}. */
export function workUnitRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.put('/:personId/work-unit', requireStaff('people:write'), async (c) => {
    const body = await readBody(c, { workUnit: workUnitOrNull });
    if (!body.ok) return fail(c, body.code, body.detail);
    const person = await findPersonById(c.get('ctx').database, c.req.param('personId'));
    if (!person) return fail(c, 'person_not_found');
    const denial = await denyUnlessStation(c, person.stationId);
    if (denial) return denial;
    const principal = c.get('principal');
    return c.json(await setWorkUnit(c.get('ctx'), principal.kind === 'staff' ? principal.staff.id : '', person, body.value.workUnit ?? null));
  });
  return app;
}

/** GET /api/v1/reports/work-units and /work-units.csv ?stationId&from&to (inclusive business dates). */
export function workUnitReportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/work-units', requireStaff('ledger:read'), async (c) => {
    const report = await readReport(c);
    if (report instanceof Response) return report;
    noStore(c);
    return c.json({ ...report.query, workUnits: report.rows, totals: totalsOf(report.rows) });
  });
  app.get('/work-units.csv', requireStaff('ledger:read'), async (c) => {
    const report = await readReport(c);
    if (report instanceof Response) return report;
    const totals = totalsOf(report.rows);
    const lines = [csvHeader, ...report.rows.map(csvCells), ['合计', totals.members, totals.attendances, totals.creditedMinutes, totals.creditedPoints]].map((cells) => cells.map(csvField).join(','));
    noStore(c);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="work-units-${report.query.stationId}-${report.query.from}-${report.query.to}.csv"`);
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`);
  });
  return app;
}

async function readReport(c: Context<AppEnv>): Promise<Response | { query: { stationId: string; from: string; to: string }; rows: WorkUnitTotals[] }> {
  const query = readQuery(c, { stationId: idText, from: calendarDate, to: calendarDate });
  if (!query.ok) return fail(c, query.code, query.detail);
  const { stationId, from, to } = query.value;
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1 || days > reportDaysMax) return fail(c, 'date_range_invalid', `to: must be on or after from, at most ${reportDaysMax} days`);
  const denial = await denyUnlessStation(c, stationId);
  if (denial) return denial;
  return { query: { stationId, from, to }, rows: await readWorkUnitReport(c.get('ctx').database, stationId, from, to) };
}

function totalsOf(rows: readonly WorkUnitTotals[]): Omit<WorkUnitTotals, 'workUnit'> {
  return rows.reduce((sum, row) => ({
    members: sum.members + row.members, attendances: sum.attendances + row.attendances,
    creditedMinutes: sum.creditedMinutes + row.creditedMinutes, creditedPoints: sum.creditedPoints + row.creditedPoints,
  }), { members: 0, attendances: 0, creditedMinutes: 0, creditedPoints: 0 });
}

function csvCells(row: WorkUnitTotals): (string | number)[] {
  return [row.workUnit, row.members, row.attendances, row.creditedMinutes, row.creditedPoints];
}
