// The ledger unit of a kiosk redemption (rule 11) and of its offline upload (rule 14): loads the service, the person
// and the day's pickup codes inside the writer, decides with domain `decideRedemption`, and moves the price from the
// person's main account to the system redemption account. Offline facts are recorded, never bounced.

import type { InStatement } from '@libsql/client';
import type { Balances } from '../../../../domain/assets.ts';
import { businessDateOf } from '../../../../domain/business-date.ts';
import { decideRedemption } from '../../../../domain/redemption.ts';
import { accountKey, personAccount, stationAccount, systemAccount } from '../../core/accounts.ts';
import type { Plan } from '../../core/transaction.ts';
import { insertItemStatement } from '../../db/operations/close-reconciliation.ts';
import { insertRedemptionStatement, loadSpendFacts, usedPickupCodes, type SpendFacts } from '../../db/operations/redemption.ts';
import type { Unit } from '../../db/ledger/unit.ts';
import { kioskFieldsOf, type KioskWrite } from '../kiosk-write.ts';
import { balanceLines, buildReceipt, formatMinutes } from '../receipts.ts';
import { pickPickupCode } from './pickup-code.ts';

/** `replaces`: the refused 待同步 redemption an offline follow-up stands in for (kept in metadata for tracing). */
export type RedemptionFields = { personId: string; serviceId: string; replaces?: string | undefined };
type Loaded = SpendFacts & { pickupCode: string; businessDate: string };

export function redemptionUnit(write: KioskWrite<RedemptionFields>, options: { origin: string; randomBytes: (count: number) => Uint8Array; newId: () => string }): Unit<Loaded> {
  const stationId = write.kiosk.stationId;
  const businessDate = businessDateOf(write.effectiveAtMs);
  const main = personAccount(write.fields.personId);
  return {
    id: write.id,
    requestHash: write.requestHash,
    // Pickup codes are chosen from the codes already stored: redemptions of one station and day never share a group.
    conflictKeys: [`pickup:${stationId}:${businessDate}`],
    accounts: [{ account: main, asset: 'time' }, { account: main, asset: 'points' }],
    load: async (reader) => {
      const facts = await loadSpendFacts(reader.client, { serviceId: write.fields.serviceId, personId: write.fields.personId, stationId });
      const pickupCode = pickPickupCode(await usedPickupCodes(reader.client, stationId, businessDate), options.randomBytes);
      return { ...facts, pickupCode, businessDate };
    },
    plan: (loaded, view) => planRedemption(write, loaded, { time: view.balance(main, 'time'), points: view.balance(main, 'points') }, options),
  };
}

/** Pure: the transaction (or rejection) for a redemption given what was loaded and the person's balances now. */
export function planRedemption(write: KioskWrite<RedemptionFields>, loaded: Loaded, balances: Balances, options: { origin: string; newId: () => string }): Plan<InStatement> {
  const kiosk = kioskFieldsOf(write, 'redemption');
  const { service, person } = loaded;
  if (!person) return { reject: 'person_not_found', ...kiosk };
  if (!service || service.stationId !== kiosk.stationId) return { reject: 'service_not_found', ...kiosk };
  const decision = decideRedemption({
    service: { asset: service.asset, price: service.price, minAge: service.minAge, redeemableBy: 'holder_or_gift_recipient', status: service.status === 'active' ? 'active' : 'inactive' },
    birthDate: person.birthDate, today: loaded.businessDate, balances,
  });
  if (!decision.ok && !write.offline) return { reject: decision.code, response: decision.detail === undefined ? { code: decision.code } : { code: decision.code, detail: decision.detail }, ...kiosk };

  const replaces = write.fields.replaces;
  const traced = replaces === undefined ? '' : `; replaces ${replaces}`;
  // Record mode moves a person to zero and books the rest to suspense; the same figure opens the reconciliation item.
  const shortfall = write.offline ? Math.max(0, service.price - Math.max(0, balances[service.asset])) : 0;
  const recordedAtMs = write.receivedAtMs;
  const extra: InStatement[] = [insertRedemptionStatement({
    id: write.id, stationId: kiosk.stationId, personId: person.id, serviceId: service.id, asset: service.asset, amount: service.price,
    pickupCode: loaded.pickupCode, businessDate: loaded.businessDate, kioskId: kiosk.kioskId, offline: write.offline ? 1 : 0, shortfall, recordedAtMs,
  })];
  if (shortfall > 0) {
    extra.push(insertItemStatement({ id: options.newId(), stationId: kiosk.stationId, kind: 'offline_shortfall', transactionId: write.id, asset: service.asset,
      amount: shortfall, detail: `suspense ${accountKey(stationAccount(kiosk.stationId, 'suspense'), service.asset)}${traced}`, openedAtMs: recordedAtMs }));
  }
  // A balance shortfall is the shortfall item above; any other broken rule (age) gets an item of its own.
  if (!decision.ok && decision.code !== 'insufficient_balance' && decision.code !== 'gift_credits_not_eligible') {
    extra.push(insertItemStatement({ id: options.newId(), stationId: kiosk.stationId, kind: `offline_${decision.code}`, transactionId: write.id, asset: service.asset,
      amount: service.price, detail: `offline redemption the online rules would refuse${traced}`, openedAtMs: recordedAtMs }));
  }
  const priceText = service.asset === 'time' ? formatMinutes(service.price) : `${service.price} 分`;
  return {
    ...kiosk,
    mode: write.offline ? 'record' : 'authorize',
    transfers: [{ from: personAccount(person.id), to: systemAccount('redemption'), asset: service.asset, amount: service.price }],
    metadata: { personId: person.id, serviceId: service.id, pickupCode: loaded.pickupCode, offline: write.offline, ...(replaces !== undefined && { replaces }) },
    extraStatements: extra,
    respond: ({ ledgerSeq, balancesAfter }) => {
      const after: Balances = { ...balances, [service.asset]: balancesAfter[accountKey(personAccount(person.id), service.asset)] ?? balances[service.asset] };
      const receipt = buildReceipt({
        kioskId: kiosk.kioskId, kioskSeq: kiosk.kioskSeq, ledgerSeq, kind: 'redemption', occurredAtMs: kiosk.occurredAtMs, stationName: loaded.stationName, origin: options.origin,
        lines: [`服务兑换：${service.name}`, `志愿者：${person.displayName}（${person.volunteerNo}）`, `扣除：${priceText}`, `取件码：${loaded.pickupCode}`,
          ...balanceLines(after), ...(write.offline ? ['离线记录，已补传'] : [])],
      });
      return { redemptionId: write.id, pickupCode: loaded.pickupCode, balances: after, receipt };
    },
  };
}
