// Throttling of identify by phone: a phone number is easy to guess, so each caller (kiosk or staff member) may miss
// only a few times per window before identify by phone answers 429 too_many_attempts. Card and QR are not throttled.

import { countIdentifyMisses, insertIdentifyMiss } from '../db/station/identify-misses.ts';
import type { ServiceContext } from './context.ts';

export const phoneMissWindowMs = 15 * 60_000;
/** Misses allowed per caller per window: enough for residents who mistype, too few to walk through numbers. */
export const phoneMissesMax = 10;

/** True when the caller has used up its misses for the current window. */
export async function isPhoneIdentifyThrottled(ctx: ServiceContext, callerKey: string): Promise<boolean> {
  return (await countIdentifyMisses(ctx.database, callerKey, ctx.nowMs() - phoneMissWindowMs)) >= phoneMissesMax;
}

export async function recordPhoneMiss(ctx: ServiceContext, callerKey: string): Promise<void> {
  const nowMs = ctx.nowMs();
  await insertIdentifyMiss(ctx.database, callerKey, nowMs, nowMs - phoneMissWindowMs);
}
