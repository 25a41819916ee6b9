// Test support for redemptions, bookings, gifts, offline uploads and closes: the attendance fixture with the ledger
// engine in reach (for the hold sweep) and a way to earn credits through real check-ins and check-outs.

import { createLedger, type Ledger } from '../../db/ledger/ledger.ts';
import { sampleUnit } from '../../db/ledger/sample-units.ts';
import { makeAttendanceFixture, type AttendanceFixture } from '../attendance/attendance-fixture.ts';

export type OperationsFixture = AttendanceFixture & {
  engine: Ledger;
  /** Credits a person from issuance through the engine (default 120 minutes and 20 points), as a check-out would. */
  earn(personId: string, amounts?: { time: number; points: number }): Promise<void>;
  /** A catalogue service at station A. */
  service(fields: { asset: 'time' | 'points'; price: number; minAge?: number }): Promise<string>;
};

export async function makeOperationsFixture(): Promise<OperationsFixture> {
  const holder: { engine?: Ledger } = {};
  // createApp needs the engine before the fixture's database exists; this forwards to the one made right after.
  const forward = new Proxy({} as Ledger, { get: (_target, name) => (holder.engine as unknown as Record<string | symbol, unknown>)[name] });
  const fixture = await makeAttendanceFixture({ engine: forward });
  holder.engine = createLedger({ client: fixture.database.client, db: fixture.database.db, nowMs: () => fixture.clock.nowMs });
  return {
    ...fixture,
    engine: holder.engine,
    async earn(personId, amounts = { time: 120, points: 20 }) {
      for (const asset of ['time', 'points'] as const) {
        if (amounts[asset] === 0) continue;
        const outcome = await holder.engine!.submit(sampleUnit(fixture.newId(), { type: 'credit', personId, asset, amount: amounts[asset] }, { stationId: fixture.stationA, occurredAtMs: fixture.clock.nowMs }));
        if (outcome.status !== 'created') throw new Error(`credit ${outcome.status}`);
      }
    },
    async service(fields) {
      const response = await fixture.call('POST', '/api/v1/services', { token: fixture.tokens.managerA, body: { stationId: fixture.stationA, name: '理发', ...fields } });
      if (response.status !== 201) throw new Error(`service ${response.status} ${await response.text()}`);
      return ((await response.json()) as { service: { id: string } }).service.id;
    },
  };
}
