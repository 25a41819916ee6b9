// POST /api/v1/gifts: time credits to a registered family member (rule 10), from a signed kiosk (counted in its
// kioskSeq, with a receipt) or from staff for the giver's station; idempotent by `id` either way.

import { Hono } from 'hono';
import { hashRequest, type JsonValue } from '../core/canonical.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { personStationId } from '../db/operations/redemption-gifts.ts';
import { findStation } from '../db/station/stations.ts';
import { giftUnit, type GiftResponder } from '../operations/gifts/gift-unit.ts';
import { failKioskWrite, kioskWriteId, readKioskWrite, respondToOutcome, withWriteNonce } from '../operations/kiosk-write.ts';
import { buildReceipt } from '../operations/receipts.ts';
import { denyUnlessStation, requireKioskOrStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { idText, integer, isoTime, readBody } from './validate.ts';

const giftMinutesMax = 1_500 * 60;
const giftShape = { fromPersonId: idText, toPersonId: idText, minutes: integer(1, giftMinutesMax) };

export function giftRoutes(ledger: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', requireKioskOrStaff('people:write', { nonce: 'defer' }), async (c) => {
    const ctx = c.get('ctx');
    const principal = c.get('principal');
    noStore(c);
    if (principal.kind === 'kiosk') {
      const write = await readKioskWrite(c, giftShape);
      if (!write.ok) return failKioskWrite(c, write);
      const { kiosk, fields } = write.value;
      const stationName = (await findStation(ctx.database, kiosk.stationId))?.name ?? '';
      const respond: GiftResponder = ({ ledgerSeq, fromBalanceMinutes, lines }) => ({
        giftId: write.value.id, minutes: fields.minutes, fromBalance: { time: fromBalanceMinutes },
        receipt: buildReceipt({ kioskId: kiosk.id, kioskSeq: write.value.kioskSeq, ledgerSeq, kind: 'gift', occurredAtMs: write.value.occurredAtMs, stationName, lines, origin: new URL(c.req.url).origin }),
      });
      return respondToOutcome(c, await ledger.submit(withWriteNonce(write.value, giftUnit({ ...fields, id: write.value.id, requestHash: write.value.requestHash, occurredAtMs: write.value.occurredAtMs,
        effectiveAtMs: write.value.effectiveAtMs, stationId: kiosk.stationId, kiosk: { kioskId: kiosk.id, kioskSeq: write.value.kioskSeq } }, respond))));
    }
    const body = await readBody(c, { id: kioskWriteId, occurredAt: isoTime, ...giftShape });
    if (!body.ok) return fail(c, body.code, body.detail);
    const stationId = await personStationId(ctx.database.client, body.value.fromPersonId);
    if (stationId === null) return fail(c, 'person_not_found');
    const denial = await denyUnlessStation(c, stationId);
    if (denial) return denial;
    const respond: GiftResponder = ({ fromBalanceMinutes, toBalanceMinutes }) => ({ giftId: body.value.id, minutes: body.value.minutes, fromBalance: { time: fromBalanceMinutes }, toBalance: { time: toBalanceMinutes } });
    const { id, occurredAt, ...fields } = body.value;
    return respondToOutcome(c, await ledger.submit(giftUnit({
      ...fields, id, requestHash: hashRequest({ staffGift: body.value as unknown as JsonValue }), occurredAtMs: occurredAt, effectiveAtMs: ctx.nowMs(), stationId, actorId: principal.staff.id,
    }, respond)));
  });

  return app;
}
