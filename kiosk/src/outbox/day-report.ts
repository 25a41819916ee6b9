// The kiosk's end-of-day report (close check 5, docs/close.md "Before the close"), derived from what the service
// acknowledged. Pure: no clock, no storage. A write counts once (tallies are keyed by id), only once acknowledged,
// and under the kind, business date and value the service's `ledger` field named, never a kiosk-side guess.

import { businessDateOf } from '../../../domain/business-date.ts';
import type { DayReportLog, OutboxEntry, WriteTally } from './types.ts';

export const dayReportPath = '/api/v1/kiosks/day-report';
/** Tallies and log lines of dates this many days before today are dropped, closed or not: the log stays small. */
export const dayReportDaysKept = 62;

export type KindCounter = { count: number; time: number; points: number };
export type DayReport = { businessDate: string; lastKioskSeq: number; counters: Record<string, KindCounter> };

const dayMs = 24 * 60 * 60_000;

/**
 * The tally of a write the service has just acknowledged, or null when it posted nothing countable. A sequence void
 * answered `voided:false` names the transaction already holding its kioskSeq: a posted registration (value-free) is
 * counted under its own id, as the close counts it. An answer without a `ledger` field (an older service) counts nothing.
 */
export function tallyOf(entry: OutboxEntry): WriteTally | null {
  if (entry.state !== 'done' || !isRecord(entry.response)) return null;
  const answer = entry.response;
  if (entry.operation === 'sequence-void' && answer.voided === false) {
    if (answer.status !== 'posted' || answer.kind !== 'registration' || typeof answer.transactionId !== 'string') return null;
    const occurredAtMs = Date.parse(String(entry.body.occurredAt));
    if (!Number.isSafeInteger(occurredAtMs)) return null;
    return { id: answer.transactionId, kioskSeq: entry.kioskSeq, kind: 'registration', businessDate: businessDateOf(occurredAtMs), time: 0, points: 0 };
  }
  const ledger = answer.ledger;
  if (!isRecord(ledger) || !isRecord(ledger.moved) || typeof ledger.kind !== 'string' || typeof ledger.businessDate !== 'string') return null;
  const { time, points } = ledger.moved;
  if (!isAmount(time) || !isAmount(points)) return null;
  return { id: entry.id, kioskSeq: entry.kioskSeq, kind: ledger.kind, businessDate: ledger.businessDate, time, points };
}

/**
 * One report per business date with tallies, oldest first: per kind the count and value moved, and the date's highest
 * acknowledged kioskSeq as `lastKioskSeq` (acknowledged, so it is in the ledger, as the close's check requires).
 */
export function dayReportsOf(tallies: Iterable<WriteTally>): DayReport[] {
  const byDate = new Map<string, DayReport>();
  for (const tally of tallies) {
    const report = byDate.get(tally.businessDate) ?? { businessDate: tally.businessDate, lastKioskSeq: 0, counters: {} };
    byDate.set(tally.businessDate, report);
    const counter = (report.counters[tally.kind] ??= { count: 0, time: 0, points: 0 });
    counter.count += 1;
    counter.time += tally.time;
    counter.points += tally.points;
    report.lastKioskSeq = Math.max(report.lastKioskSeq, tally.kioskSeq);
  }
  return [...byDate.values()].sort((a, b) => (a.businessDate < b.businessDate ? -1 : 1));
}

/** The report's content as one comparable string (kinds sorted), to tell whether the service already has it. */
export function reportKey(report: DayReport): string {
  const kinds = Object.keys(report.counters).sort();
  return JSON.stringify([report.lastKioskSeq, kinds.map((kind) => [kind, report.counters[kind]])]);
}

/**
 * The reports to send on this turn: every open date whose content the service does not have yet; on a timer turn
 * also today's again (a report may repeat until the date is closed). Closed dates are never sent again.
 */
export function reportsToSend(reports: readonly DayReport[], log: DayReportLog, today: string, isTimerTurn: boolean): DayReport[] {
  return reports.filter((report) => {
    const state = log[report.businessDate];
    if (state?.isClosed) return false;
    return state?.sentKey !== reportKey(report) || (isTimerTurn && report.businessDate === today);
  });
}

/** Dates older than `dayReportDaysKept` before today: their tallies and log lines are dropped. */
export function isExpiredDate(businessDate: string, nowMs: number): boolean {
  return businessDate < businessDateOf(nowMs - dayReportDaysKept * dayMs);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
