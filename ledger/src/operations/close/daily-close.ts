// The daily close of one station and business date: loads what the seven checks need, decides them (close-checks),
// seals the close (chained to the station's previous close, signed for the requesting manager) and stores it once.

import { err, ok, type Result } from '../../../../domain/result.ts';
import { businessDateOf, businessDayEndMs, businessDayStartMs } from '../../../../domain/business-date.ts';
import { badHoldIds, findClose, findLastClose, floorViolationKeys, insertClose, kioskTransactionsOccurred, lastSeqRecordedBefore,
  stationTransactions, transactionHashHex, findDayReport, type CloseRow } from '../../db/operations/close.ts';
import { listItems } from '../../db/operations/close-reconciliation.ts';
import { checkBalancesMatchPostings, kioskSequenceState, trialBalance } from '../../db/ledger/reads.ts';
import { verifyChain } from '../../db/ledger/verify.ts';
import { listKiosks } from '../../db/station/kiosks.ts';
import { isUniqueViolation } from '../../db/station/errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import { countByKind, decideClose, type CloseDecision, type CloseFacts, type KindCounters } from './close-checks.ts';
import { genesisCloseHash, sealClose } from './close-seal.ts';
import { itemView } from './reconciliation.ts';

export type CloseCode = 'already_closed' | 'business_date_in_future' | 'close_out_of_order';
export type CloseView = ReturnType<typeof closeView>;

const openItemsListedMax = 1_000;
const genesisChainHead = '0'.repeat(64);

export async function createDailyClose(ctx: ServiceContext, input: { stationId: string; businessDate: string; signedBy: string }): Promise<Result<CloseView, CloseCode>> {
  const { database } = ctx;
  const nowMs = ctx.nowMs();
  if (input.businessDate > businessDateOf(nowMs)) return err('business_date_in_future');
  if (await findClose(database, input.stationId, input.businessDate)) return err('already_closed');
  const last = await findLastClose(database, input.stationId);
  if (last && last.businessDate > input.businessDate) return err('close_out_of_order', `last closed ${last.businessDate}`);

  const seqFrom = last ? last.seqTo + 1 : 1;
  const seqTo = Math.max(seqFrom - 1, await lastSeqRecordedBefore(database, businessDayEndMs(input.businessDate)));
  const chainHead = seqTo > 0 ? (await transactionHashHex(database, seqTo)) ?? genesisChainHead : genesisChainHead;
  const facts = await loadFacts(ctx, input.stationId, input.businessDate, seqFrom, seqTo, last);
  const decision = decideClose(facts);
  const fields = {
    stationId: input.stationId, businessDate: input.businessDate, seqFrom, seqTo, chainHead, prevCloseHash: last?.closeHash ?? genesisCloseHash,
    totals: decision.totals, checks: decision.checks, items: decision.items, signedBy: input.signedBy, createdAtMs: nowMs,
  };
  const seal = await sealClose(ctx.keys, fields);
  const row: CloseRow = {
    ...fields, id: ctx.newId(), closeHash: seal.closeHash, signature: seal.signature,
    totals: JSON.stringify(fields.totals), checks: JSON.stringify(fields.checks), items: JSON.stringify(fields.items),
  };
  try {
    await insertClose(database, row);
  } catch (error) {
    if (isUniqueViolation(error)) return err('already_closed');
    throw error;
  }
  await ctx.audit.append({ actorType: 'staff', actorId: input.signedBy, stationId: input.stationId, event: 'close_signed', outcome: 'success', target: `close:${row.id}`,
    detail: { businessDate: input.businessDate, seqFrom, seqTo, failedChecks: decision.checks.filter((item) => !item.ok).length } });
  return ok(closeView(row));
}

async function loadFacts(ctx: ServiceContext, stationId: string, businessDate: string, seqFrom: number, seqTo: number, last: CloseRow | undefined): Promise<CloseFacts> {
  const { database } = ctx;
  const anchorOk = !last || last.seqTo === 0 || (await transactionHashHex(database, last.seqTo)) === last.chainHead;
  const chain = await verifyChain(database.client, { fromSeq: seqFrom, toSeq: seqTo });
  const dayStartMs = businessDayStartMs(businessDate), dayEndMs = businessDayEndMs(businessDate);
  const kiosks = await Promise.all((await listKiosks(database, [stationId])).map(async (kiosk) => {
    const state = await kioskSequenceState(database.db, kiosk.id);
    const report = await findDayReport(database, kiosk.id, businessDate);
    const ledgerCounters = countByKind(await kioskTransactionsOccurred(database, kiosk.id, dayStartMs, dayEndMs));
    return { kioskId: kiosk.id, gaps: state.gaps, maxSeq: state.maxSeq, ledgerCounters,
      report: report ? { lastKioskSeq: report.lastKioskSeq, counters: JSON.parse(report.counters) as KindCounters } : null };
  }));
  const transactions = (await stationTransactions(database, stationId, seqFrom, seqTo)).map((transaction) => ({
    ...transaction, occurredOn: transaction.occurredAtMs === null ? null : businessDateOf(transaction.occurredAtMs), recordedOn: businessDateOf(transaction.recordedAtMs),
  }));
  return {
    businessDate, trialBalance: await trialBalance(database.db),
    balanceMismatchKeys: (await checkBalancesMatchPostings(database.db)).mismatches.map((mismatch) => mismatch.accountKey),
    chain: { ok: chain.ok, ...(chain.firstBadSeq !== undefined && { firstBadSeq: chain.firstBadSeq }), anchorOk },
    floorViolationKeys: await floorViolationKeys(database), kiosks, badHoldIds: await badHoldIds(database),
    openItems: (await listItems(database, [stationId], 'open', openItemsListedMax)).map((item) => ({ type: 'reconciliation' as const, ...itemView(item) })),
    transactions,
  };
}

export function closeView(row: CloseRow) {
  return {
    id: row.id, stationId: row.stationId, businessDate: row.businessDate, seqFrom: row.seqFrom, seqTo: row.seqTo, chainHead: row.chainHead,
    prevCloseHash: row.prevCloseHash, closeHash: row.closeHash, signature: row.signature, signedBy: row.signedBy,
    createdAt: new Date(row.createdAtMs).toISOString(),
    totals: JSON.parse(row.totals) as CloseDecision['totals'],
    checks: JSON.parse(row.checks) as CloseDecision['checks'],
    items: JSON.parse(row.items) as CloseDecision['items'],
  };
}
