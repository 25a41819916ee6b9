// Seals a close: closeHash = SHA-256(prevCloseHash ‖ canonical close), chained close to close, and an HMAC-SHA-256
// signature over closeHash and the signer with the close-signing key (services/crypto.ts `closeKey`).

import { canonicalJson } from '../../core/canonical.ts';
import type { Keys } from '../../services/crypto.ts';

/** The previous close's hash for the first close of a station. */
export const genesisCloseHash = '0'.repeat(64);
const encoder = new TextEncoder();

export type SealedFields = {
  stationId: string; businessDate: string; seqFrom: number; seqTo: number; chainHead: string; prevCloseHash: string;
  totals: unknown; checks: unknown; items: unknown; signedBy: string; createdAtMs: number;
};

export async function sealClose(keys: Keys, fields: SealedFields): Promise<{ closeHash: string; signature: string }> {
  const closeHash = await closeHashOf(fields);
  return { closeHash, signature: await signCloseHash(keys, closeHash, fields.signedBy) };
}

export async function closeHashOf(fields: SealedFields): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(`${fields.prevCloseHash}\n${canonicalJson(fields)}`));
  return hex(new Uint8Array(digest));
}

export async function signCloseHash(keys: Keys, closeHash: string, signedBy: string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.sign('HMAC', keys.closeKey, encoder.encode(`${closeHash}\n${signedBy}`))));
}

/** True when the stored hash still matches the fields and the signature is the service's. */
export async function verifySealedClose(keys: Keys, fields: SealedFields, closeHash: string, signature: string): Promise<boolean> {
  return (await closeHashOf(fields)) === closeHash && (await signCloseHash(keys, closeHash, fields.signedBy)) === signature;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
