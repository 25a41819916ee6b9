// The daily close's seven checks (design.md §4) and its totals, decided from facts the caller loaded.
// Pure: no I/O, no clock. A failed check does not stop the close; it is recorded, signed and listed.

import type { Asset } from '../../../../domain/assets.ts';

/** Per kind: how many posted transactions and how much value they moved (sum of positive legs per asset). */
export type KindCounters = Record<string, { count: number; time: number; points: number }>;
export type CloseCheckName =
  | 'trial_balance_zero' | 'balances_match_postings' | 'chain_verifies' | 'no_floor_violated'
  | 'kiosk_sequences_and_counters' | 'holds_resolved_once' | 'reconciliation_items_listed';
export type CloseCheck = { name: CloseCheckName; ok: boolean; detail?: string };
export type CloseItem =
  | { type: 'reconciliation'; itemId: string; kind: string; transactionId: string | null; asset: string | null; amount: number | null; detail: string }
  | { type: 'late_upload'; transactionId: string; ledgerSeq: number; kind: string; occurredOn: string }
  | { type: 'check_failed'; check: CloseCheckName; detail: string };

export type RangeTransaction = {
  ledgerSeq: number; id: string; kind: string; status: 'posted' | 'rejected'; kioskId: string | null;
  /** Business date of the kiosk's (or caller's) `occurredAt`; null when the transaction carries none. */
  occurredOn: string | null;
  /** Business date of the server's `recordedAt`. */
  recordedOn: string;
  amounts: Record<Asset, number>;
};
export type KioskFacts = { kioskId: string; gaps: { fromSeq: number; toSeq: number }[]; maxSeq: number; report: { lastKioskSeq: number; counters: KindCounters } | null; ledgerCounters: KindCounters };

export type CloseFacts = {
  businessDate: string;
  trialBalance: Record<Asset, number>;
  balanceMismatchKeys: string[];
  /** Chain verification of the close's range, and whether the previous close's chain head is still the stored hash. */
  chain: { ok: boolean; firstBadSeq?: number; anchorOk: boolean };
  floorViolationKeys: string[];
  kiosks: KioskFacts[];
  badHoldIds: string[];
  openItems: Extract<CloseItem, { type: 'reconciliation' }>[];
  /** This station's transactions in the close's ledgerSeq range. */
  transactions: RangeTransaction[];
};

export type CloseTotals = { transactions: number; rejected: number; lateUploads: number; byKind: KindCounters };
export type CloseDecision = { totals: CloseTotals; checks: CloseCheck[]; items: CloseItem[] };

const namesShownMax = 5;

export function decideClose(facts: CloseFacts): CloseDecision {
  // Late: recorded on a later business date than it happened (an offline upload after its day ended).
  const late = facts.transactions.filter((transaction) => transaction.occurredOn !== null && transaction.occurredOn < transaction.recordedOn);
  const checks: CloseCheck[] = [
    check('trial_balance_zero', facts.trialBalance.time === 0 && facts.trialBalance.points === 0, `time ${facts.trialBalance.time}, points ${facts.trialBalance.points}`),
    check('balances_match_postings', facts.balanceMismatchKeys.length === 0, listed('accounts differ', facts.balanceMismatchKeys)),
    check('chain_verifies', facts.chain.ok && facts.chain.anchorOk,
      !facts.chain.anchorOk ? 'previous close chain head no longer matches the ledger' : `first bad ledgerSeq ${facts.chain.firstBadSeq ?? '?'}`),
    check('no_floor_violated', facts.floorViolationKeys.length === 0, listed('below floor', facts.floorViolationKeys)),
    checkKiosks(facts.kiosks),
    check('holds_resolved_once', facts.badHoldIds.length === 0, listed('holds resolved other than once', facts.badHoldIds)),
    check('reconciliation_items_listed', facts.openItems.length === 0, `${facts.openItems.length} open item(s)`),
  ];
  const items: CloseItem[] = [
    ...facts.openItems,
    ...late.map((transaction) => ({ type: 'late_upload' as const, transactionId: transaction.id, ledgerSeq: transaction.ledgerSeq, kind: transaction.kind, occurredOn: transaction.occurredOn! })),
    ...checks.filter((item) => !item.ok && item.name !== 'reconciliation_items_listed').map((item) => ({ type: 'check_failed' as const, check: item.name, detail: item.detail ?? '' })),
  ];
  return { totals: totalsOf(facts.transactions, late.length), checks, items };
}

/** Counters per kind of posted transactions: the same shape a kiosk reports for its day. */
export function countByKind(transactions: readonly Pick<RangeTransaction, 'kind' | 'status' | 'amounts'>[]): KindCounters {
  const counters: KindCounters = {};
  for (const transaction of transactions) {
    if (transaction.status !== 'posted') continue;
    const entry = (counters[transaction.kind] ??= { count: 0, time: 0, points: 0 });
    entry.count += 1;
    entry.time += transaction.amounts.time;
    entry.points += transaction.amounts.points;
  }
  return counters;
}

/** Kinds whose counters differ between a kiosk's report and the ledger, as `kind: reported≠ledger`. */
export function counterDifferences(reported: KindCounters, ledger: KindCounters): string[] {
  const kinds = [...new Set([...Object.keys(reported), ...Object.keys(ledger)])].sort();
  const zero = { count: 0, time: 0, points: 0 };
  const show = (value: { count: number; time: number; points: number }) => `${value.count}/${value.time}/${value.points}`;
  return kinds.flatMap((kind) => {
    const left = reported[kind] ?? zero, right = ledger[kind] ?? zero;
    return left.count === right.count && left.time === right.time && left.points === right.points ? [] : [`${kind}: ${show(left)}≠${show(right)}`];
  });
}

function checkKiosks(kiosks: readonly KioskFacts[]): CloseCheck {
  const problems: string[] = [];
  for (const kiosk of kiosks) {
    if (kiosk.gaps.length > 0) problems.push(`${kiosk.kioskId} missing kioskSeq ${kiosk.gaps.map((gap) => gap.fromSeq === gap.toSeq ? gap.fromSeq : `${gap.fromSeq}-${gap.toSeq}`).join(',')}`);
    const active = Object.keys(kiosk.ledgerCounters).length > 0;
    if (kiosk.report === null) {
      if (active) problems.push(`${kiosk.kioskId} sent no day report`);
      continue;
    }
    if (kiosk.report.lastKioskSeq > kiosk.maxSeq) problems.push(`${kiosk.kioskId} reported kioskSeq ${kiosk.report.lastKioskSeq}, ledger has ${kiosk.maxSeq}`);
    const differences = counterDifferences(kiosk.report.counters, kiosk.ledgerCounters);
    if (differences.length > 0) problems.push(`${kiosk.kioskId} counters differ (${differences.join('; ')})`);
  }
  return check('kiosk_sequences_and_counters', problems.length === 0, problems.join('; '));
}

function totalsOf(transactions: readonly RangeTransaction[], lateUploads: number): CloseTotals {
  const rejected = transactions.filter((transaction) => transaction.status === 'rejected').length;
  return { transactions: transactions.length - rejected, rejected, lateUploads, byKind: countByKind(transactions) };
}

function check(name: CloseCheckName, ok: boolean, detail: string): CloseCheck {
  return ok ? { name, ok } : { name, ok, detail };
}

function listed(what: string, keys: readonly string[]): string {
  const shown = keys.slice(0, namesShownMax).join(', ');
  return `${keys.length} ${what}${keys.length > 0 ? `: ${shown}${keys.length > namesShownMax ? ', …' : ''}` : ''}`;
}
