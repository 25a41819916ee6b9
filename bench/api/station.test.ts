// Proves the API bench's station: its pre-signed offline check-ins and online check-outs are accepted by the real
// app on a WAL file database (201 each), every check-out credits an hour, and people never repeat within a window.

import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../section.ts';
import { prepareStation, type BenchStation } from './station.ts';

const temp = makeTempDir('station-test');
let station: BenchStation | undefined;
afterEach(async () => { await station?.close(); station = undefined; });
afterAll(() => temp.cleanup());

const send = (request: { path: string; headers: Record<string, string>; body: string }) =>
  station!.app.request(request.path, { method: 'POST', headers: { ...request.headers, 'Content-Type': 'application/json' }, body: request.body });

describe('prepareStation', () => {
  it('signs check-ins and check-outs the real app accepts, each check-out crediting 60 minutes', async () => {
    station = await prepareStation({ path: join(temp.dir, 'accepts.db'), groupUnitsMax: 100, people: 3, checkOuts: 7 });
    expect(station.checkIns).toHaveLength(7);
    expect(station.checkOuts).toHaveLength(7);
    for (const request of station.checkIns) expect((await send(request)).status).toBe(201);
    const bodies = await Promise.all(station.checkOuts.map(async (request) => {
      const response = await send(request);
      expect(response.status).toBe(201);
      return (await response.json()) as { minutes: number };
    }));
    expect(bodies.map((body) => body.minutes)).toEqual(Array(7).fill(60));
    expect(station.engine.stats().unitsCommitted).toBe(14);
  });

  it('orders requests so consecutive ones name different people', async () => {
    station = await prepareStation({ path: join(temp.dir, 'order.db'), groupUnitsMax: 1, people: 4, checkOuts: 8 });
    const people = station.checkOuts.map((request) => (JSON.parse(request.body) as { personId: string }).personId);
    expect(new Set(people.slice(0, 4)).size).toBe(4);
    expect(people.slice(4)).toEqual(people.slice(0, 4));
  });
});
