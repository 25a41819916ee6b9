// Offline redemption allowance (design rule 14): up to the last balance the kiosk saw minus debits still in its
// outbox, and at most 200 points / 120 minutes per person per offline spell. Pure.

import type { Asset } from '../../../domain/assets.ts';
import { offlineRedemptionMinutesMax, offlineRedemptionPointsMax } from '../../../domain/limits.ts';
import { err, ok, type Result } from '../../../domain/result.ts';
import type { OfflineSpell, OutboxEntry } from './types.ts';

export type OfflineRedemptionCode = 'insufficient_balance' | 'offline_limit_exceeded';

export const offlineSpellMax: Readonly<Record<Asset, number>> = { time: offlineRedemptionMinutesMax, points: offlineRedemptionPointsMax };

export type OfflineRedemption = { personId: string; asset: Asset; amount: number; lastSeenBalance: number };

/** First failing rule wins: the balance floor, then the per-spell cap. */
export function decideOfflineRedemptionAt(request: OfflineRedemption, entries: readonly OutboxEntry[], spell: OfflineSpell | null): Result<null, OfflineRedemptionCode> {
  const queuedDebit = entries
    .filter((entry) => entry.state === 'pending' && entry.personId === request.personId && entry.debit?.asset === request.asset)
    .reduce((sum, entry) => sum + (entry.debit?.amount ?? 0), 0);
  if (request.lastSeenBalance - queuedDebit - request.amount < 0) return err('insufficient_balance');
  const spent = spell?.spentByPerson[request.personId]?.[request.asset] ?? 0;
  if (spent + request.amount > offlineSpellMax[request.asset]) return err('offline_limit_exceeded');
  return ok(null);
}

/** The spell after one more offline redemption. */
export function recordSpend(spell: OfflineSpell, personId: string, asset: Asset, amount: number): OfflineSpell {
  const before = spell.spentByPerson[personId] ?? { time: 0, points: 0 };
  return { ...spell, spentByPerson: { ...spell.spentByPerson, [personId]: { ...before, [asset]: before[asset] + amount } } };
}
