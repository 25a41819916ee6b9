// The kiosk's outbox: every write gets its id and kioskSeq and is stored before it is sent; entries go out in
// kioskSeq order with capped backoff; 200 exists counts as success; permanent rejections stay for the maintenance screen.
// It adds its own entries (follow-ups.ts): a void for a registration lost to a restart, an offline follow-up for a refused 待同步 redemption.
// Once it holds nothing pending, `drain` also sends the day reports (day-reporter.ts); a resident's `submit` never waits for them.

import type { IdGenerator } from '../../../domain/ids.ts';
import { decideOfflineRedemptionAt, recordSpend, type OfflineRedemption } from './allowance.ts';
import { retryDelayMs, type BackoffConfig, defaultBackoff } from './backoff.ts';
import { answerCode, classifyAnswer } from './classify.ts';
import { tallyOf } from './day-report.ts';
import { createDayReporter } from './day-reporter.ts';
import { isLostRegistration, needsOfflineFollowUp, offlineFollowUp, settleVoidedRegistration, voidLostRegistration } from './follow-ups.ts';
import type { OutboxEntry, OutboxMeta, OutboxOperation, OutboxStore, SendResult, Transport } from './types.ts';

export type Draft = {
  operation: OutboxOperation;
  path: string;
  /** Body fields besides id, kioskSeq, occurredAt and offline. */
  fields: Record<string, unknown>;
  /** Fields sent but never stored (a registration's card and phone). */
  memoryFields?: Record<string, unknown>;
  personId: string | null;
  redemption?: OfflineRedemption;
};

export type SubmitResult =
  | { status: 'done'; entry: OutboxEntry; response: unknown }
  | { status: 'queued'; entry: OutboxEntry }
  | { status: 'rejected'; code: string; entry: OutboxEntry | null };

export type OutboxDeps = { store: OutboxStore; transport: Transport; nextId: IdGenerator; nowMs: () => number; random01: () => number; backoff?: BackoffConfig };

export type Outbox = Awaited<ReturnType<typeof createOutbox>>;

/** Stored entries beyond this are refused, so a kiosk cut off for weeks cannot fill the browser's storage. */
export const outboxEntriesMax = 5_000;
/** Finished entries kept for the maintenance screen and reprints. */
export const doneEntriesKept = 50;

