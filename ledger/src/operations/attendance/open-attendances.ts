// Open attendances of a person as identify answers them (design.md §5): `{attendanceId, activityId, checkedInAt}`.

import type { Database } from '../../db/client.ts';
import { listOpenAttendancesOfPerson } from '../../db/operations/attendance-store.ts';

/** A person rarely has more than a few open attendances; more than this is a data problem, not a list to show. */
export const openAttendancesListedMax = 20;

export function openAttendancesReader(database: Database): (personId: string) => Promise<{ attendanceId: string; activityId: string; checkedInAt: string }[]> {
  return async (personId) => (await listOpenAttendancesOfPerson(database.db, personId, openAttendancesListedMax))
    .map((row) => ({ attendanceId: row.id, activityId: row.activityId, checkedInAt: new Date(row.checkedInAtMs).toISOString() }));
}
