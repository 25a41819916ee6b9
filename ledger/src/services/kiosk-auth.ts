// Verifies a signed kiosk request (protocol v1, design §5). Checks run cheapest first and write nothing until
// the signature verifies. The nonce is then stored at once, or (for ledger writes) handed back to be stored in the
// write's own batch; a nonce in flight is held in memory meanwhile, so a replay is refused either way.

import { createPublicKey, verify as verifyNode, type JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { buildSigningString, decodeBase64Url, encodeBase64Url, kioskClockSkewMsMax } from '../../../domain/kiosk-signature.ts';
import { err, ok, type Result } from '../../../domain/result.ts';
import { sha256 } from '../core/canonical.ts';
import type { Database } from '../db/client.ts';
import { findKioskForRequest, useNonce, type KioskRow } from '../db/station/kiosks.ts';
import type { ServiceContext } from './context.ts';

export type KioskAuthCode =
  | 'kiosk_signature_missing' | 'kiosk_timestamp_out_of_window' | 'kiosk_unknown' | 'kiosk_revoked'
  | 'kiosk_signature_invalid' | 'kiosk_nonce_reused';

export type SignedRequest = {
  method: string;
  pathWithQuery: string;
  kioskId: string | undefined;
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  body: Uint8Array;
};

/** A verified request's nonce not yet stored: the caller stores it with its write, then calls `release`. */
export type DeferredNonce = { kioskId: string; nonce: string; expiresAtMs: number; release: () => void };
export type VerifiedKiosk = { kiosk: KioskRow; deferredNonce: DeferredNonce | undefined };

const noncePattern = /^[A-Za-z0-9_-]{8,128}$/;
const inFlightByDatabase = new WeakMap<Database, Set<string>>();

/**
 * `nonceMode` 'store' stores the nonce in its own commit before answering; 'defer' returns it for the caller's write
 * batch (the ledger engine refuses a unit whose nonce is already stored, and the primary key backs that). Either way
 * the nonce is held in memory while in flight, so a concurrent replay is refused before it reaches the database.
 */
export async function verifyKioskRequest(ctx: ServiceContext, request: SignedRequest, nonceMode: 'store' | 'defer' = 'store'): Promise<Result<VerifiedKiosk, KioskAuthCode>> {
  const { kioskId, timestamp, nonce, signature } = request;
  if (!kioskId || !timestamp || !nonce || !signature || !noncePattern.test(nonce) || !/^\d{1,16}$/.test(timestamp) || kioskId.length > 64) return err('kiosk_signature_missing');
  const nowMs = ctx.nowMs();
  const timestampMs = Number(timestamp);
  if (Math.abs(nowMs - timestampMs) > kioskClockSkewMsMax) return err('kiosk_timestamp_out_of_window');
  const kiosk = await findKioskForRequest(ctx.database, kioskId, nowMs);
  if (!kiosk || kiosk.publicKeyJwk === null) return err('kiosk_unknown');
  if (kiosk.revokedAtMs !== null) return err('kiosk_revoked');
  const signatureBytes = decodeBase64Url(signature);
  if (!signatureBytes || signatureBytes.length !== 64) return err('kiosk_signature_invalid');
  const text = buildSigningString({ method: request.method, pathWithQuery: request.pathWithQuery, timestampMs, nonce, bodySha256B64url: encodeBase64Url(sha256(request.body)) });
  if (!(await verifierOf(kiosk).verify(signatureBytes, new TextEncoder().encode(text)))) return err('kiosk_signature_invalid');
  // Keep the nonce as long as its timestamp could still be accepted.
  const expiresAtMs = Math.max(nowMs, timestampMs) + kioskClockSkewMsMax + 1_000;
  const inFlight = inFlightOf(ctx.database);
  const key = `${kiosk.id}\u0000${nonce}`;
  if (inFlight.has(key)) return err('kiosk_nonce_reused');
  inFlight.add(key);
  if (nonceMode === 'defer') {
    return ok({ kiosk, deferredNonce: { kioskId: kiosk.id, nonce, expiresAtMs, release: () => inFlight.delete(key) } });
  }
  try {
    return (await useNonce(ctx.database, kiosk.id, nonce, expiresAtMs, nowMs)) ? ok({ kiosk, deferredNonce: undefined }) : err('kiosk_nonce_reused');
  } finally {
    inFlight.delete(key);
  }
}

/** Stores a deferred nonce in its own commit, for a write that ends before reaching the engine (invalid input). */
export async function storeDeferredNonce(ctx: ServiceContext, deferred: DeferredNonce): Promise<boolean> {
  return useNonce(ctx.database, deferred.kioskId, deferred.nonce, deferred.expiresAtMs, ctx.nowMs());
}

type Verifier = { verify: (signature: Uint8Array, data: Uint8Array) => boolean | Promise<boolean> };
const verifiers = new Map<string, Verifier>();
const verifiersMax = 1_000;
// Workers get WebCrypto; Node gets node:crypto on a KeyObject imported once per key (about 3× cheaper per request),
// verified with a callback so the ~70 µs of curve arithmetic runs on libuv's thread pool, off the event loop that
// also parses requests and commits the ledger.
const onWorkers = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';

/** The kiosk key's verifier (ECDSA P-256, SHA-256, IEEE P1363 signatures), imported once per key. */
function verifierOf(kiosk: KioskRow): Verifier {
  const cacheKey = `${kiosk.id}:${kiosk.publicKeyJwk}`;
  let verifier = verifiers.get(cacheKey);
  if (verifier) return verifier;
  const jwk = JSON.parse(kiosk.publicKeyJwk!) as JsonWebKey;
  if (onWorkers) {
    const key = crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    verifier = { verify: async (signature, data) => crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await key, new Uint8Array(signature), new Uint8Array(data)) };
  } else {
    const key = createPublicKey({ key: jwk as NodeJsonWebKey, format: 'jwk' });
    verifier = {
      verify: (signature, data) => new Promise((resolve) => {
        verifyNode('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature, (error, valid) => resolve(error === null && valid));
      }),
    };
  }
  if (verifiers.size >= verifiersMax) verifiers.clear();
  verifiers.set(cacheKey, verifier);
  return verifier;
}

function inFlightOf(database: Database): Set<string> {
  let inFlight = inFlightByDatabase.get(database);
  if (!inFlight) inFlightByDatabase.set(database, (inFlight = new Set()));
  return inFlight;
}
