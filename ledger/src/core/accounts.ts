// Account references and keys: one account per (owner, asset, purpose), keyed `ownerKind:ownerId:purpose:asset`.
// Also the floor rule of each purpose. Pure: no I/O.

import { assert } from '../../../domain/assert.ts';
import { isAsset, type Asset } from '../../../domain/assets.ts';

export type OwnerKind = 'person' | 'station' | 'system';
/**
 * Purposes: a person's `main` balance and `held` (credits reserved by open holds); a station's
 * `community_chest` (公益池) and `suspense` (offline shortfalls); the system's `issuance` (credits are minted
 * from it), `redemption` (spent credits land there) and `expiry`.
 */
export type AccountPurpose = 'main' | 'held' | 'community_chest' | 'suspense' | 'issuance' | 'redemption' | 'expiry';
export type AccountRef = { readonly ownerKind: OwnerKind; readonly ownerId: string; readonly purpose: AccountPurpose };
export type AccountKey = string;

const purposes: readonly AccountPurpose[] = ['main', 'held', 'community_chest', 'suspense', 'issuance', 'redemption', 'expiry'];
const ownerKinds: readonly OwnerKind[] = ['person', 'station', 'system'];
export const systemOwnerId = 'system';

export function personAccount(personId: string, purpose: 'main' | 'held' = 'main'): AccountRef {
  return { ownerKind: 'person', ownerId: personId, purpose };
}

export function stationAccount(stationId: string, purpose: 'community_chest' | 'suspense'): AccountRef {
  return { ownerKind: 'station', ownerId: stationId, purpose };
}

export function systemAccount(purpose: 'issuance' | 'redemption' | 'expiry'): AccountRef {
  return { ownerKind: 'system', ownerId: systemOwnerId, purpose };
}

/** The account that holds `account`'s reserved credits while a hold is open. */
export function heldAccountOf(account: AccountRef): AccountRef {
  return { ownerKind: account.ownerKind, ownerId: account.ownerId, purpose: 'held' };
}

export function accountKey(account: AccountRef, asset: Asset): AccountKey {
  assert(!account.ownerId.includes(':') && account.ownerId.length > 0, `account owner id must be non-empty without ':'`);
  return `${account.ownerKind}:${account.ownerId}:${account.purpose}:${asset}`;
}

// Parsed keys are immutable values; remembering them saves the writer a split per leg. Bounded by a reset.
const parsedKeys = new Map<AccountKey, { account: AccountRef; asset: Asset }>();
const parsedKeysMax = 100_000;

export function parseAccountKey(key: AccountKey): { account: AccountRef; asset: Asset } {
  const known = parsedKeys.get(key);
  if (known) return known;
  if (parsedKeys.size >= parsedKeysMax) parsedKeys.clear();
  const parsed = parseAccountKeyFresh(key);
  parsedKeys.set(key, parsed);
  return parsed;
}

function parseAccountKeyFresh(key: AccountKey): { account: AccountRef; asset: Asset } {
  const [ownerKind, ownerId, purpose, asset] = key.split(':');
  assert(ownerKinds.includes(ownerKind as OwnerKind), `bad account key ${key}`);
  assert(purposes.includes(purpose as AccountPurpose), `bad account key ${key}`);
  assert(isAsset(asset) && ownerId !== undefined, `bad account key ${key}`);
  return { account: { ownerKind: ownerKind as OwnerKind, ownerId, purpose: purpose as AccountPurpose }, asset };
}

/** Persons and community chests may never go below zero; system accounts and suspense are unbounded. */
export function isNonNegative(account: AccountRef): boolean {
  if (account.ownerKind === 'person') return true;
  return account.ownerKind === 'station' && account.purpose === 'community_chest';
}

export function isValidAccountRef(value: AccountRef): boolean {
  return ownerKinds.includes(value.ownerKind) && purposes.includes(value.purpose)
    && typeof value.ownerId === 'string' && value.ownerId.length > 0 && !value.ownerId.includes(':');
}
