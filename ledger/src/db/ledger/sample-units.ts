// Ready-made units for tests, the property test and the bench: credit, redeem, gift, hold and its resolution,
// reversal, and a value-free kiosk event. Each hashes its own canonical request so retries behave like a kiosk's.

import type { InStatement } from '@libsql/client';
import type { Asset } from '../../../../domain/assets.ts';
import { personAccount, systemAccount } from '../../core/accounts.ts';
import { hashRequest } from '../../core/canonical.ts';
import type { Mode, PlannedTransaction, Resolution } from '../../core/transaction.ts';
import type { Unit } from './unit.ts';

export type SampleRequest =
  | { type: 'credit'; personId: string; asset: Asset; amount: number }
  | { type: 'redeem'; personId: string; asset: Asset; amount: number; mode: Mode }
  | { type: 'gift'; fromId: string; toId: string; amount: number }
  | { type: 'hold'; personId: string; asset: Asset; amount: number; expiresAtMs: number | null }
  | { type: 'resolve'; holdId: string; resolution: Resolution }
  | { type: 'reverse'; transactionId: string }
  | { type: 'check_in'; personId: string };

export type SampleContext = { stationId: string; kioskId?: string; kioskSeq?: number; occurredAtMs?: number };

/** A unit for `request` under idempotency key `id`; the request hash covers the request and kiosk fields. */
export function sampleUnit(id: string, request: SampleRequest, context: SampleContext = { stationId: 'S1' }): Unit<undefined> {
  const kiosk = context.kioskId !== undefined && context.kioskSeq !== undefined ? { kioskId: context.kioskId, kioskSeq: context.kioskSeq } : {};
  const base = { kind: request.type, stationId: context.stationId, occurredAtMs: context.occurredAtMs ?? 0, mode: 'authorize' as Mode, transfers: [], ...kiosk,
    respond: ({ ledgerSeq, balancesAfter }: { ledgerSeq: number; balancesAfter: Record<string, number> }) => ({ id, ledgerSeq, balancesAfter }) };
  return {
    id,
    requestHash: hashRequest({ request, ...kiosk, stationId: context.stationId }),
    conflictKeys: conflictKeysOf(request),
    plan: (): PlannedTransaction<InStatement> => {
      switch (request.type) {
        case 'credit':
          return { ...base, transfers: [{ from: systemAccount('issuance'), to: personAccount(request.personId), asset: request.asset, amount: request.amount }] };
        case 'redeem':
          return { ...base, mode: request.mode, transfers: [{ from: personAccount(request.personId), to: systemAccount('redemption'), asset: request.asset, amount: request.amount }] };
        case 'gift':
          return { ...base, transfers: [{ from: personAccount(request.fromId), to: personAccount(request.toId), asset: 'time', amount: request.amount }] };
        case 'hold':
          return { ...base, hold: { expiresAtMs: request.expiresAtMs }, transfers: [{ from: personAccount(request.personId), to: systemAccount('redemption'), asset: request.asset, amount: request.amount }] };
        case 'resolve':
          return { ...base, resolvesHoldId: request.holdId, resolution: request.resolution };
        case 'reverse':
          return { ...base, reversesId: request.transactionId };
        case 'check_in':
          return { ...base, metadata: { personId: request.personId } };
      }
    },
  };
}

function conflictKeysOf(request: SampleRequest): string[] {
  if (request.type === 'resolve') return [`hold:${request.holdId}`];
  if (request.type === 'reverse') return [`reverse:${request.transactionId}`];
  return [];
}
