// Bookings with holds (rule 12): a booking reserves the service's price with an engine hold (person main → held);
// staff deliver (post, also partly) or cancel (void); the sweep expires holds past their deadline, once each.

import type { InStatement } from '@libsql/client';
import type { Balances } from '../../../../domain/assets.ts';
import { businessDateOf } from '../../../../domain/business-date.ts';
import { decideRedemption } from '../../../../domain/redemption.ts';
import { accountKey, personAccount, systemAccount } from '../../core/accounts.ts';
import { hashRequest, type JsonValue } from '../../core/canonical.ts';
import type { Plan, Resolution } from '../../core/transaction.ts';
import { insertBookingStatement, loadSpendFacts, type SpendFacts } from '../../db/operations/redemption.ts';
import type { Ledger } from '../../db/ledger/ledger.ts';
import type { Unit } from '../../db/ledger/unit.ts';
import { formatMinutes } from '../receipts.ts';

/** How long a booking holds credits when the caller names no deadline. */
export const bookingHoldDaysDefault = 7;
const dayMs = 24 * 60 * 60_000;

export type BookingRequest = {
  id: string; requestHash: Uint8Array; personId: string; serviceId: string; stationId: string; occurredAtMs: number; effectiveAtMs: number;
  deadlineMs: number | null; createdBy: string; recordedAtMs: number;
  kiosk?: { kioskId: string; kioskSeq: number };
};
export type BookingResponder = (context: { ledgerSeq: number; balances: Balances; deadlineMs: number; lines: string[]; stationName: string }) => JsonValue;

export function bookingUnit(request: BookingRequest, respond: BookingResponder): Unit<SpendFacts> {
  const main = personAccount(request.personId);
  return {
    id: request.id,
    requestHash: request.requestHash,
    accounts: [{ account: main, asset: 'time' }, { account: main, asset: 'points' }],
    load: (reader) => loadSpendFacts(reader.client, { serviceId: request.serviceId, personId: request.personId, stationId: request.stationId }),
    plan: (facts, view) => planBooking(request, facts, { time: view.balance(main, 'time'), points: view.balance(main, 'points') }, respond),
  };
}

/** Pure: the hold-opening transaction or its rejection (the online redemption rules apply to bookings too). */
export function planBooking(request: BookingRequest, facts: SpendFacts, balances: Balances, respond: BookingResponder): Plan<InStatement> {
  const fields = { kind: 'booking', stationId: request.stationId, occurredAtMs: request.occurredAtMs, ...request.kiosk, actorId: request.createdBy };
  const { service, person } = facts;
  if (!person) return { reject: 'person_not_found', ...fields };
  if (!service || service.stationId !== request.stationId) return { reject: 'service_not_found', ...fields };
  const deadlineMs = request.deadlineMs ?? request.effectiveAtMs + bookingHoldDaysDefault * dayMs;
  if (deadlineMs <= request.effectiveAtMs) return { reject: 'booking_deadline_passed', ...fields };
  const decision = decideRedemption({
    service: { asset: service.asset, price: service.price, minAge: service.minAge, redeemableBy: 'holder_or_gift_recipient', status: service.status === 'active' ? 'active' : 'inactive' },
    birthDate: person.birthDate, today: businessDateOf(request.effectiveAtMs), balances,
  });
  if (!decision.ok) return { reject: decision.code, response: decision.detail === undefined ? { code: decision.code } : { code: decision.code, detail: decision.detail }, ...fields };
  const price = service.asset === 'time' ? formatMinutes(service.price) : `${service.price} 分`;
  return {
    ...fields,
    mode: 'authorize',
    hold: { expiresAtMs: deadlineMs },
    transfers: [{ from: personAccount(person.id), to: systemAccount('redemption'), asset: service.asset, amount: service.price }],
    metadata: { personId: person.id, serviceId: service.id },
    extraStatements: [insertBookingStatement({ holdId: request.id, stationId: request.stationId, personId: person.id, serviceId: service.id, asset: service.asset,
      amount: service.price, deadlineMs, kioskId: request.kiosk?.kioskId ?? null, createdBy: request.createdBy, recordedAtMs: request.recordedAtMs })],
    respond: ({ ledgerSeq, balancesAfter }) => respond({
      ledgerSeq, deadlineMs, stationName: facts.stationName,
      balances: { ...balances, [service.asset]: balancesAfter[accountKey(personAccount(person.id), service.asset)] ?? balances[service.asset] },
      lines: [`服务预约：${service.name}`, `志愿者：${person.displayName}（${person.volunteerNo}）`, `冻结：${price}`],
    }),
  };
}

export type HoldResolutionRequest = { id: string; holdId: string; stationId: string; resolution: Resolution; actorId: string; occurredAtMs: number };

/** Posts (delivery), voids (cancellation) or expires (sweep) a booking's hold; the engine enforces "exactly once". */
export function holdResolutionUnit(request: HoldResolutionRequest): Unit<undefined> {
  const kind = request.resolution.type === 'post' ? 'booking_delivery' : request.resolution.type === 'void' ? 'booking_cancellation' : 'booking_expiry';
  return {
    id: request.id,
    requestHash: hashRequest({ holdId: request.holdId, resolution: request.resolution, stationId: request.stationId }),
    conflictKeys: [`hold:${request.holdId}`],
    plan: () => ({
      kind, stationId: request.stationId, occurredAtMs: request.occurredAtMs, actorId: request.actorId, mode: 'authorize', transfers: [],
      resolvesHoldId: request.holdId, resolution: request.resolution,
      respond: ({ ledgerSeq }) => ({ holdId: request.holdId, resolution: request.resolution.type, ledgerSeq,
        ...(request.resolution.type === 'post' && { postedAmount: request.resolution.amount }) }),
    }),
  };
}

/**
 * Expires every pending hold whose deadline is at or before `nowMs` (server time). The unit id is derived from the
 * hold, so two sweeps racing (or a Worker's cron overlapping a Node timer) resolve each hold once.
 */
export async function expireDueHolds(ledger: Ledger, stationOfHold: (holdId: string) => Promise<string | null>, nowMs: number): Promise<{ expired: number }> {
  const due = await ledger.listOpenHolds(nowMs);
  let expired = 0;
  for (const hold of due) {
    const stationId = await stationOfHold(hold.holdId);
    if (stationId === null) continue;
    const outcome = await ledger.submit(holdResolutionUnit({ id: `${hold.holdId}-expiry`, holdId: hold.holdId, stationId, resolution: { type: 'expire' }, actorId: 'system', occurredAtMs: nowMs }));
    if (outcome.status === 'created') expired += 1;
  }
  return { expired };
}
