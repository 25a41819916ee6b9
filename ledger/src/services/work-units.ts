// 双报到: in-service party members register their work unit (单位), and the station reports their service per
// work unit. Work unit names are normalised so one unit is one group; every change is audited.

import type { PersonRow } from '../db/station/people.ts';
import { updatePersonWorkUnit } from '../db/station/people.ts';
import type { ServiceContext } from './context.ts';

export const workUnitLengthMax = 100;

/** Trims and collapses inner whitespace (full-width spaces too); an empty name means no work unit. */
export function normaliseWorkUnit(text: string | null | undefined): string | null {
  const name = (text ?? '').replace(/[\s\u3000]+/g, ' ').trim();
  return name === '' ? null : name;
}

/** Sets or clears the person's work unit and audits the change (who, whom, and the new unit). */
export async function setWorkUnit(ctx: ServiceContext, staffId: string, person: PersonRow, workUnit: string | null): Promise<{ personId: string; workUnit: string | null }> {
  const normalised = normaliseWorkUnit(workUnit);
  await updatePersonWorkUnit(ctx.database, person.id, normalised);
  await ctx.audit.append({
    actorType: 'staff', actorId: staffId, stationId: person.stationId, event: 'work_unit_changed', outcome: 'success', target: person.id,
    detail: { from: person.workUnit, to: normalised },
  });
  return { personId: person.id, workUnit: normalised };
}