export async function createOutbox(deps: OutboxDeps) {
  const byKioskSeq = (a: OutboxEntry, b: OutboxEntry) => a.kioskSeq - b.kioskSeq;
  const loaded = await deps.store.load();
  let entries: OutboxEntry[] = [...loaded.entries].sort(byKioskSeq);
  let meta: OutboxMeta = loaded.meta;
  let isOnline = true;
  let draining: Promise<void> | null = null;
  const reporter = createDayReporter({ store: deps.store, transport: deps.transport, nowMs: deps.nowMs, tallies: loaded.tallies, dayReports: loaded.dayReports });
  const memoryBodies = new Map<string, Record<string, unknown>>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const pending = () => entries.filter((entry) => entry.state === 'pending');
  // Memory bodies do not survive a restart: every registration still waiting for its card is lost and gets its void.
  const lostAtStart = entries.filter((entry) => isLostRegistration(entry, false)).flatMap((lost) => Object.values(voidLostRegistration(lost, deps.nextId(), deps.nowMs())));
  if (lostAtStart.length > 0) {
    await deps.store.save({ put: lostAtStart });
    entries = [...entries.filter((entry) => !lostAtStart.some((changed) => changed.id === entry.id)), ...lostAtStart].sort(byKioskSeq);
  }

  async function submit(draft: Draft): Promise<SubmitResult> {
    const isOffline = !isOnline || pending().length > 0;
    if (draft.memoryFields && isOffline) return { status: 'rejected', code: 'registration_needs_network', entry: null };
    if (pending().length >= outboxEntriesMax) return { status: 'rejected', code: 'outbox_full', entry: null };
    let spell = meta.offlineSpell;
    if (draft.redemption && isOffline) {
      const decision = decideOfflineRedemptionAt(draft.redemption, entries, spell, deps.nowMs());
      if (!decision.ok) return { status: 'rejected', code: decision.code, entry: null };
      spell = recordSpend(spell ?? { startedAtMs: deps.nowMs(), spentByPerson: {} }, draft.redemption.personId, draft.redemption.asset, draft.redemption.amount);
    }
    const entry = makeEntry(draft, meta.kioskSeqLast + 1, isOffline);
    if (draft.memoryFields) memoryBodies.set(entry.id, { ...entry.body, ...draft.memoryFields });
    meta = { kioskSeqLast: entry.kioskSeq, offlineSpell: spell };
    await deps.store.save({ put: [entry], meta });
    entries.push(entry);
    notify();
    await drainWrites();
    const after = entries.find((candidate) => candidate.id === entry.id) ?? entry;
    if (after.state === 'done') return { status: 'done', entry: after, response: after.response };
    if (after.state === 'rejected') return { status: 'rejected', code: after.lastCode ?? 'rejected', entry: after };
    return { status: 'queued', entry: await markQueuedReceipt(after) };
  }

  /** Stored before the resident is told 待同步: a later refusal of this write then gets its offline follow-up. */
  async function markQueuedReceipt(entry: OutboxEntry): Promise<OutboxEntry> {
    const marked = { ...entry, hasQueuedReceipt: true };
    entries = entries.map((candidate) => (candidate.id === entry.id ? marked : candidate));
    await deps.store.save({ put: [marked] });
    return marked;
  }

  function makeEntry(draft: Draft, kioskSeq: number, isOffline: boolean): OutboxEntry {
    const id = deps.nextId();
    const createdAtMs = deps.nowMs();
    const body = { id, kioskSeq, occurredAt: new Date(createdAtMs).toISOString(), ...draft.fields, ...(isOffline ? { offline: true } : {}) };
    const debit = draft.redemption ? { asset: draft.redemption.asset, amount: draft.redemption.amount } : null;
    return { id, kioskSeq, operation: draft.operation, path: draft.path, body, isBodyInMemory: draft.memoryFields !== undefined, personId: draft.personId, debit, isOffline, state: 'pending', attempts: 0, nextAttemptMs: createdAtMs, lastCode: null, createdAtMs, response: null };
  }

  /** Sends due entries in kioskSeq order until one must wait; concurrent calls share one run. */
  function drainWrites(): Promise<void> {
    draining ??= drainInOrder().finally(() => { draining = null; });
    return draining;
  }

  /** Sends due entries; then, with nothing pending, the day reports when a write was acknowledged or the timer is due. */
  async function drain(): Promise<void> {
    await drainWrites();
    if (pending().length === 0 && reporter.isTurnDue()) await reporter.runTurn();
  }

  async function drainInOrder(): Promise<void> {
    for (;;) {
      const head = pending()[0];
      if (!head || head.nextAttemptMs > deps.nowMs()) return;
      const sent = await sendOne(head);
      // The resident may have been told 待同步 while this send was on its way.
      const isMarked = entries.find((entry) => entry.id === sent.id)?.hasQueuedReceipt === true;
      const updated = isMarked ? { ...sent, hasQueuedReceipt: true } : sent;
      await settle(updated);
      if (updated.state === 'pending') return;
    }
  }

  async function sendOne(entry: OutboxEntry): Promise<OutboxEntry> {
    const body = entry.isBodyInMemory ? memoryBodies.get(entry.id) : entry.body;
    // A registration's card lived only in memory; after a restart it is gone and cannot be sent again.
    if (!body) return { ...entry, state: 'rejected', lastCode: 'registration_lost' };
    let answer: SendResult | null = null;
    try {
      answer = await deps.transport(entry.path, body);
    } catch {
      // Network errors and timeouts are the expected offline case: a null answer makes the entry wait and retry.
      answer = null;
    }
    const status = answer?.status ?? null;
    const disposition = classifyAnswer(status);
    isOnline = status !== null;
    if (disposition === 'done') return { ...entry, state: 'done', lastCode: String(status), response: answer?.body ?? null };
    const code = answerCode(status, answer?.body);
    if (disposition === 'rejected') return { ...entry, state: 'rejected', lastCode: code };
    const attempts = entry.attempts + 1;
    return { ...entry, attempts, lastCode: code, nextAttemptMs: deps.nowMs() + retryDelayMs(attempts, deps.random01(), deps.backoff ?? defaultBackoff) };
  }

  /** Saves a sent entry with what it makes the outbox add or change (follow-ups.ts), all in one store change. */
  async function settle(sent: OutboxEntry): Promise<void> {
    const changed = withConsequences(sent);
    const isNew = (entry: OutboxEntry) => !entries.some((known) => known.id === entry.id);
    entries = [...entries.map((entry) => changed.find((item) => item.id === entry.id) ?? entry), ...changed.filter(isNew)].sort(byKioskSeq);
    if (sent.state !== 'pending') memoryBodies.delete(sent.id);
    if (sent.state === 'pending') isOnline = false;
    const finished = entries.filter((entry) => entry.state === 'done');
    const pruned = finished.slice(0, Math.max(finished.length - doneEntriesKept, 0)).map((entry) => entry.id);
    entries = entries.filter((entry) => !pruned.includes(entry.id));
    const isDrained = pending().length === 0 && sent.state !== 'pending';
    if (isDrained && meta.offlineSpell !== null) meta = { ...meta, offlineSpell: null };
    // The acknowledged write's tally is stored with its settled entry: counted once, and never lost to a crash between.
    const tally = tallyOf(sent);
    const tallies = tally ? [tally] : [];
    await deps.store.save({ put: changed, remove: pruned, meta, ...(tally && { tallies }) });
    reporter.noteTallies(tallies);
    notify();
  }

  /** The settled entry and what it adds or changes: a lost registration's void, the registration its void found, an offline follow-up. */
  function withConsequences(sent: OutboxEntry): OutboxEntry[] {
    if (sent.state === 'pending') return [sent];
    if (isLostRegistration(sent, false)) return Object.values(voidLostRegistration(sent, deps.nextId(), deps.nowMs()));
    if (sent.operation === 'sequence-void') {
      const lost = entries.find((entry) => entry.id === sent.voidsId);
      const settled = lost && settleVoidedRegistration(lost, sent);
      return settled && settled !== lost ? [sent, settled] : [sent];
    }
    if (!needsOfflineFollowUp(sent)) return [sent];
    meta = { ...meta, kioskSeqLast: meta.kioskSeqLast + 1 };
    return [sent, offlineFollowUp(sent, deps.nextId(), meta.kioskSeqLast, deps.nowMs())];
  }

  return {
    submit,
    drain,
    /** Entries in kioskSeq order, for the maintenance screen. */
    entries: (): readonly OutboxEntry[] => entries,
    pendingCount: () => pending().length,
    /** What a heartbeat learned about the network: offline decisions (rule 14) start before the next write fails. */
    noteReachability(isReachable: boolean): void {
      if (isOnline === isReachable) return;
      isOnline = isReachable;
      notify();
    },
    isOnline: () => isOnline,
    kioskSeqLast: () => meta.kioskSeqLast,
    /** Per business date, what the service last took of this kiosk's day report, for the maintenance screen and tests. */
    dayReports: () => reporter.log(),
    /** Nothing is pending and a day report turn is due (a write was acknowledged since the last one, or its timer ran out). */
    isDayReportDue: () => pending().length === 0 && reporter.isTurnDue(),
    /** When the head entry may next be sent; null with nothing pending. */
    nextAttemptMs: () => pending()[0]?.nextAttemptMs ?? null,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
