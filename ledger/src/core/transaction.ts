// The shapes a unit's plan returns and the engine's outcome codes: what a caller may ask the ledger to append.
// Pure types and a validator; the storage-side unit (with load and extra statements) is in db/ledger/unit.ts.

import { isAsset, type Asset } from '../../../domain/assets.ts';
import { isValidAccountRef, type AccountKey, type AccountRef } from './accounts.ts';
import type { JsonValue } from './canonical.ts';

export type Mode = 'authorize' | 'record';
export type Transfer = { readonly from: AccountRef; readonly to: AccountRef; readonly asset: Asset; readonly amount: number };
export type Resolution = { readonly type: 'post'; readonly amount: number } | { readonly type: 'void' } | { readonly type: 'expire' };

/** What the engine tells `respond` once the transaction has its place in the ledger. */
export type RespondContext = {
  readonly transactionId: string;
  readonly ledgerSeq: number;
  readonly recordedAtMs: number;
  /** Balance after this transaction of every account it touched, by account key. */
  readonly balancesAfter: Readonly<Record<AccountKey, number>>;
  /** Record mode only: debits a person could not cover, taken from the station's suspense account. */
  readonly shortfalls: readonly Shortfall[];
};

export type Shortfall = { readonly accountKey: AccountKey; readonly asset: Asset; readonly amount: number };

/**
 * A transaction a plan asks for. `transfers` may be empty (kiosk events that move no value are still chained).
 * `hold`: this transaction opens a hold (its id is the unit id) with exactly one transfer `from → to`; the amount
 * moves to `from`'s `held` account until resolved. `resolvesHoldId` + `resolution` post (partly), void or expire a
 * hold. `reversesId` mirrors every posting of an earlier transaction (the engine builds the legs).
 */
export type PlannedTransaction<Statement = unknown> = {
  readonly kind: string;
  readonly stationId: string;
  readonly kioskId?: string;
  readonly kioskSeq?: number;
  readonly actorId?: string;
  readonly occurredAtMs: number;
  readonly mode: Mode;
  readonly transfers: readonly Transfer[];
  readonly hold?: { readonly expiresAtMs: number | null };
  readonly resolvesHoldId?: string;
  readonly resolution?: Resolution;
  readonly reversesId?: string;
  readonly memo?: string;
  readonly metadata?: JsonValue;
  /** Service rows written in the same batch (e.g. an attendance row); a failure here rejects the unit. */
  readonly extraStatements?: readonly Statement[];
  readonly respond: (context: RespondContext) => JsonValue;
};

/** A plan's refusal: stored under the unit id, final. Kiosk fields keep the kiosk's sequence accounted for. */
export type PlanRejection = {
  readonly reject: string;
  readonly response?: JsonValue;
  readonly kind?: string;
  readonly stationId?: string;
  readonly kioskId?: string;
  readonly kioskSeq?: number;
};

export type Plan<Statement = unknown> = PlannedTransaction<Statement> | PlanRejection;

export function isRejection<S>(plan: Plan<S>): plan is PlanRejection {
  return 'reject' in plan;
}

/** Codes the engine itself may answer with (plans may add their own). */
export type EngineRejectCode =
  | 'insufficient_balance' | 'kiosk_seq_reused' | 'already_reversed' | 'reversal_not_found' | 'not_reversible'
  | 'hold_not_found' | 'hold_already_resolved' | 'hold_amount_exceeded' | 'invalid_transaction' | 'constraint_violation';

/** The answer to every submit. `exists` replays a stored `created`; a stored rejection replays as `rejected`. */
export type SubmitOutcome =
  | { readonly status: 'created'; readonly ledgerSeq: number; readonly response: JsonValue; readonly balancesAfter: Readonly<Record<AccountKey, number>>; readonly shortfalls: readonly Shortfall[] }
  | { readonly status: 'exists'; readonly ledgerSeq: number; readonly response: JsonValue }
  | { readonly status: 'rejected'; readonly ledgerSeq: number; readonly code: string; readonly response: JsonValue; readonly replayed: boolean }
  | { readonly status: 'id_reused'; readonly code: 'id_reused'; readonly response: JsonValue }
  /** A unit whose signed request's nonce was already used: nothing was written for it, not even a rejection. */
  | { readonly status: 'refused'; readonly code: 'kiosk_nonce_reused'; readonly response: JsonValue };

/** Structural checks a plan's transaction must pass; failing ones are stored as `invalid_transaction`. */
export function validateTransaction(planned: PlannedTransaction<unknown>): string | null {
  if (typeof planned.kind !== 'string' || planned.kind.length === 0) return 'kind is empty';
  if (typeof planned.stationId !== 'string' || planned.stationId.length === 0) return 'stationId is empty';
  if (!Number.isSafeInteger(planned.occurredAtMs)) return 'occurredAtMs is not an integer';
  if ((planned.kioskId === undefined) !== (planned.kioskSeq === undefined)) return 'kioskId and kioskSeq go together';
  if (planned.kioskSeq !== undefined && !(Number.isSafeInteger(planned.kioskSeq) && planned.kioskSeq >= 1)) return 'kioskSeq must be a positive integer';
  for (const transfer of planned.transfers) {
    if (!isAsset(transfer.asset)) return 'unknown asset';
    if (!Number.isSafeInteger(transfer.amount) || transfer.amount <= 0) return 'amount must be a positive integer';
    if (!isValidAccountRef(transfer.from) || !isValidAccountRef(transfer.to)) return 'bad account';
  }
  const linkCount = [planned.hold, planned.resolvesHoldId, planned.reversesId].filter((link) => link !== undefined).length;
  if (linkCount > 1) return 'a transaction opens a hold, resolves one or reverses one, not several';
  if (planned.hold !== undefined && planned.transfers.length !== 1) return 'a hold has exactly one transfer';
  if ((planned.resolvesHoldId === undefined) !== (planned.resolution === undefined)) return 'resolvesHoldId and resolution go together';
  if (planned.resolution?.type === 'post' && !(Number.isSafeInteger(planned.resolution.amount) && planned.resolution.amount >= 0)) return 'posted amount must be a non-negative integer';
  return null;
}
