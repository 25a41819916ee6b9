// Plans one commit group inside the writer: replays stored outcomes, runs each unit's load and plan in order against
// a balance view that includes earlier units of the group, resolves holds and reversals, assigns ledgerSeq and
// chains hashes. Returns the rows to write and each unit's outcome; writes nothing itself.

import type { Client, InStatement } from '@libsql/client';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { assert } from '../../../../domain/assert.ts';
import { businessDateOf } from '../../../../domain/business-date.ts';
import { accountKey, isNonNegative, parseAccountKey, heldAccountOf, stationAccount, type AccountKey } from '../../core/accounts.ts';
import { bytesEqual, canonicalJson, type JsonValue } from '../../core/canonical.ts';
import { hashRecord, type ChainRecord } from '../../core/chain.ts';
import { decideLegs, type HoldRecord, type Leg, type OriginalTransaction, type References } from '../../core/decide-legs.ts';
import { isRejection, validateTransaction, type PlannedTransaction, type SubmitOutcome } from '../../core/transaction.ts';
import { readBalances, readHold, readOriginal, readStoredOutcomes, readUsedNonces } from './lookups.ts';
import type { GroupWrites } from './statements.ts';
import type { BalanceView, GroupRead, LedgerReader, Unit } from './unit.ts';

export type ChainHead = { ledgerSeq: number; hash: Uint8Array; recordedAtMs: number };
export type BalanceEntry = { balance: number; exists: boolean };
export type PlannedUnit = { outcome: SubmitOutcome } | { error: unknown };
export type GroupPlan = { writes: GroupWrites; results: PlannedUnit[]; head: ChainHead; balances: Map<AccountKey, BalanceEntry> };
/** A rejection forced on a unit after its batch failed on a constraint (see writer.ts). */
export type ForcedRejection = { code: string; dropKioskSeq: boolean };

type Context = { client: Client; db: LibSQLDatabase<Record<string, unknown>>; cache: Map<AccountKey, BalanceEntry>; recordedAtMs: number };

