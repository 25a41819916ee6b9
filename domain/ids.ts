// Time-ordered 128-bit ids (48-bit milliseconds + 80 random bits, ULID-like, Crockford base32, 26 chars).
// The clock and the randomness are passed in, so the generator is pure and testable.

import { assert } from './assert.ts';

declare const brand: unique symbol;
/** A string id branded with the entity it names, so a PersonId is never passed as an ActivityId. */
export type Id<Entity extends string> = string & { readonly [brand]: Entity };

export type TransactionId = Id<'transaction'>;
export type PersonId = Id<'person'>;
export type StationId = Id<'station'>;
export type KioskId = Id<'kiosk'>;
export type ActivityId = Id<'activity'>;
export type ServiceId = Id<'service'>;
export type AttendanceId = Id<'attendance'>;
export type StaffId = Id<'staff'>;

export const idLengthChars = 26;
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const idPattern = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const timeMsMax = 2 ** 48 - 1;

export type IdGenerator = () => string;

/**
 * Makes a monotonic id generator. `nowMs` gives the clock; `randomBytes(n)` gives n random bytes.
 * Ids made in the same millisecond (or when the clock steps back) increment the random part,
 * so ids from one generator are strictly increasing as strings.
 */
export function createIdGenerator(nowMs: () => number, randomBytes: (count: number) => Uint8Array): IdGenerator {
  let lastTimeMs = -1;
  let lastRandom: Uint8Array = new Uint8Array(10);
  return () => {
    let timeMs = Math.floor(nowMs());
    assert(Number.isSafeInteger(timeMs) && timeMs >= 0 && timeMs <= timeMsMax, 'clock out of range');
    if (timeMs <= lastTimeMs) {
      timeMs = lastTimeMs;
      lastRandom = incrementBytes(lastRandom);
    } else {
      lastTimeMs = timeMs;
      lastRandom = Uint8Array.from(randomBytes(10));
      assert(lastRandom.length === 10, 'randomBytes must return the requested count');
    }
    return encodeTime(timeMs) + encodeRandom(lastRandom);
  };
}

/** True when `value` has the shape of an id made by `createIdGenerator`. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && idPattern.test(value);
}

/** The millisecond timestamp inside an id. */
export function idTimeMs(id: string): number {
  let timeMs = 0;
  for (const char of id.slice(0, 10)) timeMs = timeMs * 32 + alphabet.indexOf(char);
  return timeMs;
}

function encodeTime(timeMs: number): string {
  let out = '';
  let rest = timeMs;
  for (let index = 0; index < 10; index++) {
    out = alphabet[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits → 16 base32 characters, most significant first.
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

function incrementBytes(bytes: Uint8Array): Uint8Array {
  const next = Uint8Array.from(bytes);
  for (let index = next.length - 1; index >= 0; index--) {
    const value = next[index]!;
    if (value < 255) {
      next[index] = value + 1;
      return next;
    }
    next[index] = 0;
  }
  assert(false, 'id random part overflowed within one millisecond');
}
