// Turns a flow operation into an outbox draft, and the outbox's result back into the flow's outcome, making
// the 待同步 receipt for writes stored offline. Pure apart from the outbox call in `submitOperation`.

import type { CheckOutResult, Operation, Receipt, RedemptionResult, SubmitOutcome, Person } from './flow/types.ts';
import type { Draft, Outbox, SubmitResult } from './outbox/outbox.ts';
import type { OutboxEntry } from './outbox/types.ts';

export type ReceiptContext = { kioskId: string; stationName: string; baseUrl: string; title: string | null };

export async function submitOperation(outbox: Pick<Outbox, 'submit'>, operation: Operation, context: ReceiptContext): Promise<SubmitOutcome> {
  return outcomeOf(operation, await outbox.submit(draftFor(operation)), context);
}

export function draftFor(operation: Operation): Draft {
  switch (operation.kind) {
    case 'check-in':
      return { operation: 'check-in', path: '/api/v1/check-ins', fields: { personId: operation.personId, activityId: operation.activityId }, personId: operation.personId };
    case 'check-out':
      return { operation: 'check-out', path: '/api/v1/check-outs', fields: { personId: operation.personId, activityId: operation.activityId }, personId: operation.personId };
    case 'redemption':
      return {
        operation: 'redemption', path: '/api/v1/redemptions', fields: { personId: operation.personId, serviceId: operation.serviceId }, personId: operation.personId,
        redemption: { personId: operation.personId, asset: operation.asset, amount: operation.price, lastSeenBalance: operation.lastSeenBalance },
      };
    case 'registration':
      return { operation: 'registration', path: '/api/v1/people', fields: { consentVersion: operation.consentVersion }, memoryFields: { card: operation.card, ...(operation.phone ? { phone: operation.phone } : {}) }, personId: null };
  }
}

export function outcomeOf(operation: Operation, result: SubmitResult, context: ReceiptContext): SubmitOutcome {
  if (result.status === 'rejected') return { status: 'rejected', code: result.code };
  if (result.status === 'queued') {
    const receipt = pendingReceipt(result.entry, context);
    if (operation.kind !== 'redemption') return { status: 'queued', receipt };
    return { status: 'queued', receipt, redemption: { pickupCode: pendingPickupCode(result.entry.id), balances: null } };
  }
  const body = (result.response ?? {}) as Record<string, unknown>;
  const receipt = isReceipt(body.receipt) ? body.receipt : null;
  switch (operation.kind) {
    case 'check-in':
      return { status: 'done', receipt };
    case 'check-out':
      return { status: 'done', receipt, checkOut: { minutes: Number(body.minutes ?? 0), credited: body.credited as CheckOutResult['credited'], balances: body.balances as CheckOutResult['balances'] } };
    case 'redemption':
      return { status: 'done', receipt, redemption: { pickupCode: String(body.pickupCode ?? ''), balances: (body.balances ?? null) as RedemptionResult['balances'] } };
    case 'registration':
      return { status: 'done', receipt, person: body.person as Person };
  }
}

const receiptKinds: Record<OutboxEntry['operation'], string> = { 'check-in': 'check_in', 'check-out': 'check_out', redemption: 'redemption', registration: 'registration', 'sequence-void': 'sequence_void' };

/** The receipt of a write stored offline: no ledgerSeq yet, and its verify link works once the outbox has drained. */
export function pendingReceipt(entry: OutboxEntry, context: ReceiptContext): Receipt {
  const lines = context.title === null ? [] : [context.title];
  if (entry.operation === 'redemption') lines.push(`取件码 ${pendingPickupCode(entry.id)}`);
  return {
    kioskId: context.kioskId, kioskSeq: entry.kioskSeq, ledgerSeq: null, kind: receiptKinds[entry.operation],
    occurredAt: String(entry.body.occurredAt), stationName: context.stationName, lines,
    verifyUrl: `${context.baseUrl}/api/v1/receipts/${encodeURIComponent(context.kioskId)}/${entry.kioskSeq}`,
  };
}

/** Offline pickup code: the last six characters of the write's id, which the ledger stores, so staff can look it up. */
export function pendingPickupCode(id: string): string {
  return id.slice(-6);
}

function isReceipt(value: unknown): value is Receipt {
  const receipt = value as Partial<Receipt> | null;
  return typeof receipt === 'object' && receipt !== null && typeof receipt.kioskSeq === 'number' && Array.isArray(receipt.lines);
}
