// The kiosk's identity: an ECDSA P-256 key pair made with WebCrypto, the private half non-extractable,
// kept in IndexedDB beside the kioskId and stationId the service gave at enrolment.

import { readRecord, writeRecord } from '../storage/idb.ts';

export type KioskIdentity = { kioskId: string; stationId: string; privateKey: CryptoKey; publicKeyJwk: JsonWebKey };

const identityKey = 'kiosk-identity';
export const signingAlgorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** A fresh key pair; the private key can sign but can never be exported, even by this page. */
export async function createKeyPair(subtle: SubtleCrypto = crypto.subtle): Promise<{ privateKey: CryptoKey; publicKeyJwk: JsonWebKey }> {
  const pair = await subtle.generateKey(signingAlgorithm, false, ['sign', 'verify']);
  const publicKeyJwk = await subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicKeyJwk };
}

export function loadIdentity(db: IDBDatabase): Promise<KioskIdentity | undefined> {
  return readRecord<KioskIdentity>(db, identityKey);
}

/** CryptoKey objects are structured-cloneable, so IndexedDB keeps the key without it ever being exported. */
export function saveIdentity(db: IDBDatabase, identity: KioskIdentity): Promise<void> {
  return writeRecord(db, identityKey, identity);
}
