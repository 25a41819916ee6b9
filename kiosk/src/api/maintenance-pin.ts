// The staff maintenance PIN, set at enrolment: kept only as a salted PBKDF2-SHA-256 hash in IndexedDB.

import { decodeBase64Url, encodeBase64Url } from '../../../domain/kiosk-signature.ts';

export type PinHash = { saltB64url: string; hashB64url: string; iterations: number };

export const pinDigitsMin = 4;
export const pinDigitsMax = 8;
const iterationsDefault = 100_000;
const encoder = new TextEncoder();

export function isValidPin(pin: string): boolean {
  return new RegExp(`^\\d{${pinDigitsMin},${pinDigitsMax}}$`).test(pin);
}

export async function hashPin(pin: string, salt: Uint8Array = crypto.getRandomValues(new Uint8Array(16)), iterations = iterationsDefault): Promise<PinHash> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, key, 256);
  return { saltB64url: encodeBase64Url(salt), hashB64url: encodeBase64Url(new Uint8Array(bits)), iterations };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const salt = decodeBase64Url(stored.saltB64url);
  if (salt === null) return false;
  const candidate = await hashPin(pin, salt, stored.iterations);
  return candidate.hashB64url === stored.hashB64url;
}
