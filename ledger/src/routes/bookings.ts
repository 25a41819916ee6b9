// /api/v1/bookings: a booked service reserves credits with a hold (rule 12). Kiosks (signed, counted in kioskSeq)
// and staff book; staff deliver (post, also partly) or cancel (void); expiry is the sweep's (hold-sweep).

import { Hono, type Context } from 'hono';
import { hashRequest, type JsonValue } from '../core/canonical.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { findBooking, listBookings, type BookingView } from '../db/operations/redemption.ts';
import { failKioskWrite, kioskWriteId, readKioskWrite, respondToOutcome, withWriteNonce, type KioskWrite } from '../operations/kiosk-write.ts';
import { buildReceipt } from '../operations/receipts.ts';
import { bookingUnit, holdResolutionUnit, type BookingRequest, type BookingResponder } from '../operations/redemption/booking-unit.ts';
import { denyUnlessStation, requireKioskOrStaff, requireStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { idText, integer, isoTime, optional, readBody, readQuery } from './validate.ts';

const bookingsListedMax = 200;
const bookingShape = { personId: idText, serviceId: idText, deadline: optional(isoTime) };

export function bookingRoutes(ledger: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', requireKioskOrStaff('people:write', { nonce: 'defer' }), async (c) => {
    const ctx = c.get('ctx');
    const principal = c.get('principal');
    noStore(c);
    let request: BookingRequest;
    let respond: BookingResponder;
    let kioskWrite: KioskWrite<unknown> | undefined;
    if (principal.kind === 'kiosk') {
      const write = await readKioskWrite(c, bookingShape);
      if (!write.ok) return failKioskWrite(c, write);
      kioskWrite = write.value;
      const { kiosk, fields } = write.value;
      request = { id: write.value.id, requestHash: write.value.requestHash, personId: fields.personId, serviceId: fields.serviceId, stationId: kiosk.stationId,
        occurredAtMs: write.value.occurredAtMs, effectiveAtMs: write.value.effectiveAtMs, deadlineMs: fields.deadline ?? null, createdBy: kiosk.id,
        recordedAtMs: write.value.receivedAtMs, kiosk: { kioskId: kiosk.id, kioskSeq: write.value.kioskSeq } };
      respond = ({ ledgerSeq, balances, deadlineMs, lines, stationName }) => ({
        bookingId: request.id, deadline: new Date(deadlineMs).toISOString(), balances,
        receipt: buildReceipt({ kioskId: kiosk.id, kioskSeq: write.value.kioskSeq, ledgerSeq, kind: 'booking', occurredAtMs: write.value.occurredAtMs, stationName, lines, origin: new URL(c.req.url).origin }),
      });
    } else {
      const body = await readBody(c, { id: kioskWriteId, occurredAt: isoTime, stationId: idText, ...bookingShape });
      if (!body.ok) return fail(c, body.code, body.detail);
      const denial = await denyUnlessStation(c, body.value.stationId);
      if (denial) return denial;
      request = { id: body.value.id, requestHash: hashRequest({ staffBooking: body.value as unknown as JsonValue }), personId: body.value.personId, serviceId: body.value.serviceId,
        stationId: body.value.stationId, occurredAtMs: body.value.occurredAt, effectiveAtMs: ctx.nowMs(), deadlineMs: body.value.deadline ?? null,
        createdBy: principal.staff.id, recordedAtMs: ctx.nowMs() };
      respond = ({ balances, deadlineMs }) => ({ bookingId: request.id, deadline: new Date(deadlineMs).toISOString(), balances });
    }
    const unit = bookingUnit(request, respond);
    return respondToOutcome(c, await ledger.submit(kioskWrite ? withWriteNonce(kioskWrite, unit) : unit));
  });

  app.get('/', requireStaff('people:read'), async (c) => {
    const query = readQuery(c, { stationId: idText });
    if (!query.ok) return fail(c, query.code, query.detail);
    const denial = await denyUnlessStation(c, query.value.stationId);
    if (denial) return denial;
    return c.json({ bookings: (await listBookings(c.get('ctx').database, query.value.stationId, bookingsListedMax)).map(bookingView) });
  });

  app.post('/:holdId/delivery', requireStaff('people:write'), async (c) => {
    const booking = await bookingInScope(c);
    if (booking instanceof Response) return booking;
    const body = await readBody(c, { id: kioskWriteId, amount: optional(integer(0, booking.amount)) });
    if (!body.ok) return fail(c, body.code, body.detail);
    return resolve(c, booking, body.value.id, { type: 'post', amount: body.value.amount ?? booking.amount });
  });

  app.post('/:holdId/cancellation', requireStaff('people:write'), async (c) => {
    const booking = await bookingInScope(c);
    if (booking instanceof Response) return booking;
    const body = await readBody(c, { id: kioskWriteId });
    if (!body.ok) return fail(c, body.code, body.detail);
    return resolve(c, booking, body.value.id, { type: 'void' });
  });

  async function resolve(c: Context<AppEnv>, booking: BookingView, id: string, resolution: { type: 'post'; amount: number } | { type: 'void' }): Promise<Response> {
    const principal = c.get('principal');
    const actorId = principal.kind === 'staff' ? principal.staff.id : principal.kiosk.id;
    return respondToOutcome(c, await ledger.submit(holdResolutionUnit({ id, holdId: booking.holdId, stationId: booking.stationId, resolution, actorId, occurredAtMs: c.get('ctx').nowMs() })));
  }

  return app;
}

async function bookingInScope(c: Context<AppEnv>): Promise<BookingView | Response> {
  const booking = await findBooking(c.get('ctx').database, c.req.param('holdId') ?? '');
  if (!booking) return fail(c, 'booking_not_found');
  return (await denyUnlessStation(c, booking.stationId)) ?? booking;
}

function bookingView(row: BookingView) {
  return { bookingId: row.holdId, stationId: row.stationId, personId: row.personId, serviceId: row.serviceId, asset: row.asset, amount: row.amount,
    deadline: new Date(row.deadlineMs).toISOString(), status: row.status };
}
