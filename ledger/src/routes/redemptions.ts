// /api/v1/redemptions: the signed kiosk redemption (design.md §5, online and offline uploads) through the ledger
// engine, and the counter's pickup: staff look a redemption up by its pickup code and mark it collected once.

import { Hono } from 'hono';
import { businessDateOf } from '../../../domain/business-date.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { findRedemption, findRedemptionByCode, insertCollection, type RedemptionView } from '../db/operations/redemption.ts';
import { failKioskWrite, kioskWriteId, readKioskWrite, respondToOutcome, withWriteNonce } from '../operations/kiosk-write.ts';
import { redemptionUnit } from '../operations/redemption/redemption-unit.ts';
import { denyUnlessStation, requireKiosk, requireStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { calendarDate, idText, optional, readQuery, text } from './validate.ts';

export function redemptionRoutes(ledger: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', requireKiosk({ nonce: 'defer' }), async (c) => {
    const write = await readKioskWrite(c, { personId: idText, serviceId: idText, replaces: optional(kioskWriteId) });
    if (!write.ok) return failKioskWrite(c, write);
    const ctx = c.get('ctx');
    const outcome = await ledger.submit(withWriteNonce(write.value, redemptionUnit(write.value, { origin: new URL(c.req.url).origin, randomBytes: ctx.randomBytes, newId: ctx.newId })));
    noStore(c);
    return respondToOutcome(c, outcome);
  });

  app.get('/pickup', requireStaff('people:read'), async (c) => {
    const query = readQuery(c, { stationId: idText, code: text({ min: 6, max: 6, pattern: /^\d{6}$/ }), date: optional(calendarDate) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const denial = await denyUnlessStation(c, query.value.stationId);
    if (denial) return denial;
    const ctx = c.get('ctx');
    const found = await findRedemptionByCode(ctx.database, query.value.stationId, query.value.date ?? businessDateOf(ctx.nowMs()), query.value.code);
    if (!found) return fail(c, 'redemption_not_found');
    noStore(c);
    return c.json({ redemption: redemptionView(found) });
  });

  app.post('/:redemptionId/collection', requireStaff('people:write'), async (c) => {
    const ctx = c.get('ctx');
    const found = await findRedemption(ctx.database, c.req.param('redemptionId'));
    if (!found) return fail(c, 'redemption_not_found');
    const denial = await denyUnlessStation(c, found.stationId);
    if (denial) return denial;
    const principal = c.get('principal');
    const staffId = principal.kind === 'staff' ? principal.staff.id : '';
    if (!(await insertCollection(ctx.database, found.id, staffId, ctx.nowMs()))) return fail(c, 'already_collected');
    return c.json({ redemption: redemptionView({ ...found, collectedAtMs: ctx.nowMs(), collectedBy: staffId }) }, 201);
  });

  return app;
}

function redemptionView(row: RedemptionView) {
  return {
    redemptionId: row.id, stationId: row.stationId, personId: row.personId, serviceId: row.serviceId, asset: row.asset, amount: row.amount,
    pickupCode: row.pickupCode, businessDate: row.businessDate, offline: row.offline === 1, shortfall: row.shortfall,
    collectedAt: row.collectedAtMs === null ? null : new Date(row.collectedAtMs).toISOString(),
  };
}
