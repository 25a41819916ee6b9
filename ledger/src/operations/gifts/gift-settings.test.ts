// Proves gifts read the station settings inside the ledger writer (docs/station-settings.md): the giver's station's
// `giftYearlyCapMinutes` (rule 10, 6,000 min when unset) and the recipient's station's `timeStorageCapMinutes`
// (rule 9, 90,000 min when unset), each at its limit. Times are Asia/Shanghai.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOperationsFixture, type OperationsFixture } from '../redemption/operations-fixture.ts';

let f: OperationsFixture;
let giver: { id: string };
let child: { id: string };
beforeEach(async () => {
  f = await makeOperationsFixture();
  f.at('2026-04-01T09:00:00+08:00');
  ({ giver, child } = await f.giftFamily({ time: 7_000, points: 0 }));
});
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const gift = async (minutes: number) => {
  const { response } = await f.write('/api/v1/gifts', { fromPersonId: giver.id, toPersonId: child.id, minutes });
  return response.status === 201 ? 'created' : (await json(response)).code as string;
};
const setSettings = async (stationId: string, token: string, body: Record<string, unknown>) => {
  expect((await f.call('PATCH', `/api/v1/stations/${stationId}/settings`, { token, body })).status).toBe(200);
};

describe('yearly gift cap from the giver’s station settings (rule 10)', () => {
  it('allows 6,000 minutes a year when the station has no settings row and refuses one more', async () => {
    expect(await gift(6_000)).toBe('created');
    expect(await gift(1)).toBe('gift_yearly_cap_exceeded');
  });

  it('refuses a gift past a lowered cap of 100 minutes (gift_yearly_cap_exceeded) and allows exactly 100', async () => {
    await setSettings(f.stationA, f.tokens.managerA, { giftYearlyCapMinutes: 100 });
    expect(await gift(101)).toBe('gift_yearly_cap_exceeded');
    expect(await gift(60)).toBe('created');
    expect(await gift(40)).toBe('created');
    expect(await gift(1)).toBe('gift_yearly_cap_exceeded');
    expect((await f.engine.getBalances(child.id)).time).toBe(100);
  });

  it('takes no gifts at all when the station sets 0, and ignores another station’s cap', async () => {
    await setSettings(f.stationB, f.tokens.managerB, { giftYearlyCapMinutes: 0 });
    expect(await gift(10)).toBe('created');
    await setSettings(f.stationA, f.tokens.managerA, { giftYearlyCapMinutes: 0 });
    expect(await gift(1)).toBe('gift_yearly_cap_exceeded');
  });
});

describe('recipient storage cap from the recipient’s station settings (rule 9)', () => {
  it('keeps 90,000 minutes when the station has no settings row', async () => {
    await f.earn(child.id, { time: 89_990, points: 0 });
    expect(await gift(11)).toBe('recipient_storage_cap_exceeded');
    expect(await gift(10)).toBe('created');
  });

  it('refuses a gift that would lift the recipient over a lowered cap, and allows one that reaches it', async () => {
    await setSettings(f.stationA, f.tokens.managerA, { timeStorageCapMinutes: 120 });
    await f.earn(child.id, { time: 60, points: 0 });
    expect(await gift(61)).toBe('recipient_storage_cap_exceeded');
    expect(await gift(60)).toBe('created');
    expect((await f.engine.getBalances(child.id)).time).toBe(120);
  });
});
