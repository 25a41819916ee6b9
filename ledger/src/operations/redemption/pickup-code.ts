// Pickup codes: short digit strings a resident reads out at the counter, unique per station and business date.
// Pure: randomness comes in as bytes; the caller passes the codes already used that day.

import { assert } from '../../../../domain/assert.ts';

/** Six digits: a million codes a day per station, easy to read aloud, no letters to confuse (0/O, 1/I). */
export const pickupCodeDigits = 6;
const codeSpace = 10 ** pickupCodeDigits;
export const pickupCodeAttemptsMax = 32;

/**
 * The first candidate from `randomBytes` (4 bytes per attempt) not in `used`. Asserts a free code was found:
 * with at most a few thousand redemptions a day, 32 misses in a row means the random source is broken.
 */
export function pickPickupCode(used: ReadonlySet<string>, randomBytes: (count: number) => Uint8Array): string {
  for (let attempt = 0; attempt < pickupCodeAttemptsMax; attempt++) {
    const bytes = randomBytes(4);
    const value = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
    const code = String(value % codeSpace).padStart(pickupCodeDigits, '0');
    if (!used.has(code)) return code;
  }
  assert(false, 'no free pickup code after 32 attempts');
}

export function isPickupCode(value: string): boolean {
  return value.length === pickupCodeDigits && /^\d+$/.test(value);
}
