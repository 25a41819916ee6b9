// Proves the kiosk-row cache of signed requests: on for an embedded database and off for a remote one by default,
// dropped at once by this process's revocation, and bounded by its TTL for changes made elsewhere (another process).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../client.ts';
import { findKioskForRequest, insertKiosk, kioskCacheTtlMsOf, revokeKiosk, setKioskCacheTtlMs, type KioskRow } from './kiosks.ts';
import { insertRegion, insertStation } from './stations.ts';
import { openWebDatabase } from './web-client.ts';

let database: Database;
beforeEach(async () => {
  database = await openDatabase({ url: ':memory:' });
  await insertRegion(database, { id: 'R1', level: 'community', name: '社区', parentId: null });
  await insertStation(database, { id: 'S1', communityId: 'R1', name: '甲站', address: '', createdAtMs: 0 });
  await insertKiosk(database, kiosk);
});
afterEach(() => database.close());

const kiosk: KioskRow = {
  id: 'K1', stationId: 'S1', name: '前台', enrollmentCodeHash: 'hash', enrollmentExpiresAtMs: 1, enrolledAtMs: 1, publicKeyJwk: '{"kty":"EC"}',
  revokedAtMs: null, createdBy: 'staff', createdAtMs: 0, lastHeartbeatAtMs: null, deviceStatus: null,
};
/** A revocation written by another process: straight to the table, so this process's cache is not told. */
const revokeElsewhere = () => database.client.execute("UPDATE kiosks SET revoked_at_ms = 5 WHERE id = 'K1'");

describe('kiosk cache', () => {
  it('is on for an embedded database and off for a remote one', () => {
    expect(kioskCacheTtlMsOf(database)).toBe(Number.POSITIVE_INFINITY);
    const remote = openWebDatabase({ url: 'http://127.0.0.1:9' });
    expect(kioskCacheTtlMsOf(remote)).toBe(0);
    remote.close();
  });

  it('reads the same row the table holds', async () => {
    expect(await findKioskForRequest(database, 'K1', 10)).toEqual(kiosk);
    expect(await findKioskForRequest(database, 'K2', 10)).toBeUndefined();
  });

  it('drops a kiosk at once when this process revokes it', async () => {
    await findKioskForRequest(database, 'K1', 10);
    await revokeKiosk(database, 'K1', 20);
    expect((await findKioskForRequest(database, 'K1', 30))?.revokedAtMs).toBe(20);
  });

  it('serves a change made elsewhere only after its TTL, and at once with caching off', async () => {
    setKioskCacheTtlMs(database, 5_000);
    await findKioskForRequest(database, 'K1', 1_000);
    await revokeElsewhere();
    expect((await findKioskForRequest(database, 'K1', 5_999))?.revokedAtMs).toBeNull();
    expect((await findKioskForRequest(database, 'K1', 6_000))?.revokedAtMs).toBe(5);
    setKioskCacheTtlMs(database, 0);
    await database.client.execute("UPDATE kiosks SET revoked_at_ms = 7 WHERE id = 'K1'");
    expect((await findKioskForRequest(database, 'K1', 6_001))?.revokedAtMs).toBe(7);
  });
});
