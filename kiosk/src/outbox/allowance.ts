// Gathers the outbox's side of the offline redemption rule (design rule 14) — debits still queued and what the
// person spent this offline spell — and asks domain/offline-redemption.ts to decide. Pure.

import type { Asset, Balances } from '../../../domain/assets.ts';
import { businessDateOf } from '../../../domain/business-date.ts';
import { decideOfflineRedemption, type OfflineRedemptionCode } from '../../../domain/offline-redemption.ts';
import type { Result } from '../../../domain/result.ts';
import type { OfflineSpell, OutboxEntry } from './types.ts';

export type OfflineRedemption = { personId: string; asset: Asset; amount: number; lastSeenBalance: number };

const zero: Balances = { time: 0, points: 0 };

/**
 * The kiosk checked age eligibility when it listed the service, and cannot tell gifted minutes apart offline,
 * so the service rules here are the price alone; the ledger records the fact on upload either way.
 */
export function decideOfflineRedemptionAt(request: OfflineRedemption, entries: readonly OutboxEntry[], spell: OfflineSpell | null, nowMs: number): Result<unknown, OfflineRedemptionCode> {
  const queued = entries
    .filter((entry) => entry.state === 'pending' && entry.personId === request.personId && entry.debit?.asset === request.asset)
    .reduce((sum, entry) => sum + (entry.debit?.amount ?? 0), 0);
  return decideOfflineRedemption({
    service: { asset: request.asset, price: request.amount, minAge: null, redeemableBy: 'holder_or_gift_recipient', status: 'active' },
    birthDate: null,
    today: businessDateOf(nowMs),
    lastSeenBalances: { ...zero, [request.asset]: request.lastSeenBalance },
    outboxDebits: { ...zero, [request.asset]: queued },
    spentThisSpell: spell?.spentByPerson[request.personId] ?? zero,
  });
}

/** The spell after one more offline redemption. */
export function recordSpend(spell: OfflineSpell, personId: string, asset: Asset, amount: number): OfflineSpell {
  const before = spell.spentByPerson[personId] ?? zero;
  return { ...spell, spentByPerson: { ...spell.spentByPerson, [personId]: { ...before, [asset]: before[asset] + amount } } };
}
