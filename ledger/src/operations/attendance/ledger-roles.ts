// Who may read the ledger, correct it, decide approvals and export: permissions of the ledger routes per staff role.
// Pure. Kept beside the operations because services/scope.ts lists only the foundation's permissions.

import type { StaffRole } from '../../db/station/staff.ts';

export type LedgerPermission = 'ledger:read' | 'ledger:feed' | 'ledger:correct' | 'approvals:decide' | 'ledger:export';

const allLedger: readonly LedgerPermission[] = ['ledger:read', 'ledger:feed', 'ledger:correct', 'approvals:decide', 'ledger:export'];
const ledgerPermissionsByRole: Record<StaffRole, readonly LedgerPermission[]> = {
  district_admin: allLedger,
  street_admin: allLedger,
  station_manager: ['ledger:read', 'ledger:correct', 'approvals:decide', 'ledger:export'],
  clerk: ['ledger:read'],
  // Auditors read everything and change nothing.
  auditor: ['ledger:read', 'ledger:feed', 'ledger:export'],
};

export function hasLedgerPermission(role: StaffRole, permission: LedgerPermission): boolean {
  return ledgerPermissionsByRole[role].includes(permission);
}
