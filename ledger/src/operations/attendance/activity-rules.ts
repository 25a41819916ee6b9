// The crediting rules of a stored activity row, as domain/activity.ts wants them (defaults filled, limits asserted).
// Pure: no I/O.

import { activityRules, type ActivityRules } from '../../../../domain/activity.ts';
import { isRounding } from '../../../../domain/rounding.ts';
import { assert } from '../../../../domain/assert.ts';
import type { ActivityRow } from '../../db/station/catalogue.ts';

export function rulesOfActivity(row: ActivityRow): ActivityRules {
  const rounding: unknown = JSON.parse(row.rounding);
  assert(isRounding(rounding), 'activities.rounding read back is malformed');
  return activityRules({
    startsAtMs: row.startsAtMs, endsAtMs: row.endsAtMs, lateGraceMinutes: row.lateGraceMinutes, rounding,
    minimumAttendancePercent: row.minAttendanceRatioPercent === 0 ? null : row.minAttendanceRatioPercent,
    approval: row.approval, pointsPerHour: row.pointsPerHour, bonusPoints: row.bonusPoints,
  });
}
