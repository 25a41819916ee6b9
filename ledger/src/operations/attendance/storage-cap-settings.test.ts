// Proves the station's `timeStorageCapMinutes` setting (rule 9, docs/station-settings.md) where credits are made:
// check-out, approval and 补录 send minutes above the crediting station's cap to its community chest with the memo,
// with 90,000 min (1,500 h) when the station set nothing, and a lowered cap taking effect at its limit.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountKey, stationAccount } from '../../core/accounts.ts';
import { makeOperationsFixture, type OperationsFixture } from '../redemption/operations-fixture.ts';

let f: OperationsFixture;
let person: { id: string };
beforeEach(async () => {
  f = await makeOperationsFixture();
  person = await f.person(1);
});
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const setStorageCap = async (timeStorageCapMinutes: number) => {
  expect((await f.call('PATCH', `/api/v1/stations/${f.stationA}/settings`, { token: f.tokens.managerA, body: { timeStorageCapMinutes } })).status).toBe(200);
};
const memoOf = async (id: unknown) => (await f.database.client.execute({ sql: 'SELECT memo FROM transactions WHERE id = ?', args: [String(id)] })).rows[0]?.memo;
const chestMinutes = async () => {
  const rows = (await f.database.client.execute({ sql: 'SELECT balance FROM balances WHERE account_key = ?', args: [accountKey(stationAccount(f.stationA, 'community_chest'), 'time')] })).rows;
  return Number(rows[0]?.balance ?? 0);
};

/** Checks in at 09:00 and out at 11:00 Shanghai (120 credited minutes) at a new activity of station A. */
async function attendTwoHours(extra: Record<string, unknown> = {}) {
  f.at('2026-04-01T09:00:00+08:00');
  const activityId = await f.activity(extra);
  expect((await f.write('/api/v1/check-ins', { personId: person.id, activityId })).response.status).toBe(201);
  f.at('2026-04-01T11:00:00+08:00');
  const { response, body } = await f.write('/api/v1/check-outs', { personId: person.id, activityId });
  expect(response.status).toBe(201);
  return { answer: await json(response), id: body.id, activityId };
}

describe('storage cap from the station settings (rule 9)', () => {
  it('keeps 1,500 h when the station has no settings row: 50 of 120 minutes to the person, 70 to the chest', async () => {
    await f.earn(person.id, { time: 89_950, points: 0 });
    const { answer, id } = await attendTwoHours();
    expect(answer).toMatchObject({ credited: { time: 50 }, communityChestMinutes: 70, balances: { time: 90_000 } });
    expect(await memoOf(id)).toBe('storage_cap: 70 min to community chest');
    expect(await chestMinutes()).toBe(70);
  });

  it('credits exactly up to a lowered cap of 120 with nothing to the chest (limit), and everything above it after', async () => {
    await setStorageCap(120);
    const first = await attendTwoHours();
    expect(first.answer).toMatchObject({ credited: { time: 120 }, communityChestMinutes: 0, balances: { time: 120 } });
    expect(await memoOf(first.id)).toBeNull();
    const second = await attendTwoHours();
    expect(second.answer).toMatchObject({ credited: { time: 0 }, communityChestMinutes: 120, balances: { time: 120 } });
    expect(await memoOf(second.id)).toBe('storage_cap: 120 min to community chest');
    expect(await chestMinutes()).toBe(120);
  });

  it('applies the lowered cap when a manager approves a queued attendance', async () => {
    await setStorageCap(60);
    await attendTwoHours({ approval: 'manager' });
    const manager = await f.login('manager-a');
    const [item] = (await json(await f.call('GET', `/api/v1/approvals?stationId=${f.stationA}`, { token: manager }))).approvals as { id: string }[];
    const approved = await f.call('POST', `/api/v1/approvals/${item!.id}/approve`, { token: manager, body: {} });
    expect(approved.status).toBe(201);
    expect(await json(approved)).toMatchObject({ approval: { minutes: 120, communityChestMinutes: 60 }, balances: { time: 60 } });
    expect(await chestMinutes()).toBe(60);
  });

  it('applies the lowered cap to 补录 and keeps both parts of the memo', async () => {
    await setStorageCap(60);
    await f.earn(person.id, { time: 30, points: 0 });
    const activityId = await f.activity();
    f.at('2026-04-01T12:00:00+08:00');
    const manager = await f.login('manager-a');
    const id = f.newId();
    const added = await f.call('POST', '/api/v1/attendances/supplementary', { token: manager, body: { id, personId: person.id, activityId, minutes: 45, reason: '补录签到' } });
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ supplementary: { minutes: 45, communityChestMinutes: 15 }, balances: { time: 60 } });
    expect(await memoOf(id)).toBe('补录: 补录签到; storage_cap: 15 min to community chest');
  });

  it('uses the crediting station’s cap, not another station’s', async () => {
    expect((await f.call('PATCH', `/api/v1/stations/${f.stationB}/settings`, { token: f.tokens.managerB, body: { timeStorageCapMinutes: 60 } })).status).toBe(200);
    const { answer } = await attendTwoHours();
    expect(answer).toMatchObject({ credited: { time: 120 }, communityChestMinutes: 0 });
  });
});
