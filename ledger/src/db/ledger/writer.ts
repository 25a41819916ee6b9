// The ledger's single writer: queues units, and on the next I/O turn (setImmediate) commits every queued unit that
// does not conflict as one group in one `client.batch(..., 'write')`. A group that fails on a constraint is retried
// unit by unit, so one bad unit cannot sink the others; the bad unit's rejection is stored and final.

import type { Client } from '@libsql/client';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { assert } from '../../../../domain/assert.ts';
import type { AccountKey } from '../../core/accounts.ts';
import { pickGroup } from '../../core/group.ts';
import type { SubmitOutcome } from '../../core/transaction.ts';
import { readChainHead } from './lookups.ts';
import { planGroup, type BalanceEntry, type ChainHead, type ForcedRejection } from './plan-group.ts';
import { buildGroupStatements } from './statements.ts';
import type { Unit } from './unit.ts';

export type WriterOptions = { client: Client; db: LibSQLDatabase<Record<string, unknown>>; nowMs: () => number; groupUnitsMax?: number; balanceCacheAccountsMax?: number };
export type WriterStats = { groupsCommitted: number; unitsCommitted: number; fallbackGroups: number; lastGroupUnits: number };

type Queued = { unit: Unit<unknown>; conflictKeys: string[]; resolve: (outcome: SubmitOutcome) => void; reject: (error: unknown) => void };

export function createWriter(options: WriterOptions) {
  const groupUnitsMax = options.groupUnitsMax ?? 100;
  const cacheAccountsMax = options.balanceCacheAccountsMax ?? 200_000;
  const cache = new Map<AccountKey, BalanceEntry>();
  const queue: Queued[] = [];
  const stats: WriterStats = { groupsCommitted: 0, unitsCommitted: 0, fallbackGroups: 0, lastGroupUnits: 0 };
  let head: ChainHead | null = null;
  let scheduled = false;
  let flushing = false;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  function submit<Loaded>(unit: Unit<Loaded>): Promise<SubmitOutcome> {
    assert(!closed, 'ledger writer is closed');
    assert(unit.requestHash.byteLength === 32, 'requestHash must be 32 bytes');
    return new Promise((resolve, reject) => {
      queue.push({ unit: unit as Unit<unknown>, conflictKeys: [...(unit.conflictKeys ?? []), `id:${unit.id}`], resolve, reject });
      schedule();
    });
  }

  function schedule(): void {
    if (scheduled || flushing) return;
    scheduled = true;
    // setImmediate, not a loop: the embedded client finishes synchronously, so only yielding to the event loop
    // lets requests parsed in the same I/O turn join the group (reference/ledger.md §3.7).
    setImmediate(flush);
  }

  async function flush(): Promise<void> {
    scheduled = false;
    flushing = true;
    try {
      const picked = pickGroup(queue, groupUnitsMax);
      const group = picked.map((index) => queue[index]!);
      for (const index of picked.reverse()) queue.splice(index, 1);
      await commitGroup(group);
    } finally {
      flushing = false;
      if (queue.length > 0) schedule();
      else {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  async function commitGroup(group: Queued[]): Promise<void> {
    try {
      head ??= await readChainHead(options.client);
      if (cache.size > cacheAccountsMax) cache.clear();
      const committed = await tryCommit(group.map((item) => item.unit));
      if ('results' in committed) return settle(group, committed);
      if (group.length > 1) stats.fallbackGroups += 1;
      else if (process.env.LEDGER_DEBUG) console.error('group failed', committed.failure);
      for (const item of group) await commitAlone(item);
    } catch (error) {
      cache.clear();
      head = null;
      for (const item of group) item.reject(error);
    }
  }

  /** Plans and writes one group; returns null when the batch failed on a constraint (nothing was written). */
  async function tryCommit(units: Unit<unknown>[], forced?: ForcedRejection) {
    const recordedAtMs = Math.max(head!.recordedAtMs, Math.floor(options.nowMs()));
    const plan = await planGroup({ client: options.client, db: options.db, cache, recordedAtMs }, units, head!, forced);
    if (plan.writes.records.length > 0 || plan.writes.nonces.length > 0) {
      try {
        await options.client.batch(buildGroupStatements(plan.writes), 'write');
      } catch (error) {
        cache.clear();
        if (!isConstraintError(error)) throw error;
        return { failure: error };
      }
    }
    head = plan.head;
    for (const [key, entry] of plan.balances) cache.set(key, entry);
    stats.groupsCommitted += 1;
    stats.unitsCommitted += units.length;
    stats.lastGroupUnits = units.length;
    return { results: plan.results };
  }

  async function commitAlone(item: Queued): Promise<void> {
    // A nonce another writer (a second Worker isolate) stored after the group's check is seen by this retry's own
    // check, which refuses the unit with nothing written.
    let attempt = await tryCommit([item.unit]);
    if ('failure' in attempt) attempt = await tryCommit([item.unit], rejectionFor(attempt.failure));
    if ('failure' in attempt) attempt = await tryCommit([item.unit], { code: 'constraint_violation', dropKioskSeq: true });
    if ('failure' in attempt) throw attempt.failure;
    settle([item], attempt);
  }

  function settle(group: Queued[], committed: { results: Awaited<ReturnType<typeof planGroup>>['results'] } | { failure: unknown }): void {
    assert('results' in committed, 'settle needs a committed group');
    group.forEach((item, index) => {
      const result = committed.results[index]!;
      if ('outcome' in result) item.resolve(result.outcome);
      else item.reject(result.error);
    });
  }

  /** Resolves once the queue is empty and no group is being written. */
  function drain(): Promise<void> {
    if (queue.length === 0 && !flushing && !scheduled) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  async function close(): Promise<void> {
    await drain();
    closed = true;
  }

  return { submit, drain, close, stats: (): WriterStats => ({ ...stats }) };
}

export type Writer = ReturnType<typeof createWriter>;

function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : '';
  return (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) || /constraint failed/i.test(message);
}

/** Names the rule a single unit's failed batch broke, from the constraint in the error. */
function rejectionFor(error: unknown): ForcedRejection {
  const message = error instanceof Error ? error.message : String(error);
  if (/transactions\.kiosk_id, transactions\.kiosk_seq/.test(message)) return { code: 'kiosk_seq_reused', dropKioskSeq: true };
  if (/transactions\.resolves_hold_id/.test(message)) return { code: 'hold_already_resolved', dropKioskSeq: false };
  if (/transactions\.reverses_id/.test(message)) return { code: 'already_reversed', dropKioskSeq: false };
  if (/balances_floor/.test(message)) return { code: 'insufficient_balance', dropKioskSeq: false };
  return { code: 'constraint_violation', dropKioskSeq: false };
}
