// Rounding of credited minutes per activity (rule 3): exact, or down / nearest / up to 5, 10, 15 or 30 minutes.
// Pure; default is down to 15 minutes.

import { assert } from './assert.ts';
import { roundingStepMinutesDefault } from './limits.ts';

export const roundingSteps = [5, 10, 15, 30] as const;
export type RoundingStepMinutes = (typeof roundingSteps)[number];
export type Rounding =
  | { readonly mode: 'exact' }
  | { readonly mode: 'down' | 'nearest' | 'up'; readonly stepMinutes: RoundingStepMinutes };

export const roundingDefault: Rounding = { mode: 'down', stepMinutes: roundingStepMinutesDefault };

/**
 * Rounds whole minutes to the activity's step. `nearest` rounds halves up (7½ of 15 → 15, so 8 → 15, 7 → 0).
 * Asserts `minutes` is a non-negative safe integer; the result is one too.
 */
export function roundMinutes(minutes: number, rounding: Rounding = roundingDefault): number {
  assert(Number.isSafeInteger(minutes) && minutes >= 0, `roundMinutes: bad minutes ${minutes}`);
  if (rounding.mode === 'exact') return minutes;
  const step = rounding.stepMinutes;
  const below = Math.floor(minutes / step) * step;
  if (below === minutes) return minutes;
  switch (rounding.mode) {
    case 'down':
      return below;
    case 'up':
      return below + step;
    case 'nearest':
      return (minutes - below) * 2 >= step ? below + step : below;
  }
}

/** True for a well-formed rounding setting, e.g. from a request body or a settings row. */
export function isRounding(value: unknown): value is Rounding {
  if (typeof value !== 'object' || value === null) return false;
  const { mode, stepMinutes } = value as { mode?: unknown; stepMinutes?: unknown };
  if (mode === 'exact') return stepMinutes === undefined;
  return (
    (mode === 'down' || mode === 'nearest' || mode === 'up') &&
    (roundingSteps as readonly unknown[]).includes(stepMinutes)
  );
}
