// Reconciliation items: opened by offline shortfalls (in the same ledger batch) and listed by every close until a
// manager resolves them once, with a note and optionally the transaction that settled them (audited).

import { err, ok, type Result } from '../../../../domain/result.ts';
import { findItem, insertResolution, type ReconciliationItemRow, type ReconciliationView } from '../../db/operations/close-reconciliation.ts';
import type { ServiceContext } from '../../services/context.ts';

export type ResolveCode = 'reconciliation_item_not_found' | 'already_resolved';

/** The item as the API shows it (no personal data: ids and amounts only). */
export function itemView(item: ReconciliationItemRow) {
  return { itemId: item.id, kind: item.kind, transactionId: item.transactionId, asset: item.asset, amount: item.amount, detail: item.detail };
}

export function itemWithResolutionView(item: ReconciliationView) {
  return {
    ...itemView(item), stationId: item.stationId, openedAt: new Date(item.openedAtMs).toISOString(), status: item.resolution ? 'resolved' : 'open',
    resolution: item.resolution && { note: item.resolution.note, resolutionTransactionId: item.resolution.resolutionTransactionId,
      resolvedBy: item.resolution.resolvedBy, resolvedAt: new Date(item.resolution.resolvedAtMs).toISOString() },
  };
}

/** The station of an item, for the caller's scope check before resolving. */
export async function reconciliationItem(ctx: ServiceContext, itemId: string): Promise<ReconciliationView | undefined> {
  return findItem(ctx.database, itemId);
}

export async function resolveItem(ctx: ServiceContext, input: { item: ReconciliationView; note: string; resolutionTransactionId: string | null; staffId: string }): Promise<Result<ReturnType<typeof itemWithResolutionView>, ResolveCode>> {
  if (input.item.resolution) return err('already_resolved');
  const resolution = { itemId: input.item.id, note: input.note, resolutionTransactionId: input.resolutionTransactionId, resolvedBy: input.staffId, resolvedAtMs: ctx.nowMs() };
  if (!(await insertResolution(ctx.database, resolution))) return err('already_resolved');
  await ctx.audit.append({ actorType: 'staff', actorId: input.staffId, stationId: input.item.stationId, event: 'reconciliation_resolved', outcome: 'success',
    target: `reconciliation:${input.item.id}`, detail: { resolutionTransactionId: input.resolutionTransactionId } });
  return ok(itemWithResolutionView({ ...input.item, resolution }));
}
