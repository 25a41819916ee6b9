// Proves the one permission table: who may read, correct and export the ledger, decide approvals, sign closes and
// resolve reconciliation items (station roles at their stations, admins above them, auditors read only).

import { describe, expect, it } from 'vitest';
import { hasPermission, staffRoles, type Permission } from './scope.ts';

const ledgerPermissions: Permission[] = ['ledger:read', 'ledger:feed', 'ledger:correct', 'approvals:decide', 'ledger:export', 'closes:sign', 'reconciliation:resolve'];
const granted = (role: (typeof staffRoles)[number]) => ledgerPermissions.filter((permission) => hasPermission(role, permission));

describe('ledger and close permissions', () => {
  it('lets station managers correct, decide, export, sign closes and resolve items, but not read the city-wide feed', () => {
    expect(granted('station_manager')).toEqual(['ledger:read', 'ledger:correct', 'approvals:decide', 'ledger:export', 'closes:sign', 'reconciliation:resolve']);
  });

  it('lets clerks read balances only', () => {
    expect(granted('clerk')).toEqual(['ledger:read']);
  });

  it('lets auditors read, follow the feed and export, and change nothing', () => {
    expect(granted('auditor')).toEqual(['ledger:read', 'ledger:feed', 'ledger:export']);
  });

  it('gives street and district admins every ledger permission', () => {
    expect(granted('street_admin')).toEqual(ledgerPermissions);
    expect(granted('district_admin')).toEqual(ledgerPermissions);
  });
});
