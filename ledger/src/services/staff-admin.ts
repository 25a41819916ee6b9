// Staff management: the bootstrap admin of an empty database, creating staff and changing roles, within the
// granter's scope. Every change is audited.

import { err, ok, type Result } from '../../../domain/result.ts';
import { countStaff, findStaffById, findStaffByUsername, insertStaff, updateStaffRole, type StaffRole, type StaffWithStations } from '../db/station/staff.ts';
import { listRegions, listStationPlaces } from '../db/station/stations.ts';
import type { ServiceContext } from './context.ts';
import { randomToken } from './crypto.ts';
import { hashPassword } from './passwords.ts';
import { isRegionRole, isRegionWithin, mayGrantRole, regionLevelsFor, visibleStationIds } from './scope.ts';

export const bootstrapUsername = 'admin';

/** Creates staff user `admin` (district admin) when there is no staff yet. Returns the generated password, if any. */
export async function ensureBootstrapAdmin(ctx: ServiceContext, password: string | undefined, regionId: string | null): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await countStaff(ctx.database)) > 0) return { created: false };
  const chosen = password ?? randomToken(ctx.randomBytes, 15);
  const id = ctx.newId();
  await insertStaff(ctx.database, { id, username: bootstrapUsername, displayName: '系统管理员', passwordHash: await hashPassword(chosen, ctx.passwordIterations, ctx.randomBytes), role: 'district_admin', regionId, disabledAtMs: null, createdAtMs: ctx.nowMs() }, []);
  await ctx.audit.append({ actorType: 'system', event: 'bootstrap_admin_created', outcome: 'success', target: id });
  return password === undefined ? { created: true, generatedPassword: chosen } : { created: true };
}

export type StaffAssignment = { role: StaffRole; regionId: string | null; stationIds: string[] };
export type StaffChangeCode = 'username_taken' | 'role_not_grantable' | 'region_invalid' | 'station_forbidden' | 'staff_not_found';

export async function createStaff(ctx: ServiceContext, granter: StaffWithStations, input: StaffAssignment & { username: string; displayName: string; password: string }): Promise<Result<StaffWithStations, StaffChangeCode>> {
  const checked = await checkAssignment(ctx, granter, input);
  if (!checked.ok) return checked;
  if (await findStaffByUsername(ctx.database, input.username)) return err('username_taken');
  const row = { id: ctx.newId(), username: input.username, displayName: input.displayName, passwordHash: await hashPassword(input.password, ctx.passwordIterations, ctx.randomBytes), role: input.role, regionId: checked.value.regionId, disabledAtMs: null, createdAtMs: ctx.nowMs() };
  await insertStaff(ctx.database, row, checked.value.stationIds);
  await ctx.audit.append({ actorType: 'staff', actorId: granter.id, event: 'staff_created', outcome: 'success', target: row.id, detail: { role: input.role } });
  return ok({ ...row, stationIds: checked.value.stationIds });
}

export async function changeRole(ctx: ServiceContext, granter: StaffWithStations, staffId: string, input: StaffAssignment): Promise<Result<StaffWithStations, StaffChangeCode>> {
  const target = await findStaffById(ctx.database, staffId);
  if (!target) return err('staff_not_found');
  // The target must currently be someone the granter could have created.
  const current = await checkAssignment(ctx, granter, { role: target.role, regionId: target.regionId, stationIds: target.stationIds });
  const checked = current.ok ? await checkAssignment(ctx, granter, input) : current;
  if (!checked.ok) {
    await ctx.audit.append({ actorType: 'staff', actorId: granter.id, event: 'role_changed', outcome: 'denied', target: staffId, detail: { code: checked.code } });
    return checked;
  }
  await updateStaffRole(ctx.database, staffId, input.role, checked.value.regionId, checked.value.stationIds, ctx.nowMs());
  await ctx.audit.append({ actorType: 'staff', actorId: granter.id, event: 'role_changed', outcome: 'success', target: staffId, detail: { from: target.role, to: input.role } });
  return ok({ ...target, role: input.role, regionId: checked.value.regionId, stationIds: checked.value.stationIds });
}

async function checkAssignment(ctx: ServiceContext, granter: StaffWithStations, input: StaffAssignment): Promise<Result<{ regionId: string | null; stationIds: string[] }, StaffChangeCode>> {
  if (!mayGrantRole(granter.role, input.role)) return err('role_not_grantable');
  if (isRegionRole(input.role)) {
    const regions = await listRegions(ctx.database);
    const region = regions.find((item) => item.id === input.regionId);
    if (!region || !regionLevelsFor(input.role).includes(region.level)) return err('region_invalid');
    if (!isRegionWithin(region.id, granter.regionId, regions)) return err('region_invalid');
    return ok({ regionId: region.id, stationIds: [] });
  }
  const visible = visibleStationIds(granter, await listStationPlaces(ctx.database));
  if (input.stationIds.length === 0 || input.stationIds.some((stationId) => !visible.includes(stationId))) return err('station_forbidden');
  return ok({ regionId: null, stationIds: [...new Set(input.stationIds)] });
}