export async function planGroup(context: Context, units: readonly Unit<unknown>[], head: ChainHead, forced?: ForcedRejection): Promise<GroupPlan> {
  const { client, cache } = context;
  const overlay = new Map<AccountKey, BalanceEntry>();
  const entry = (key: AccountKey) => overlay.get(key) ?? cache.get(key);
  const ensureLoaded = async (keys: Iterable<AccountKey>) => {
    const missing = [...new Set(keys)].filter((key) => entry(key) === undefined);
    if (missing.length === 0) return;
    const found = await readBalances(client, missing);
    for (const key of missing) cache.set(key, { balance: found.get(key) ?? 0, exists: found.has(key) });
  };
  const balanceOf = (key: AccountKey) => {
    const known = entry(key);
    assert(known !== undefined, `balance of ${key} read before it was loaded: list it in unit.accounts or preload it in load`);
    return known.balance;
  };
  const view: BalanceView = { balance: (account, asset) => balanceOf(accountKey(account, asset)) };
  const reader: LedgerReader = { client, db: context.db, preloadBalances: (accounts) => ensureLoaded(accounts.map((item) => accountKey(item.account, item.asset))) };

  const writes: GroupWrites = { accounts: [], records: [], balanceDeltas: [], holdsOpened: [], holdsResolved: [], extra: [], nonces: [], noncesExpiredBeforeMs: context.recordedAtMs };
  const results: PlannedUnit[] = [];
  const groupHolds = new Map<string, HoldRecord>();
  const groupPosted = new Map<string, OriginalTransaction>();
  const groupReversed = new Set<string>();
  const groupKioskSeqs = new Set<string>();
  let current = head;
  const stored = await readStoredOutcomes(client, units.map((unit) => unit.id));
  const usedNonces = await readUsedNonces(client, units.flatMap((unit) => (unit.nonce ? [unit.nonce] : [])));
  const prefetched = await prefetchGroup(reader, units.filter((unit) => !stored.has(unit.id)));

  const append = (unit: Unit<unknown>, fields: Omit<ChainRecord, 'ledgerSeq' | 'id' | 'requestHash' | 'recordedAtMs'>) => {
    const record: ChainRecord = { ...fields, ledgerSeq: current.ledgerSeq + 1, id: unit.id, requestHash: unit.requestHash, recordedAtMs: context.recordedAtMs };
    const hash = hashRecord(current.hash, record);
    writes.records.push({ record, hash, prevHash: current.hash });
    current = { ledgerSeq: record.ledgerSeq, hash, recordedAtMs: context.recordedAtMs };
    return record;
  };
  const reject = (unit: Unit<unknown>, code: string, response: JsonValue | undefined, from: Partial<PlannedTransaction<unknown>> & { kind?: string }) => {
    const body = response ?? { code };
    const keepKiosk = code !== 'kiosk_seq_reused' && from.kioskId !== undefined && from.kioskSeq !== undefined && !(forced?.dropKioskSeq);
    const record = append(unit, {
      status: 'rejected', code, kind: from.kind ?? 'rejected', mode: from.mode ?? 'authorize', stationId: from.stationId ?? null,
      kioskId: keepKiosk ? from.kioskId! : null, kioskSeq: keepKiosk ? from.kioskSeq! : null, actorId: from.actorId ?? null,
      occurredAtMs: from.occurredAtMs ?? null, opensHold: false, holdExpiresAtMs: null, resolvesHoldId: null, resolution: null,
      reversesId: null, memo: null, metadata: null, response: canonicalJson(body), postings: [],
    });
    if (keepKiosk) groupKioskSeqs.add(`${from.kioskId}\u0000${from.kioskSeq}`);
    results.push({ outcome: { status: 'rejected', ledgerSeq: record.ledgerSeq, code, response: body, replayed: false } });
  };

  for (const unit of units) {
    if (unit.nonce) {
      const nonceKey = `${unit.nonce.kioskId}\u0000${unit.nonce.nonce}`;
      if (usedNonces.has(nonceKey)) {
        results.push({ outcome: { status: 'refused', code: 'kiosk_nonce_reused', response: { code: 'kiosk_nonce_reused' } } });
        continue;
      }
      usedNonces.add(nonceKey);
      writes.nonces.push(unit.nonce);
    }
    const previous = stored.get(unit.id);
    if (previous) {
      results.push({ outcome: replay(previous, unit.requestHash) });
      continue;
    }
    let planned;
    try {
      const fetched = prefetched.get(unit);
      if (fetched && 'error' in fetched) throw fetched.error;
      const loaded = unit.load ? await unit.load(reader, fetched?.value) : undefined;
      await ensureLoaded((unit.accounts ?? []).map((item) => accountKey(item.account, item.asset)));
      planned = unit.plan(loaded, view);
    } catch (error) {
      results.push({ error });
      continue;
    }
    if (isRejection(planned)) {
      reject(unit, planned.reject, planned.response, planned);
      continue;
    }
    if (forced) {
      reject(unit, forced.code, undefined, planned);
      continue;
    }
    const invalid = validateTransaction(planned);
    if (invalid !== null) {
      reject(unit, 'invalid_transaction', { code: 'invalid_transaction', detail: invalid }, planned);
      continue;
    }
    const kioskKey = planned.kioskId === undefined ? null : `${planned.kioskId}\u0000${planned.kioskSeq}`;
    if (kioskKey !== null && groupKioskSeqs.has(kioskKey)) {
      reject(unit, 'kiosk_seq_reused', undefined, planned);
      continue;
    }
    const references = await lookUpReferences(client, planned, groupHolds, groupPosted, groupReversed);
    await ensureLoaded(touchedKeys(planned, references));
    const decision = decideLegs(unit.id, planned, references, balanceOf);
    if (!decision.ok) {
      reject(unit, decision.code, undefined, planned);
      continue;
    }
    const { legs, shortfalls, openedHold, resolvedHold } = decision.value;
    const balancesAfter: Record<AccountKey, number> = {};
    for (const leg of legs) balancesAfter[leg.accountKey] = leg.balanceAfter;
    const ledgerSeq = current.ledgerSeq + 1;
    const response = withKioskLedger(planned.respond({ transactionId: unit.id, ledgerSeq, recordedAtMs: context.recordedAtMs, balancesAfter, shortfalls }), planned, legs);
    append(unit, {
      status: 'posted', code: null, kind: planned.kind, mode: planned.mode, stationId: planned.stationId, kioskId: planned.kioskId ?? null,
      kioskSeq: planned.kioskSeq ?? null, actorId: planned.actorId ?? null, occurredAtMs: planned.occurredAtMs, opensHold: openedHold !== undefined,
      holdExpiresAtMs: planned.hold?.expiresAtMs ?? null, resolvesHoldId: planned.resolvesHoldId ?? null, resolution: planned.resolution?.type ?? null,
      reversesId: planned.reversesId ?? null, memo: planned.memo ?? null, metadata: planned.metadata === undefined ? null : canonicalJson(planned.metadata),
      response: canonicalJson(response), postings: legs.map((leg, index) => ({ leg: index, ...leg })),
    });
    for (const leg of legs) {
      const known = entry(leg.accountKey)!;
      if (!known.exists) {
        const { account, asset } = parseAccountKey(leg.accountKey);
        writes.accounts.push({ key: leg.accountKey, ...account, asset, nonNegative: isNonNegative(account), createdSeq: ledgerSeq });
      }
      overlay.set(leg.accountKey, { balance: leg.balanceAfter, exists: true });
      writes.balanceDeltas.push({ accountKey: leg.accountKey, nonNegative: isNonNegative(parseAccountKey(leg.accountKey).account), delta: leg.amount, ledgerSeq });
    }
    if (openedHold) {
      writes.holdsOpened.push({ ...openedHold, ledgerSeq });
      groupHolds.set(openedHold.holdId, openedHold);
    }
    if (resolvedHold) {
      writes.holdsResolved.push({ ...resolvedHold, resolvedSeq: ledgerSeq });
      groupHolds.set(resolvedHold.holdId, { ...references.hold!, status: resolvedHold.status });
    }
    if (planned.reversesId !== undefined) groupReversed.add(planned.reversesId);
    if (kioskKey !== null) groupKioskSeqs.add(kioskKey);
    groupPosted.set(unit.id, { id: unit.id, status: 'posted', opensHold: openedHold !== undefined, resolvesHoldId: planned.resolvesHoldId ?? null, postings: legs });
    writes.extra.push(...((planned.extraStatements ?? []) as InStatement[]));
    results.push({ outcome: { status: 'created', ledgerSeq, response, balancesAfter, shortfalls } });
  }
  return { writes, results, head: current, balances: overlay };
}

