// Sends the kiosk's day reports (day-report.ts) when the outbox holds nothing pending: after a drain that acknowledged
// a write, and on a timer. The outcome per date is kept in the outbox store (no personal data): 201 keeps the content
// sent, 409 already_closed ends the date, other refusals are final for that content, no answer retries next turn.

import { businessDateOf } from '../../../domain/business-date.ts';
import { answerCode, classifyAnswer } from './classify.ts';
import { dayReportPath, dayReportsOf, isExpiredDate, reportKey, reportsToSend } from './day-report.ts';
import type { DayReportLog, OutboxStore, SendResult, Transport, WriteTally } from './types.ts';

/** A turn runs at least this often with nothing new, to repeat today's report until the date is closed. */
export const dayReportIntervalMs = 10 * 60_000;

export type DayReporterDeps = { store: OutboxStore; transport: Transport; nowMs: () => number; tallies: readonly WriteTally[]; dayReports: DayReportLog };

export type DayReporter = ReturnType<typeof createDayReporter>;

export function createDayReporter(deps: DayReporterDeps) {
  const tallies = new Map(deps.tallies.map((tally) => [tally.id, tally]));
  let log: DayReportLog = deps.dayReports;
  // At start anything not yet taken by the service is due; a turn with nothing to send costs no request.
  let isDue = tallies.size > 0;
  let lastTurnMs: number | null = null;
  let running: Promise<void> | null = null;

  /** Counts newly acknowledged writes (already stored with their entries); the next quiet turn reports them. */
  function noteTallies(added: readonly WriteTally[]): void {
    for (const tally of added) tallies.set(tally.id, tally);
    if (added.length > 0) isDue = true;
  }

  function isTurnDue(): boolean {
    return isDue || lastTurnMs === null || deps.nowMs() - lastTurnMs >= dayReportIntervalMs;
  }

  /** One turn; overlapping calls share it. Never throws for the network: an unanswered report waits for the next turn. */
  function runTurn(): Promise<void> {
    running ??= turn().finally(() => { running = null; });
    return running;
  }

  async function turn(): Promise<void> {
    const nowMs = deps.nowMs();
    const isTimerTurn = !isDue;
    isDue = false;
    lastTurnMs = nowMs;
    const expired = [...tallies.values()].filter((tally) => isExpiredDate(tally.businessDate, nowMs)).map((tally) => tally.id);
    const removed = new Set(expired);
    let next: DayReportLog = Object.fromEntries(Object.entries(log).filter(([date]) => !isExpiredDate(date, nowMs)));
    const live = [...tallies.values()].filter((tally) => !removed.has(tally.id));
    for (const report of reportsToSend(dayReportsOf(live), next, businessDateOf(nowMs), isTimerTurn)) {
      let answer: SendResult | null = null;
      try {
        answer = await deps.transport(dayReportPath, report);
      } catch {
        // No answer (offline, timeout): the same report goes again on the next turn.
        answer = null;
      }
      const status = answer?.status ?? null;
      if (classifyAnswer(status) === 'retry') {
        isDue = true;
        break;
      }
      const code = status === 200 || status === 201 ? null : answerCode(status, answer?.body);
      next = { ...next, [report.businessDate]: { sentKey: reportKey(report), isClosed: code === 'already_closed', lastCode: code } };
      if (code === 'already_closed') live.filter((tally) => tally.businessDate === report.businessDate).forEach((tally) => removed.add(tally.id));
    }
    await deps.store.save({ dayReports: next, removeTallies: [...removed] });
    log = next;
    for (const id of removed) tallies.delete(id);
  }

  return { noteTallies, isTurnDue, runTurn, log: (): DayReportLog => log, tallies: (): readonly WriteTally[] => [...tallies.values()] };
}
