// The simulation's verdict on the entries the outbox adds on its own: every lost registration's kioskSeq is held by
// a sequence void (or the registration itself, when the void found it), and every refused 待同步 redemption has exactly
// one offline follow-up carrying the same fact — and no follow-up exists for anything else.

import { needsOfflineFollowUp } from '../../kiosk/src/outbox/follow-ups.ts';
import type { OutboxEntry } from '../../kiosk/src/outbox/types.ts';

export type LedgerRow = { id: string; kind: string; kioskId: string | null; kioskSeq: number | null; status: string; code: string | null; response: string; recordedAtMs: number };

export type FollowUpCounts = { lostRegistrations: number; registrationsFoundByVoid: number; queuedRedemptionsRefused: number };

/** Whether an entry's write should hold its own kioskSeq in the ledger (lost registrations and unneeded voids do not). */
export function holdsKioskSeq(entry: OutboxEntry): boolean {
  if (entry.operation === 'sequence-void') return entry.state === 'done' && (entry.response as { voided?: unknown } | null)?.voided === true;
  return !(entry.operation === 'registration' && entry.lastCode === 'registration_lost');
}

/** A sequence void against the ledger: it holds the kioskSeq, or it was refused naming the transaction that does. */
export function checkVoid(entry: OutboxEntry, row: LedgerRow | undefined, holder: LedgerRow | undefined, label: string): string[] {
  if (!row) return [`lost: ${label}`];
  const answer = entry.response as { voided?: unknown; transactionId?: unknown } | null;
  if (entry.state === 'rejected') return row.status === 'rejected' && row.code === entry.lastCode ? [] : [`void rejected ${entry.lastCode}, ledger ${row.status}:${row.code}: ${label}`];
  if (answer?.voided === true) return row.status === 'posted' && row.kind === 'sequence_void' && holder?.id === entry.id ? [] : [`void answered voided, ledger ${row.status} ${row.kind}, seq held by ${holder?.id}: ${label}`];
  const isRefusedHeld = row.status === 'rejected' && row.code === 'kiosk_seq_reused' && row.kioskId === null;
  if (!isRefusedHeld || holder === undefined || holder.id !== answer?.transactionId || holder.id === entry.id) return [`void answered not voided (${String(answer?.transactionId)}), ledger ${row.status}:${row.code}, seq held by ${holder?.id}: ${label}`];
  return [];
}

/** A registration the kiosk calls lost: a void holds its kioskSeq, and the ledger recorded nothing under its id. */
export function checkLostRegistration(row: LedgerRow | undefined, holder: LedgerRow | undefined, label: string): string[] {
  const problems: string[] = [];
  if (holder?.kind !== 'sequence_void') problems.push(`lost registration's kioskSeq held by ${holder ? `${holder.kind} ${holder.id}` : 'nothing'}: ${label}`);
  if (row && !(row.status === 'rejected' && row.code === 'kiosk_seq_reused' && row.kioskId === null)) problems.push(`kiosk says registration_lost, ledger ${row.status}:${row.code}: ${label}`);
  return problems;
}

/** Every refused 待同步 redemption has exactly one follow-up with the same fact; every follow-up replaces one of them. */
export function checkFollowUps(kioskId: string, entries: ReadonlyMap<string, OutboxEntry>): { violations: string[]; counts: FollowUpCounts } {
  const violations: string[] = [];
  const counts: FollowUpCounts = { lostRegistrations: 0, registrationsFoundByVoid: 0, queuedRedemptionsRefused: 0 };
  const followUpsOf = new Map<string, OutboxEntry[]>();
  for (const entry of entries.values()) {
    if (entry.replacesId !== undefined) followUpsOf.set(entry.replacesId, [...(followUpsOf.get(entry.replacesId) ?? []), entry]);
    if (entry.operation === 'registration' && entry.voidId !== undefined) {
      counts.lostRegistrations++;
      if (entry.lastCode !== 'registration_lost') counts.registrationsFoundByVoid++;
    }
  }
  for (const entry of entries.values()) {
    const label = `${kioskId} seq ${entry.kioskSeq} (${entry.operation} ${entry.id})`;
    if (needsOfflineFollowUp(entry)) {
      counts.queuedRedemptionsRefused++;
      const followUps = followUpsOf.get(entry.id) ?? [];
      if (followUps.length !== 1) violations.push(`refused 待同步 redemption with ${followUps.length} follow-ups: ${label}`);
    }
    if (entry.replacesId === undefined) continue;
    const original = entries.get(entry.replacesId);
    if (!original || !needsOfflineFollowUp(original)) violations.push(`follow-up of a redemption that needs none (${entry.replacesId}): ${label}`);
    const same = (field: string) => entry.body[field] === original?.body[field];
    if (!entry.isOffline || entry.body.offline !== true || !same('personId') || !same('serviceId') || !same('occurredAt')) violations.push(`follow-up is not the same fact offline: ${label}`);
  }
  return { violations, counts };
}
