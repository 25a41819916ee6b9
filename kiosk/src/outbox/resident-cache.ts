// Recently seen residents, so a kiosk that loses the network can still identify them: keyed by an HMAC of the
// card number, member QR or phone under a kiosk-local non-extractable key, holding only the personId, volunteer
// number, age, balances and open attendances (pseudonymous, design rule 18). Never a name, ID number or phone.

import { encodeBase64Url } from '../../../domain/kiosk-signature.ts';
import type { IdentifyRequest, Resident } from '../flow/types.ts';

export type CachedResident = { person: { id: string; volunteerNo: string; age?: number }; balances: Resident['balances']; openAttendances: Resident['openAttendances']; seenAtMs: number };

/** Storage for cached residents: IndexedDB in the browser, a Map in tests. */
export interface ResidentStore {
  get(key: string): Promise<CachedResident | undefined>;
  put(key: string, value: CachedResident): Promise<void>;
  remove(key: string): Promise<void>;
  keysOldestFirst(): Promise<string[]>;
}

/** Residents not seen for this long are forgotten: a stale balance would make offline redemption unsafe. */
export const residentCacheAgeMsMax = 30 * 24 * 60 * 60 * 1000;
export const residentCacheEntriesMax = 2_000;

const encoder = new TextEncoder();

export function createResidentCache(store: ResidentStore, hmacKey: CryptoKey, nowMs: () => number = Date.now) {
  async function keyOf(request: IdentifyRequest): Promise<string> {
    const text = 'card' in request ? `card:${request.card.idNumber.toUpperCase()}` : 'qr' in request ? `qr:${request.qr}` : `phone:${request.phone}`;
    return encodeBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(text))));
  }

  return {
    async remember(request: IdentifyRequest, resident: Resident): Promise<void> {
      const { id, volunteerNo, age } = resident.person;
      const person = age === undefined ? { id, volunteerNo } : { id, volunteerNo, age };
      await store.put(await keyOf(request), { person, balances: resident.balances, openAttendances: resident.openAttendances, seenAtMs: nowMs() });
      const keys = await store.keysOldestFirst();
      for (const key of keys.slice(0, Math.max(keys.length - residentCacheEntriesMax, 0))) await store.remove(key);
    },
    /** The resident as last seen, shown by volunteer number (no name is kept); null when unknown or too old. */
    async recall(request: IdentifyRequest): Promise<Resident | null> {
      const key = await keyOf(request);
      const cached = await store.get(key);
      if (!cached) return null;
      if (nowMs() - cached.seenAtMs > residentCacheAgeMsMax) {
        await store.remove(key);
        return null;
      }
      return { person: { ...cached.person, displayName: cached.person.volunteerNo }, balances: cached.balances, openAttendances: cached.openAttendances };
    },
  };
}

export type ResidentCache = ReturnType<typeof createResidentCache>;

/** A kiosk-local HMAC key that can sign but never be exported. */
export function createCacheKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) as Promise<CryptoKey>;
}

export function createMemoryResidentStore(): ResidentStore & { dump(): string } {
  const entries = new Map<string, CachedResident>();
  return {
    get: async (key) => entries.get(key),
    put: async (key, value) => { entries.delete(key); entries.set(key, structuredClone(value)); },
    remove: async (key) => { entries.delete(key); },
    keysOldestFirst: async () => [...entries.entries()].sort((a, b) => a[1].seenAtMs - b[1].seenAtMs).map(([key]) => key),
    dump: () => JSON.stringify([...entries.entries()]),
  };
}
