// Redeeming credits for a station service (rule 11): status, minimum age, who may spend gifted credits, balance.
// Pure: the caller loads the service, the person's birth date and balances; first failing rule wins.

import { assert } from './assert.ts';
import { err, ok, type Result } from './result.ts';
import type { Asset, Balances } from './assets.ts';
import { ageOn } from './business-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { amountMax } from './limits.ts';

/** `holder`: only credits the person earned count; `holder_or_gift_recipient`: gifted `time` counts too. */
export type RedemptionEligibility = 'holder' | 'holder_or_gift_recipient';

export type ServiceRules = {
  readonly asset: Asset;
  /** Whole minutes or points; services only, never cash. */
  readonly price: number;
  /** Minimum age in whole years on the business date (e.g. 60 for elder-care hours, 65 in 上海); null = none. */
  readonly minAge: number | null;
  readonly redeemableBy: RedemptionEligibility;
  readonly status: 'active' | 'inactive';
};

export type RedemptionCode =
  | 'service_inactive'
  | 'age_unknown' // the service has a minimum age and the person's birth date is not known
  | 'below_minimum_age'
  | 'gift_credits_not_eligible' // enough `time` only if gifted minutes count, and this service is holder-only
  | 'insufficient_balance';

export type RedemptionInput = {
  readonly service: ServiceRules;
  readonly birthDate: CalendarDate | null;
  /** Business date of the redemption. */
  readonly today: CalendarDate;
  readonly balances: Balances;
  /** Unspent `time` the person received as gifts; 0 when unknown or none. */
  readonly giftReceivedMinutes?: number;
};

export type Redemption = { readonly asset: Asset; readonly amount: number; readonly balanceAfter: number };

/**
 * Decides a redemption. Rules in order: the service is active; the person meets the minimum age; the balance
 * covers the price, counting gifted minutes only where the service allows gift recipients.
 * Asserts the service price is a positive integer (a settings row, not user input).
 */
export function decideRedemption(input: RedemptionInput): Result<Redemption, RedemptionCode> {
  const { service } = input;
  assert(Number.isSafeInteger(service.price) && service.price > 0 && service.price <= amountMax, 'service price out of range');
  if (service.status !== 'active') return err('service_inactive');
  if (service.minAge !== null) {
    if (input.birthDate === null) return err('age_unknown');
    if (ageOn(input.birthDate, input.today) < service.minAge) return err('below_minimum_age', `min ${service.minAge}`);
  }
  const balance = input.balances[service.asset];
  const giftedMinutes = service.asset === 'time' ? Math.max(0, input.giftReceivedMinutes ?? 0) : 0;
  const ownBalance = balance - Math.min(giftedMinutes, Math.max(balance, 0));
  const spendable = service.redeemableBy === 'holder' ? ownBalance : balance;
  if (service.price > spendable) {
    return err(service.price <= balance ? 'gift_credits_not_eligible' : 'insufficient_balance');
  }
  return ok({ asset: service.asset, amount: service.price, balanceAfter: balance - service.price });
}
