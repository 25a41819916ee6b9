// Turns a planned transaction into signed legs with running balances: resolves holds and reversals, nets transfers per
// account, routes record-mode shortfalls to the station's suspense account and checks floors. Pure: no I/O, no clock.

import { err, ok, type Result } from '../../../domain/result.ts';
import { assert } from '../../../domain/assert.ts';
import type { Asset } from '../../../domain/assets.ts';
import { accountKey, heldAccountOf, isNonNegative, parseAccountKey, stationAccount, type AccountKey } from './accounts.ts';
import type { EngineRejectCode, PlannedTransaction, Shortfall } from './transaction.ts';

export type HoldStatus = 'pending' | 'posted' | 'voided' | 'expired';
export type HoldRecord = {
  readonly holdId: string; readonly asset: Asset; readonly amount: number; readonly sourceKey: AccountKey;
  readonly heldKey: AccountKey; readonly destinationKey: AccountKey; readonly expiresAtMs: number | null; readonly status: HoldStatus;
};
export type OriginalTransaction = {
  readonly id: string; readonly status: 'posted' | 'rejected'; readonly opensHold: boolean; readonly resolvesHoldId: string | null;
  readonly postings: readonly { readonly accountKey: AccountKey; readonly asset: Asset; readonly amount: number }[];
};
/** What the engine looked up for this transaction: `null` means looked up and not found. */
export type References = { readonly hold?: HoldRecord | null; readonly original?: OriginalTransaction | null; readonly originalReversed?: boolean };
export type Leg = { readonly accountKey: AccountKey; readonly asset: Asset; readonly amount: number; readonly balanceAfter: number };
export type LegPlan = {
  readonly legs: readonly Leg[];
  readonly shortfalls: readonly Shortfall[];
  readonly openedHold?: HoldRecord;
  readonly resolvedHold?: { readonly holdId: string; readonly status: Exclude<HoldStatus, 'pending'> };
};

/**
 * Rules, first failing wins: the hold exists and is pending and the posted amount fits (hold_not_found,
 * hold_already_resolved, hold_amount_exceeded); the reversed transaction exists, is posted, moves no hold and
 * is not yet reversed (reversal_not_found, not_reversible, already_reversed); no non-negative account ends below
 * zero (insufficient_balance) — in `record` mode a shortfall moves to the station's suspense account instead.
 */
export function decideLegs(transactionId: string, planned: PlannedTransaction<unknown>, references: References, balanceOf: (key: AccountKey) => number): Result<LegPlan, EngineRejectCode> {
  const deltas = new Map<AccountKey, number>();
  const add = (key: AccountKey, amount: number) => deltas.set(key, (deltas.get(key) ?? 0) + amount);
  let openedHold: HoldRecord | undefined;
  let resolvedHold: LegPlan['resolvedHold'];

  if (planned.resolvesHoldId !== undefined && planned.resolution !== undefined) {
    const hold = references.hold;
    if (!hold) return err('hold_not_found');
    if (hold.status !== 'pending') return err('hold_already_resolved');
    const resolution = planned.resolution;
    const postedAmount = resolution.type === 'post' ? resolution.amount : 0;
    if (postedAmount > hold.amount) return err('hold_amount_exceeded');
    add(hold.heldKey, -hold.amount);
    if (postedAmount > 0) add(hold.destinationKey, postedAmount);
    if (hold.amount - postedAmount > 0) add(hold.sourceKey, hold.amount - postedAmount);
    const status = resolution.type === 'post' ? 'posted' : resolution.type === 'void' ? 'voided' : 'expired';
    resolvedHold = { holdId: hold.holdId, status };
  }
  if (planned.reversesId !== undefined) {
    const original = references.original;
    if (!original || original.status !== 'posted') return err('reversal_not_found');
    if (original.opensHold || original.resolvesHoldId !== null) return err('not_reversible');
    if (references.originalReversed) return err('already_reversed');
    for (const posting of original.postings) add(posting.accountKey, -posting.amount);
  }
  for (const transfer of planned.transfers) {
    const destination = planned.hold !== undefined ? heldAccountOf(transfer.from) : transfer.to;
    add(accountKey(transfer.from, transfer.asset), -transfer.amount);
    add(accountKey(destination, transfer.asset), transfer.amount);
    if (planned.hold !== undefined) {
      openedHold = {
        holdId: transactionId, asset: transfer.asset, amount: transfer.amount, sourceKey: accountKey(transfer.from, transfer.asset),
        heldKey: accountKey(destination, transfer.asset), destinationKey: accountKey(transfer.to, transfer.asset),
        expiresAtMs: planned.hold.expiresAtMs, status: 'pending',
      };
    }
  }

  const shortfalls: Shortfall[] = [];
  for (const [key, delta] of [...deltas]) {
    const { account, asset } = parseAccountKey(key);
    const after = balanceOf(key) + delta;
    if (!isNonNegative(account) || after >= 0 || delta >= 0) continue;
    if (planned.mode === 'authorize' || account.ownerKind !== 'person') return err('insufficient_balance');
    // Record mode: the event already happened. The person goes to zero; the station's suspense covers the rest.
    shortfalls.push({ accountKey: key, asset, amount: -after });
    deltas.set(key, delta - after);
    add(accountKey(stationAccount(planned.stationId, 'suspense'), asset), after);
  }

  const legs: Leg[] = [];
  const sums = new Map<Asset, number>();
  for (const [key, delta] of deltas) {
    if (delta === 0) continue;
    const { asset } = parseAccountKey(key);
    legs.push({ accountKey: key, asset, amount: delta, balanceAfter: balanceOf(key) + delta });
    sums.set(asset, (sums.get(asset) ?? 0) + delta);
  }
  for (const [asset, sum] of sums) assert(sum === 0, `legs of ${asset} sum to ${sum}, not zero`);
  return ok({ legs, shortfalls, ...(openedHold ? { openedHold } : {}), ...(resolvedHold ? { resolvedHold } : {}) });
}
