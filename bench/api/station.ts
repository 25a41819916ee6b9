// The API bench's station: the real app over a temp libSQL file (WAL + synchronous=FULL, real migrations) with the
// engine at a chosen groupUnitsMax, people and activities registered through the staff routes, and every kiosk
// request signed up front: offline check-ins (the warm-up) and the matching online check-outs (the timed phase).

import { openDatabase } from '../../ledger/src/db/client.ts';
import { createLedger, type Ledger } from '../../ledger/src/db/ledger/ledger.ts';
import type { App } from '../../ledger/src/app.ts';
import { makeAttendanceFixture } from '../../ledger/src/operations/attendance/attendance-fixture.ts';
import type { PreparedRequest } from './load-generator.ts';

export type StationOptions = { readonly path: string; readonly groupUnitsMax: number; readonly people: number; readonly checkOuts: number };
export type BenchStation = {
  readonly app: App;
  readonly engine: Ledger;
  readonly checkIns: PreparedRequest[];
  readonly checkOuts: PreparedRequest[];
  close(): Promise<void>;
};

// Activities run 09:00–11:00; kiosks check in offline at 09:00 and the server clock stands at 10:00, so every
// check-out credits an hour (time and points) and every signature timestamp is inside the clock-skew window.
const checkedInAt = '2026-04-01T09:00:00+08:00';
const checkedOutAt = '2026-04-01T10:00:00+08:00';

export async function prepareStation(options: StationOptions): Promise<BenchStation> {
  const database = await openDatabase({ url: `file:${options.path}` });
  const engine = createLedger({ client: database.client, db: database.db, nowMs: Date.now, groupUnitsMax: options.groupUnitsMax });
  const fixture = await makeAttendanceFixture({ database, engine });
  const people: string[] = [];
  for (let serial = 1; serial <= options.people; serial++) people.push((await fixture.person(serial)).id);
  const activities: string[] = [];
  for (let index = 0; index < Math.ceil(options.checkOuts / options.people); index++) activities.push(await fixture.activity({ title: `助老服务 ${index + 1}` }));
  fixture.at(checkedOutAt);
  // Request i is person i mod P at activity ⌊i / P⌋, so requests in flight together name different people and
  // can share a commit group (a person's check-outs never do).
  const pairs = Array.from({ length: options.checkOuts }, (_, index) => ({ personId: people[index % people.length]!, activityId: activities[Math.floor(index / people.length)]! }));
  let kioskSeq = 0;
  const signed = async (path: string, fields: Record<string, unknown>) => {
    const body = JSON.stringify({ id: fixture.newId(), kioskSeq: ++kioskSeq, ...fields });
    const headers = await fixture.kioskA.sign({ method: 'POST', pathWithQuery: path, body, timestampMs: fixture.clock.nowMs });
    return { path, headers, body };
  };
  const checkIns: PreparedRequest[] = [];
  for (const pair of pairs) checkIns.push(await signed('/api/v1/check-ins', { occurredAt: new Date(checkedInAt).toISOString(), offline: true, ...pair }));
  const checkOuts: PreparedRequest[] = [];
  for (const pair of pairs) checkOuts.push(await signed('/api/v1/check-outs', { occurredAt: new Date(checkedOutAt).toISOString(), ...pair }));
  return {
    app: fixture.app, engine, checkIns, checkOuts,
    close: async () => {
      await engine.close();
      fixture.close();
    },
  };
}
