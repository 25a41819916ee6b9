// Redemption at a kiosk that cannot reach the ledger (rule 14): bounded by the last balance seen minus the
// outbox's pending debits, and by 200 points / 120 minutes per person per offline spell. Pure.

import { err, ok, type Result } from './result.ts';
import type { Balances } from './assets.ts';
import { decideRedemption, type Redemption, type RedemptionCode, type RedemptionInput } from './redemption.ts';
import { offlineRedemptionMinutesMax, offlineRedemptionPointsMax } from './limits.ts';

export type OfflineRedemptionCode = RedemptionCode | 'offline_limit_exceeded';

export type OfflineRedemptionInput = Omit<RedemptionInput, 'balances'> & {
  /** Balances the kiosk last saw from the ledger for this person. */
  readonly lastSeenBalances: Balances;
  /** Debits for this person still waiting in the kiosk's outbox. */
  readonly outboxDebits: Balances;
  /** What this person already redeemed at this kiosk during the current offline spell. */
  readonly spentThisSpell: Balances;
};

export const offlineRedemptionMax: Balances = { time: offlineRedemptionMinutesMax, points: offlineRedemptionPointsMax };

/**
 * Decides an offline redemption: the online rules (rule 11) against the last seen balance minus the outbox's
 * debits, then the per-spell limit (`offline_limit_exceeded`). The result's `balanceAfter` is the kiosk's
 * own estimate; the ledger records the fact on upload and books any shortfall to suspense.
 */
export function decideOfflineRedemption(input: OfflineRedemptionInput): Result<Redemption, OfflineRedemptionCode> {
  const balances: Balances = {
    time: input.lastSeenBalances.time - input.outboxDebits.time,
    points: input.lastSeenBalances.points - input.outboxDebits.points,
  };
  const online = decideRedemption({ ...input, balances });
  if (!online.ok) return online;
  const { asset, amount } = online.value;
  const spellRemaining = offlineRedemptionMax[asset] - input.spentThisSpell[asset];
  if (amount > spellRemaining) return err('offline_limit_exceeded', `at most ${Math.max(0, spellRemaining)} more offline`);
  return ok(online.value);
}
