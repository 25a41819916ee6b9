// The entries the outbox adds on its own, so no fact is lost to a restart or bounced by online rules. Pure: ids and
// clock come in. A sequence void fills the kioskSeq of a registration whose card was lost (the close's check 5); an
// offline follow-up records a redemption the resident left with on a 待同步 receipt that the ledger refused online (rule 14).

import type { RedemptionCode } from '../../../domain/redemption.ts';
import type { OutboxEntry } from './types.ts';

export const sequenceVoidPath = '/api/v1/kiosks/sequence-voids';

/** The online redemption rules the ledger sets aside for an offline fact; `satisfies` keeps the list complete. */
const onlineRuleCodes = { service_inactive: true, age_unknown: true, below_minimum_age: true, gift_credits_not_eligible: true, insufficient_balance: true } as const satisfies Record<RedemptionCode, true>;

export function isOnlineRuleCode(code: string | null): boolean {
  return code !== null && Object.hasOwn(onlineRuleCodes, code);
}

/** A registration that can no longer be sent: its card lived in memory only and the kiosk restarted. */
export function isLostRegistration(entry: OutboxEntry, hasMemoryBody: boolean): boolean {
  if (entry.operation !== 'registration' || entry.voidId !== undefined) return false;
  const isStoredLost = entry.state === 'rejected' && entry.lastCode === 'registration_lost';
  return isStoredLost || (entry.state === 'pending' && entry.isBodyInMemory && !hasMemoryBody);
}

/**
 * The lost registration, settled as `registration_lost`, and the void that takes its kioskSeq: same kioskSeq and
 * occurredAt, a new id. Both are stored in one change, so a restart never makes a second void for it.
 */
export function voidLostRegistration(lost: OutboxEntry, voidId: string, nowMs: number): { lost: OutboxEntry; sequenceVoid: OutboxEntry } {
  const body = { id: voidId, kioskSeq: lost.kioskSeq, occurredAt: lost.body.occurredAt, reason: 'registration_lost' };
  return {
    lost: { ...lost, state: 'rejected', lastCode: 'registration_lost', voidId },
    sequenceVoid: {
      id: voidId, kioskSeq: lost.kioskSeq, operation: 'sequence-void', path: sequenceVoidPath, body, isBodyInMemory: false, personId: null, debit: null,
      isOffline: false, state: 'pending', attempts: 0, nextAttemptMs: nowMs, lastCode: null, createdAtMs: nowMs, response: null, voidsId: lost.id,
    },
  };
}

/**
 * What the void's answer says about the lost registration. `voided:false` naming the registration means it did reach
 * the ledger: posted → done (`registration_recorded`), refused → rejected with the ledger's code. Otherwise it stays lost.
 */
export function settleVoidedRegistration(lost: OutboxEntry, sequenceVoid: OutboxEntry): OutboxEntry {
  const answer = sequenceVoid.response as { voided?: unknown; transactionId?: unknown; status?: unknown; code?: unknown } | null;
  if (sequenceVoid.state !== 'done' || answer?.voided !== false || answer.transactionId !== lost.id) return lost;
  if (answer.status === 'posted') return { ...lost, state: 'done', lastCode: 'registration_recorded' };
  return { ...lost, state: 'rejected', lastCode: typeof answer.code === 'string' ? answer.code : 'rejected' };
}

/**
 * A refused online redemption needs an offline follow-up only when the resident already left with its 待同步 receipt
 * and the refusal is a final online rule (never an unknown outcome, id_reused or a malformed request).
 */
export function needsOfflineFollowUp(entry: OutboxEntry): boolean {
  return entry.operation === 'redemption' && !entry.isOffline && entry.hasQueuedReceipt === true && entry.state === 'rejected' && isOnlineRuleCode(entry.lastCode);
}

/** The same fact as an offline upload: new id and kioskSeq, the refused write's person, service and occurredAt. */
export function offlineFollowUp(refused: OutboxEntry, id: string, kioskSeq: number, nowMs: number): OutboxEntry {
  const { id: _id, kioskSeq: _kioskSeq, offline: _offline, ...fields } = refused.body;
  return {
    ...refused, id, kioskSeq, body: { id, kioskSeq, ...fields, offline: true, replaces: refused.id }, isOffline: true,
    state: 'pending', attempts: 0, nextAttemptMs: nowMs, lastCode: null, createdAtMs: nowMs, response: null, replacesId: refused.id,
  };
}