/**
 * A posted kiosk write's stored answer gains `ledger: {kind, businessDate, moved}`: what the daily close counts for it
 * (close check 5, db/operations/close.ts), so the kiosk's day report can match it: the business date of `occurredAt`
 * and the sum of its positive legs per asset. Stored with the transaction, so a replay answers the same.
 */
function withKioskLedger(response: JsonValue, planned: PlannedTransaction<unknown>, legs: readonly Leg[]): JsonValue {
  if (planned.kioskId === undefined || response === null || typeof response !== 'object' || Array.isArray(response)) return response;
  const moved = { time: 0, points: 0 };
  for (const leg of legs) if (leg.amount > 0) moved[leg.asset] += leg.amount;
  return { ...response, ledger: { kind: planned.kind, businessDate: businessDateOf(planned.occurredAtMs), moved } };
}

/** Runs each distinct `prefetch` read once over its units' inputs; a failed read fails only those units' loads. */
async function prefetchGroup(reader: LedgerReader, units: readonly Unit<unknown>[]): Promise<Map<Unit<unknown>, { value: unknown } | { error: unknown }>> {
  const byRead = new Map<GroupRead, Unit<unknown>[]>();
  for (const unit of units) {
    if (!unit.prefetch) continue;
    const list = byRead.get(unit.prefetch.read);
    if (list) list.push(unit);
    else byRead.set(unit.prefetch.read, [unit]);
  }
  const outputs = new Map<Unit<unknown>, { value: unknown } | { error: unknown }>();
  for (const [read, readers] of byRead) {
    try {
      const results = await read(reader, readers.map((unit) => unit.prefetch!.input));
      assert(results.length === readers.length, 'a group read returns one output per input');
      readers.forEach((unit, index) => outputs.set(unit, { value: results[index] }));
    } catch (error) {
      for (const unit of readers) outputs.set(unit, { error });
    }
  }
  return outputs;
}

function replay(previous: { ledgerSeq: number; requestHash: Uint8Array; status: 'posted' | 'rejected'; code: string | null; response: string }, requestHash: Uint8Array): SubmitOutcome {
  if (!bytesEqual(previous.requestHash, requestHash)) return { status: 'id_reused', code: 'id_reused', response: { code: 'id_reused' } };
  const response = JSON.parse(previous.response) as JsonValue;
  if (previous.status === 'posted') return { status: 'exists', ledgerSeq: previous.ledgerSeq, response };
  return { status: 'rejected', ledgerSeq: previous.ledgerSeq, code: previous.code ?? 'rejected', response, replayed: true };
}

async function lookUpReferences(client: Client, planned: PlannedTransaction<unknown>, holds: Map<string, HoldRecord>, posted: Map<string, OriginalTransaction>, reversed: Set<string>): Promise<References> {
  if (planned.resolvesHoldId !== undefined) {
    return { hold: holds.get(planned.resolvesHoldId) ?? await readHold(client, planned.resolvesHoldId) };
  }
  if (planned.reversesId !== undefined) {
    const inGroup = posted.get(planned.reversesId);
    if (inGroup) return { original: inGroup, originalReversed: reversed.has(planned.reversesId) };
    const found = await readOriginal(client, planned.reversesId);
    return { original: found.original, originalReversed: found.reversed || reversed.has(planned.reversesId) };
  }
  return {};
}

function touchedKeys(planned: PlannedTransaction<unknown>, references: References): AccountKey[] {
  const keys: AccountKey[] = [];
  for (const transfer of planned.transfers) {
    keys.push(accountKey(transfer.from, transfer.asset), accountKey(transfer.to, transfer.asset));
    if (planned.hold) keys.push(accountKey(heldAccountOf(transfer.from), transfer.asset));
    if (planned.mode === 'record') keys.push(accountKey(stationAccount(planned.stationId, 'suspense'), transfer.asset));
  }
  if (references.hold) keys.push(references.hold.sourceKey, references.hold.heldKey, references.hold.destinationKey);
  for (const posting of references.original?.postings ?? []) {
    keys.push(posting.accountKey);
    if (planned.mode === 'record') keys.push(accountKey(stationAccount(planned.stationId, 'suspense'), posting.asset));
  }
  return keys;
}
