// Test support for redemptions, bookings, gifts, offline uploads and closes: the attendance fixture with the ledger
// engine in reach (for the hold sweep) and a way to earn credits through real check-ins and check-outs.

import { createLedger, type Ledger } from '../../db/ledger/ledger.ts';
import { sampleUnit } from '../../db/ledger/sample-units.ts';
import { makeAttendanceFixture, type AttendanceFixture } from '../attendance/attendance-fixture.ts';

export type OperationsFixture = AttendanceFixture & {
  engine: Ledger;
  /** Credits a person from issuance through the engine (default 120 minutes and 20 points), as a check-out would. */
  earn(personId: string, amounts?: { time: number; points: number }): Promise<void>;
  /** People 1 (the giver, credited `giverCredits`) and 2 (registered as the giver's child): a family for gifts. */
  giftFamily(giverCredits?: { time: number; points: number }): Promise<{ giver: { id: string }; child: { id: string } }>;
  /** A catalogue service at station A. */
  service(fields: { asset: 'time' | 'points'; price: number; minAge?: number }): Promise<string>;
};

export async function makeOperationsFixture(): Promise<OperationsFixture> {
  const holder: { engine?: Ledger } = {};
  // createApp needs the engine before the fixture's database exists; this forwards to the one made right after.
  const forward = new Proxy({} as Ledger, { get: (_target, name) => (holder.engine as unknown as Record<string | symbol, unknown>)[name] });
  const fixture = await makeAttendanceFixture({ engine: forward });
  holder.engine = createLedger({ client: fixture.database.client, db: fixture.database.db, nowMs: () => fixture.clock.nowMs });
  const engine = holder.engine;
  const earn: OperationsFixture['earn'] = async (personId, amounts = { time: 120, points: 20 }) => {
    for (const asset of ['time', 'points'] as const) {
      if (amounts[asset] === 0) continue;
      const outcome = await engine.submit(sampleUnit(fixture.newId(), { type: 'credit', personId, asset, amount: amounts[asset] }, { stationId: fixture.stationA, occurredAtMs: fixture.clock.nowMs }));
      if (outcome.status !== 'created') throw new Error(`credit ${outcome.status}`);
    }
  };
  return {
    ...fixture,
    engine,
    earn,
    async giftFamily(giverCredits) {
      const giver = await fixture.person(1);
      const child = await fixture.person(2);
      await earn(giver.id, giverCredits);
      const link = await fixture.call('POST', `/api/v1/people/${giver.id}/family-links`, { token: fixture.tokens.clerkA, body: { relativeId: child.id, relation: 'child' } });
      if (link.status !== 201) throw new Error(`family link ${link.status} ${await link.text()}`);
      return { giver, child };
    },
    async service(fields) {
      const response = await fixture.call('POST', '/api/v1/services', { token: fixture.tokens.managerA, body: { stationId: fixture.stationA, name: '理发', ...fields } });
      if (response.status !== 201) throw new Error(`service ${response.status} ${await response.text()}`);
      return ((await response.json()) as { service: { id: string } }).service.id;
    },
  };
}
