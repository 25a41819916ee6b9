// Demo ledger history for the last three days: check-ins and check-outs at past activities and a few redemptions,
// posted through the same ledger units as the kiosk routes (check-in, check-out, redemption) on one demo kiosk per
// station, with the writer's clock set to when each event happened. Deterministic; fictional people only.

import { assert } from '../domain/assert.ts';
import { businessDateOf, businessDayStartMs } from '../domain/business-date.ts';
import { hashRequest } from '../ledger/src/core/canonical.ts';
import { createLedger } from '../ledger/src/db/ledger/ledger.ts';
import type { ActivityRow, ServiceRow } from '../ledger/src/db/station/catalogue.ts';
import { findKiosk, type KioskRow } from '../ledger/src/db/station/kiosks.ts';
import { checkInUnit } from '../ledger/src/operations/attendance/check-in.ts';
import { checkOutUnit } from '../ledger/src/operations/attendance/check-out.ts';
import type { KioskWrite } from '../ledger/src/operations/kiosk-write.ts';
import { redemptionUnit } from '../ledger/src/operations/redemption/redemption-unit.ts';
import { createActivity } from '../ledger/src/services/catalogue.ts';
import type { ServiceContext } from '../ledger/src/services/context.ts';
import { createKiosk, revoke } from '../ledger/src/services/kiosks.ts';

export const demoHistoryDays = 3;
const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;
/** Receipts of seeded writes point at the default local server. */
const demoOrigin = 'http://127.0.0.1:8787';

export type HistoryStation = { id: string; personIds: string[]; services: ServiceRow[] };

/** Posts the history; `random` is the seed's PRNG so attendance times and choices repeat exactly. */
export async function seedDemoHistory(ctx: ServiceContext, stations: HistoryStation[], random: () => number): Promise<{ transactions: number }> {
  const clock = { nowMs: ctx.nowMs() };
  const todayStartMs = businessDayStartMs(businessDateOf(ctx.nowMs()));
  const ledger = createLedger({ client: ctx.database.client, db: ctx.database.db, nowMs: () => clock.nowMs });
  const seededRandom = (count: number) => Uint8Array.from({ length: count }, () => Math.floor(random() * 256));
  let transactions = 0;
  for (const station of stations) {
    const kiosk = await demoKiosk(ctx, station.id);
    let kioskSeq = 0;
    const submit = async (kind: 'check-in' | 'check-out' | 'redemption', atMs: number, fields: Record<string, string>) => {
      clock.nowMs = atMs;
      const write: KioskWrite<Record<string, string>> = {
        kiosk, id: ctx.newId(), kioskSeq: ++kioskSeq, occurredAtMs: atMs, offline: false, queueDelayMs: 0, receivedAtMs: atMs, effectiveAtMs: atMs,
        requestHash: hashRequest({ kioskId: kiosk.id, body: { kind, ...fields, occurredAt: new Date(atMs).toISOString() } }), fields,
      };
      const typed = write as KioskWrite<{ personId: string; activityId: string; serviceId: string }>;
      const outcome = kind === 'redemption' ? await ledger.submit(redemptionUnit(typed, { origin: demoOrigin, randomBytes: seededRandom, newId: ctx.newId }))
        : kind === 'check-in' ? await ledger.submit(checkInUnit(typed, { origin: demoOrigin })) : await ledger.submit(checkOutUnit(typed, { origin: demoOrigin }));
      assert(outcome.status === 'created', `demo ${kind} must be created, got ${outcome.status}${outcome.status === 'rejected' ? ` ${outcome.code}` : ''}`);
      transactions += 1;
    };

    for (let day = -demoHistoryDays; day < 0; day++) {
      const startsAtMs = todayStartMs + day * dayMs + 9 * hourMs;
      const activity: ActivityRow = await createActivity(ctx, 'seed', { stationId: station.id, title: '社区环境整治志愿服务', kind: 'service', startsAtMs, endsAtMs: startsAtMs + 3 * hourMs });
      const volunteers = station.personIds.filter(() => random() < 0.5).slice(0, 6);
      for (const [index, personId] of volunteers.entries()) await submit('check-in', startsAtMs - 10 * minuteMs + index * minuteMs, { personId, activityId: activity.id });
      for (const [index, personId] of volunteers.entries()) {
        await submit('check-out', startsAtMs + (90 + Math.floor(random() * 90)) * minuteMs + index * minuteMs, { personId, activityId: activity.id });
      }
    }
    // A few redemptions on the last day, by people whose balance covers the cheapest time service.
    const service = station.services.filter((row) => row.asset === 'time' && row.minAge === null).sort((a, b) => a.price - b.price)[0];
    assert(service !== undefined, 'each demo station offers a time service without an age limit');
    const balances = await Promise.all(station.personIds.map(async (personId) => ({ personId, time: (await ledger.getBalances(personId)).time })));
    const redeemers = balances.filter((row) => row.time >= service.price).slice(0, 2);
    for (const [index, { personId }] of redeemers.entries()) await submit('redemption', todayStartMs - dayMs + (15 + index) * hourMs, { personId, serviceId: service.id });
    await revoke(ctx, 'seed', kiosk);
  }
  await ledger.close();
  return { transactions };
}

/** A demo kiosk for the history, revoked afterwards: real kiosks enrol with their own keys and sequences. */
async function demoKiosk(ctx: ServiceContext, stationId: string): Promise<KioskRow> {
  const created = await createKiosk(ctx, 'seed', stationId, '演示一体机（历史数据）');
  const kiosk = await findKiosk(ctx.database, created.kioskId);
  assert(kiosk !== undefined, 'the demo kiosk was just created');
  return kiosk;
}
