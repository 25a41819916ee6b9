// The ledger unit of a gift of time credits to a registered family member (rule 10): loads the relation, this year's
// gifts and the station settings inside the writer, decides with domain `decideGift` (yearly cap, balance, storage
// cap), moves time.

import type { InStatement } from '@libsql/client';
import { businessDateOf, businessDayStartMs } from '../../../../domain/business-date.ts';
import { decideGift } from '../../../../domain/gift.ts';
import type { PersonId } from '../../../../domain/ids.ts';
import { accountKey, personAccount } from '../../core/accounts.ts';
import type { JsonValue } from '../../core/canonical.ts';
import type { Plan } from '../../core/transaction.ts';
import { loadGiftFacts, type GiftFacts } from '../../db/operations/redemption-gifts.ts';
import type { Unit } from '../../db/ledger/unit.ts';
import { formatMinutes } from '../receipts.ts';

export type GiftRequest = {
  id: string; requestHash: Uint8Array; fromPersonId: string; toPersonId: string; minutes: number; occurredAtMs: number; effectiveAtMs: number;
  /** Where the gift is recorded: the kiosk's station, or the giver's station for staff. */
  stationId: string;
  kiosk?: { kioskId: string; kioskSeq: number };
  actorId?: string;
};
/** Builds the response once the ledger placed the gift (a kiosk adds its receipt here). */
export type GiftResponder = (context: { ledgerSeq: number; fromBalanceMinutes: number; toBalanceMinutes: number; lines: string[] }) => JsonValue;

export function giftUnit(request: GiftRequest, respond: GiftResponder): Unit<GiftFacts> {
  const from = personAccount(request.fromPersonId), to = personAccount(request.toPersonId);
  const year = businessDateOf(request.effectiveAtMs).slice(0, 4);
  return {
    id: request.id,
    requestHash: request.requestHash,
    // The yearly cap is read from committed gifts, so one giver's gifts never share a group.
    conflictKeys: [`gift:${request.fromPersonId}`],
    accounts: [{ account: from, asset: 'time' }, { account: to, asset: 'time' }],
    load: (reader) => loadGiftFacts(reader.client, { giverId: request.fromPersonId, recipientId: request.toPersonId, giverTimeKey: accountKey(from, 'time'), yearStartMs: businessDayStartMs(`${year}-01-01`) }),
    plan: (facts, view) => planGift(request, facts, view.balance(from, 'time'), view.balance(to, 'time'), respond),
  };
}

/** Pure: the gift transaction or its rejection. */
export function planGift(request: GiftRequest, facts: GiftFacts, fromBalanceMinutes: number, toBalanceMinutes: number, respond: GiftResponder): Plan<InStatement> {
  const fields = { kind: 'gift', stationId: request.stationId, occurredAtMs: request.occurredAtMs, ...request.kiosk, ...(request.actorId !== undefined && { actorId: request.actorId }) };
  if (facts.giverStationId === null || !facts.recipientExists) return { reject: 'person_not_found', ...fields };
  const decision = decideGift({
    asset: 'time', amountMinutes: request.minutes, giverId: request.fromPersonId as PersonId, recipientId: request.toPersonId as PersonId, relation: facts.relation,
    giverBalanceMinutes: fromBalanceMinutes, givenThisYearMinutes: facts.givenThisYearMinutes, recipientBalanceMinutes: toBalanceMinutes,
    yearlyCapMinutes: facts.yearlyCapMinutes, storageCapMinutes: facts.recipientStorageCapMinutes,
  });
  if (!decision.ok) return { reject: decision.code, response: decision.detail === undefined ? { code: decision.code } : { code: decision.code, detail: decision.detail }, ...fields };
  return {
    ...fields,
    mode: 'authorize',
    transfers: [{ from: personAccount(request.fromPersonId), to: personAccount(request.toPersonId), asset: 'time', amount: request.minutes }],
    metadata: { fromPersonId: request.fromPersonId, toPersonId: request.toPersonId, relation: decision.value.relation },
    respond: ({ ledgerSeq, balancesAfter }) => respond({
      ledgerSeq,
      fromBalanceMinutes: balancesAfter[accountKey(personAccount(request.fromPersonId), 'time')] ?? fromBalanceMinutes,
      toBalanceMinutes: balancesAfter[accountKey(personAccount(request.toPersonId), 'time')] ?? toBalanceMinutes,
      lines: [`时间币转赠：${formatMinutes(request.minutes)}`, `今年还可转赠：${formatMinutes(decision.value.yearlyRemainingMinutes)}`],
    }),
  };
}
