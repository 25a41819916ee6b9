// Keys and primitives over WebCrypto (same code on Node and Workers): HKDF-derived keys from LINLI_SECRET,
// AES-256-GCM for personal data at rest, HMAC-SHA-256 lookup hashes, member-QR and close signatures, SHA-256.

import { decodeBase64Url, encodeBase64Url } from '../../../domain/kiosk-signature.ts';
import { assert } from '../../../domain/assert.ts';

export type Keys = {
  /** AES-256-GCM key for ID numbers, names and phones. */
  dataKey: CryptoKey;
  /** HMAC-SHA-256 key for lookup hashes of ID numbers and phones. */
  lookupKey: CryptoKey;
  /** HMAC-SHA-256 key that signs member QR codes. */
  qrKey: CryptoKey;
  /** HMAC-SHA-256 key that signs daily closes (its own label, so QR and close signatures never share a key). */
  closeKey: CryptoKey;
};

const gcmIvBytes = 12;
const encoder = new TextEncoder();

/** Derives the service's keys from the secret with HKDF-SHA-256, one label per purpose. */
export async function deriveKeys(secret: string): Promise<Keys> {
  const secretBytes = encoder.encode(secret);
  assert(secretBytes.length >= 32, 'LINLI_SECRET must be at least 32 bytes');
  const base = await crypto.subtle.importKey('raw', secretBytes, 'HKDF', false, ['deriveKey']);
  const derive = (label: string, algorithm: AesKeyGenParams | HmacKeyGenParams, usages: KeyUsage[]) =>
    crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('linli'), info: encoder.encode(label) }, base, algorithm, false, usages);
  return {
    dataKey: await derive('linli/data-encryption/v1', { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']),
    lookupKey: await derive('linli/lookup-hash/v1', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']),
    qrKey: await derive('linli/member-qr/v1', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign', 'verify']),
    closeKey: await derive('linli/close-signing/v1', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign', 'verify']),
  };
}

/** AES-256-GCM with a fresh random 96-bit IV: base64url(iv ‖ ciphertext ‖ tag). */
export async function encryptText(key: CryptoKey, plain: string, randomBytes: (count: number) => Uint8Array): Promise<string> {
  const iv = new Uint8Array(randomBytes(gcmIvBytes));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(plain)));
  const out = new Uint8Array(iv.length + cipher.length);
  out.set(iv);
  out.set(cipher, iv.length);
  return encodeBase64Url(out);
}

export async function decryptText(key: CryptoKey, sealed: string): Promise<string> {
  const bytes = decodeBase64Url(sealed);
  assert(bytes !== null && bytes.length > gcmIvBytes, 'stored ciphertext is malformed');
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, gcmIvBytes) }, key, bytes.slice(gcmIvBytes));
  return new TextDecoder().decode(plain);
}

/** HMAC-SHA-256 of a text, base64url. */
export async function hmacText(key: CryptoKey, text: string): Promise<string> {
  return encodeBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text))));
}

export async function sha256B64url(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);
  return encodeBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** An opaque random token (session tokens, enrolment codes), base64url of `byteCount` random bytes. */
export function randomToken(randomBytes: (count: number) => Uint8Array, byteCount: number): string {
  return encodeBase64Url(randomBytes(byteCount));
}

/** Constant-time comparison of two strings of equal length. */
export function equalTexts(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}
