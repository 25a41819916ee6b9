// Staff password hashing: PBKDF2-SHA-256 over WebCrypto (Node and Workers), stored as
// `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>` so the iteration count can rise later.

import { decodeBase64Url, encodeBase64Url } from '../../../domain/kiosk-signature.ts';
import { equalTexts } from './crypto.ts';

/** OWASP 2023 minimum for PBKDF2-HMAC-SHA-256. Tests pass a lower count through deps. */
export const passwordIterationsDefault = 600_000;
export const passwordLengthMin = 10;
export const passwordLengthMax = 256;
const saltBytes = 16;
const hashBits = 256;

export async function hashPassword(password: string, iterations: number, randomBytes: (count: number) => Uint8Array): Promise<string> {
  const salt = randomBytes(saltBytes);
  const hash = await derive(password, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${encodeBase64Url(salt)}$${encodeBase64Url(hash)}`;
}

/** True when `password` matches `stored`; false for malformed stored values too. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterationsText, saltText, hashText] = stored.split('$');
  const iterations = Number(iterationsText);
  const salt = decodeBase64Url(saltText ?? '');
  if (scheme !== 'pbkdf2-sha256' || !Number.isSafeInteger(iterations) || iterations < 1 || !salt || !hashText) return false;
  const hash = await derive(password, salt, iterations);
  return equalTexts(encodeBase64Url(hash), hashText);
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, key, hashBits);
  return new Uint8Array(bits);
}
