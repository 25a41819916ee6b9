// Pure view of the 双报到 report: the table's rows and totals in words (time in 小时/分钟, points as 分).
// Never fetches; the page passes the server's answer in.

import type { WorkUnitRow, WorkUnitTotals } from '../../api/types.ts';
import { formatMinutes } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';

export type WorkUnitLine = { workUnit: string; members: string; attendances: string; time: string; points: string };

/** Sums every column; an empty report totals zero. */
export function totalWorkUnits(rows: readonly WorkUnitRow[]): WorkUnitTotals {
  return rows.reduce((sum, row) => ({
    members: sum.members + row.members, attendances: sum.attendances + row.attendances,
    creditedMinutes: sum.creditedMinutes + row.creditedMinutes, creditedPoints: sum.creditedPoints + row.creditedPoints,
  }), { members: 0, attendances: 0, creditedMinutes: 0, creditedPoints: 0 });
}

/** The table's body lines, in the server's order (by work unit), then the totals line named 合计. */
export function workUnitLines(t: Translate, rows: readonly WorkUnitRow[]): { body: WorkUnitLine[]; total: WorkUnitLine } {
  const line = (workUnit: string, row: WorkUnitTotals): WorkUnitLine => ({
    workUnit, members: String(row.members), attendances: String(row.attendances),
    time: formatMinutes(t, row.creditedMinutes), points: t('pointsValue', { points: row.creditedPoints }),
  });
  return {
    body: rows.map((row) => line(row.workUnit.trim() === '' ? t('workUnitBlank') : row.workUnit, row)),
    total: line(t('workUnitTotal'), totalWorkUnits(rows)),
  };
}
