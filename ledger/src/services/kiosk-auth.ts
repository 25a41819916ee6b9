// Verifies a signed kiosk request (protocol v1, design §5). Checks run cheapest first and write nothing until
// the signature verifies; only then is the nonce stored, so a replay, forgery or unknown kiosk leaves no trace.

import { buildSigningString, decodeBase64Url, kioskClockSkewMsMax } from '../../../domain/kiosk-signature.ts';
import { err, ok, type Result } from '../../../domain/result.ts';
import { findKiosk, useNonce, type KioskRow } from '../db/station/kiosks.ts';
import type { ServiceContext } from './context.ts';
import { sha256B64url } from './crypto.ts';

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

const noncePattern = /^[A-Za-z0-9_-]{8,128}$/;
const keyCacheEntriesMax = 1_000;
const keyCache = new Map<string, Promise<CryptoKey>>();

export async function verifyKioskRequest(ctx: ServiceContext, request: SignedRequest): Promise<Result<KioskRow, KioskAuthCode>> {
  const { kioskId, timestamp, nonce, signature } = request;
  if (!kioskId || !timestamp || !nonce || !signature || !noncePattern.test(nonce) || !/^\d{1,16}$/.test(timestamp) || kioskId.length > 64) return err('kiosk_signature_missing');
  const nowMs = ctx.nowMs();
  const timestampMs = Number(timestamp);
  if (Math.abs(nowMs - timestampMs) > kioskClockSkewMsMax) return err('kiosk_timestamp_out_of_window');
  const kiosk = await findKiosk(ctx.database, kioskId);
  if (!kiosk || kiosk.publicKeyJwk === null) return err('kiosk_unknown');
  if (kiosk.revokedAtMs !== null) return err('kiosk_revoked');
  const signatureBytes = decodeBase64Url(signature);
  if (!signatureBytes || signatureBytes.length !== 64) return err('kiosk_signature_invalid');
  const text = buildSigningString({ method: request.method, pathWithQuery: request.pathWithQuery, timestampMs, nonce, bodySha256B64url: await sha256B64url(request.body) });
  const key = await publicKeyOf(kiosk);
  const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, new Uint8Array(signatureBytes), new TextEncoder().encode(text));
  if (!valid) return err('kiosk_signature_invalid');
  // Keep the nonce as long as its timestamp could still be accepted.
  const fresh = await useNonce(ctx.database, kiosk.id, nonce, Math.max(nowMs, timestampMs) + kioskClockSkewMsMax + 1_000, nowMs);
  return fresh ? ok(kiosk) : err('kiosk_nonce_reused');
}

function publicKeyOf(kiosk: KioskRow): Promise<CryptoKey> {
  const cacheKey = `${kiosk.id}:${kiosk.publicKeyJwk}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    if (keyCache.size >= keyCacheEntriesMax) keyCache.clear();
    key = crypto.subtle.importKey('jwk', JSON.parse(kiosk.publicKeyJwk!) as JsonWebKey, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    keyCache.set(cacheKey, key);
  }
  return key;
}
