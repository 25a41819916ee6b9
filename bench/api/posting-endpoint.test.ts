// Proves the reference-workload endpoint: openings post (201), the timed mix of credits, redemptions and replays
// answers 201, 200 for a replay and 409 for an overdraft, and the ledger balances afterwards.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../section.ts';
import { preparePostingStation } from './posting-endpoint.ts';

const temp = makeTempDir('posting-test');
afterAll(() => temp.cleanup());

describe('preparePostingStation', () => {
  it('posts the 70/25/5 mix through the engine with replays answered 200 and overdrafts 409', async () => {
    const station = await preparePostingStation({ path: join(temp.dir, 'mix.db'), groupUnitsMax: 100, requests: 600 });
    try {
      const send = (request: { path: string; body: string }) => station.app.request(request.path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: request.body });
      const openings = await Promise.all(station.openings.map(async (request) => (await send(request)).status));
      expect(new Set(openings)).toEqual(new Set([201]));
      const statuses: Record<number, number> = {};
      for (const request of station.timed) {
        const status = (await send(request)).status;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
      const replays = station.timed.length - new Set(station.timed.map((request) => request.body)).size;
      expect(replays).toBeGreaterThan(10);
      expect(statuses[200]).toBe(replays);
      expect(statuses[201]).toBeGreaterThan(400);
      expect(Object.keys(statuses).every((status) => ['200', '201', '409'].includes(status))).toBe(true);
      expect(await station.engine.trialBalance()).toEqual({ time: 0, points: 0 });
      expect((await station.engine.checkBalancesMatchPostings()).mismatches).toEqual([]);
    } finally {
      await station.close();
    }
  });

  it('answers 422 to a body that is not a posting', async () => {
    const station = await preparePostingStation({ path: join(temp.dir, 'bad.db'), groupUnitsMax: 1, requests: 0 });
    try {
      const response = await station.app.request('/v1/transactions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'x', type: 'steal' }) });
      expect(response.status).toBe(422);
    } finally {
      await station.close();
    }
  });
});
