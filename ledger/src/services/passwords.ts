// Staff password hashing: PBKDF2-SHA-256 over WebCrypto, the same on Node and Workers. Workers refuse more than
// 100,000 iterations per PBKDF2 call, so the work factor is kept as chained rounds (each round's output is the next
// round's password, with its own salt derived from the stored one). Hashes of the first format still verify.

import { decodeBase64Url, encodeBase64Url } from '../../../domain/kiosk-signature.ts';
import { equalTexts } from './crypto.ts';

/** OWASP 2023 minimum for PBKDF2-HMAC-SHA-256, counted over all rounds. Tests pass a lower count through deps. */
export const passwordIterationsDefault = 600_000;
/** The most iterations Cloudflare Workers accept in one PBKDF2 call. */
export const pbkdf2IterationsPerCallMax = 100_000;
export const passwordLengthMin = 10;
export const passwordLengthMax = 256;
/** Stored as `pbkdf2-sha256-chained$<rounds>$<iterationsPerRound>$<salt b64url>$<hash b64url>`. */
export const chainedScheme = 'pbkdf2-sha256-chained';
/** The first format, `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>`: one call, verified but never written. */
export const singleCallScheme = 'pbkdf2-sha256';
const roundsMax = 64;
const saltBytes = 16;
const hashBits = 256;
const encoder = new TextEncoder();

type Parsed = { rounds: number; iterationsPerRound: number; salt: Uint8Array; hashText: string; chained: boolean };

/** Hashes with at least `iterations` PBKDF2 iterations in all, split into rounds of at most 100,000. */
export async function hashPassword(password: string, iterations: number, randomBytes: (count: number) => Uint8Array): Promise<string> {
  const rounds = Math.ceil(iterations / pbkdf2IterationsPerCallMax);
  const iterationsPerRound = Math.ceil(iterations / rounds);
  const salt = randomBytes(saltBytes);
  const hash = await deriveChained(password, salt, rounds, iterationsPerRound);
  return `${chainedScheme}$${rounds}$${iterationsPerRound}$${encodeBase64Url(salt)}$${encodeBase64Url(hash)}`;
}

/** True when `password` matches `stored` (either format); false for malformed stored values too. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const hash = parsed.chained
    ? await deriveChained(password, parsed.salt, parsed.rounds, parsed.iterationsPerRound)
    : await pbkdf2(encoder.encode(password), parsed.salt, parsed.iterationsPerRound);
  return equalTexts(encodeBase64Url(hash), parsed.hashText);
}

/** True when `stored` is of the first format or below the wanted work factor: rehash it at the next good login. */
export function needsRehash(stored: string, iterations: number): boolean {
  const parsed = parseStored(stored);
  return !parsed || !parsed.chained || parsed.rounds * parsed.iterationsPerRound < iterations;
}

function parseStored(stored: string): Parsed | null {
  const parts = stored.split('$');
  const chained = parts[0] === chainedScheme && parts.length === 5;
  if (!chained && !(parts[0] === singleCallScheme && parts.length === 4)) return null;
  const [rounds, iterationsPerRound] = chained ? [Number(parts[1]), Number(parts[2])] : [1, Number(parts[1])];
  const salt = decodeBase64Url(parts.at(-2) ?? '');
  const hashText = parts.at(-1) ?? '';
  if (!Number.isSafeInteger(rounds) || rounds < 1 || rounds > roundsMax) return null;
  if (!Number.isSafeInteger(iterationsPerRound) || iterationsPerRound < 1 || (chained && iterationsPerRound > pbkdf2IterationsPerCallMax)) return null;
  if (!salt || hashText === '') return null;
  return { rounds, iterationsPerRound, salt, hashText, chained };
}

async function deriveChained(password: string, salt: Uint8Array, rounds: number, iterationsPerRound: number): Promise<Uint8Array> {
  let input: Uint8Array = encoder.encode(password);
  for (let round = 0; round < rounds; round++) input = await pbkdf2(input, await roundSalt(salt, round), iterationsPerRound);
  return input;
}

/** Round r's salt: SHA-256(stored salt ‖ "linli/password-round" ‖ r as 4 bytes big-endian), distinct per round. */
async function roundSalt(salt: Uint8Array, round: number): Promise<Uint8Array> {
  const label = encoder.encode('linli/password-round');
  const bytes = new Uint8Array(salt.length + label.length + 4);
  bytes.set(salt);
  bytes.set(label, salt.length);
  new DataView(bytes.buffer).setUint32(salt.length + label.length, round);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

async function pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, key, hashBits);
  return new Uint8Array(bits);
}
