// Who may do what, and where: permissions per role and the stations a staff member sees.
// Pure: decides from the staff record and the station hierarchy; never reads the database.

import type { StaffRole } from '../db/station/staff.ts';
import type { Region, StationPlace } from '../db/station/stations.ts';

export const staffRoles = ['district_admin', 'street_admin', 'station_manager', 'clerk', 'auditor'] as const satisfies readonly StaffRole[];

export type Permission =
  | 'catalogue:write' | 'people:read' | 'people:write' | 'people:reveal' | 'kiosks:read' | 'kiosks:manage'
  | 'staff:read' | 'staff:manage' | 'audit:read'
  // The ledger: balances, the change feed and chain verification, reversals, approvals and 补录, exports.
  | 'ledger:read' | 'ledger:feed' | 'ledger:correct' | 'approvals:decide' | 'ledger:export'
  // The daily close: signing a close and resolving its reconciliation items.
  | 'closes:sign' | 'reconciliation:resolve';

const ledgerAll: readonly Permission[] = ['ledger:read', 'ledger:feed', 'ledger:correct', 'approvals:decide', 'ledger:export', 'closes:sign', 'reconciliation:resolve'];

const permissionsByRole: Record<StaffRole, readonly Permission[]> = {
  district_admin: ['catalogue:write', 'people:read', 'people:write', 'people:reveal', 'kiosks:read', 'kiosks:manage', 'staff:read', 'staff:manage', 'audit:read', ...ledgerAll],
  street_admin: ['catalogue:write', 'people:read', 'people:write', 'people:reveal', 'kiosks:read', 'kiosks:manage', 'staff:read', 'staff:manage', ...ledgerAll],
  station_manager: ['catalogue:write', 'people:read', 'people:write', 'people:reveal', 'kiosks:read', 'kiosks:manage',
    'ledger:read', 'ledger:correct', 'approvals:decide', 'ledger:export', 'closes:sign', 'reconciliation:resolve'],
  clerk: ['catalogue:write', 'people:read', 'people:write', 'kiosks:read', 'ledger:read'],
  // Auditors read everything and change nothing.
  auditor: ['people:read', 'kiosks:read', 'staff:read', 'audit:read', 'ledger:read', 'ledger:feed', 'ledger:export'],
};

export type StaffScope = { role: StaffRole; regionId: string | null; stationIds: readonly string[] };

export function hasPermission(role: StaffRole, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}

/** Region-scoped roles see every station below their region; station roles see their own stations. */
export function visibleStationIds(scope: StaffScope, places: readonly StationPlace[]): string[] {
  if (isRegionRole(scope.role)) {
    // A district admin without a region (the bootstrap admin before any region exists) sees everything.
    if (scope.regionId === null) return scope.role === 'district_admin' ? places.map((place) => place.id) : [];
    return places.filter((place) => place.regionIds.includes(scope.regionId!)).map((place) => place.id);
  }
  return places.filter((place) => scope.stationIds.includes(place.id)).map((place) => place.id);
}

export function isRegionRole(role: StaffRole): boolean {
  return role === 'district_admin' || role === 'street_admin' || role === 'auditor';
}

/** The level a region-scoped role's region must have. */
export function regionLevelsFor(role: StaffRole): readonly Region['level'][] {
  if (role === 'district_admin') return ['district'];
  if (role === 'street_admin') return ['street'];
  if (role === 'auditor') return ['district', 'street'];
  return [];
}

/** True when `regionId` is `ancestorId` or lies below it. */
export function isRegionWithin(regionId: string, ancestorId: string | null, regions: readonly Region[]): boolean {
  if (ancestorId === null) return true;
  const byId = new Map(regions.map((region) => [region.id, region]));
  let current = byId.get(regionId);
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.id === ancestorId) return true;
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return false;
}

const roleRank: Record<StaffRole, number> = { district_admin: 4, street_admin: 3, auditor: 2, station_manager: 2, clerk: 1 };

/** A manager of staff may grant only roles below their own (district admins may grant every role). */
export function mayGrantRole(granter: StaffRole, role: StaffRole): boolean {
  if (granter === 'district_admin') return true;
  return roleRank[role] < roleRank[granter];
}
