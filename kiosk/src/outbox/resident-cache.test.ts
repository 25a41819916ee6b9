// Proves the offline resident cache recalls a resident by card, QR or phone under keyed hashes, forgets old and
// surplus entries, and stores no name, ID number or phone.
import { describe, expect, it } from 'vitest';
import { createCacheKey, createMemoryResidentStore, createResidentCache, residentCacheAgeMsMax } from './resident-cache.ts';
import type { Resident } from '../flow/types.ts';

const resident: Resident = { person: { id: 'P1', volunteerNo: 'V00000001', displayName: '李*例', age: 70 }, balances: { time: 120, points: 30 }, openAttendances: [] };
const card = { card: { idNumber: '310104195512310026', name: '李样例' } };

describe('resident cache', () => {
  it('recalls by the same card, shown by volunteer number, and not by another card', async () => {
    const store = createMemoryResidentStore();
    const cache = createResidentCache(store, await createCacheKey());
    await cache.remember(card, resident);
    expect(await cache.recall({ card: { idNumber: '310104195512310026', name: '' } })).toEqual({ ...resident, person: { id: 'P1', volunteerNo: 'V00000001', displayName: 'V00000001', age: 70 } });
    expect(await cache.recall({ card: { idNumber: '110101199003071233', name: '' } })).toBeNull();
    await cache.remember({ phone: '13812345678', birthYear: 1955 }, resident);
    expect((await cache.recall({ phone: '13812345678', birthYear: 1955 }))?.person.id).toBe('P1');
  });

  it('stores no name, ID number, phone or masked name', async () => {
    const store = createMemoryResidentStore();
    const cache = createResidentCache(store, await createCacheKey());
    await cache.remember(card, resident);
    await cache.remember({ phone: '13812345678', birthYear: 1955 }, resident);
    for (const secret of ['李', '310104195512310026', '13812345678']) expect(store.dump()).not.toContain(secret);
  });

  it('forgets a resident not seen for 30 days', async () => {
    let nowMs = 0;
    const cache = createResidentCache(createMemoryResidentStore(), await createCacheKey(), () => nowMs);
    await cache.remember(card, resident);
    nowMs = residentCacheAgeMsMax;
    expect(await cache.recall(card)).not.toBeNull();
    nowMs = residentCacheAgeMsMax + 1;
    expect(await cache.recall(card)).toBeNull();
  });
});
