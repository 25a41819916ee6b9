// Proves the pure day report: a write counts once and only once acknowledged, under the date and value the service's
// `ledger` field names (a queued write re-dated across midnight in Asia/Shanghai stays on its first date), a void
// that found its registration counts the registration, and only content the service lacks is sent.

import { describe, expect, it } from 'vitest';
import { businessDateOf } from '../../../domain/business-date.ts';
import { dayReportsOf, isExpiredDate, reportKey, reportsToSend, tallyOf, dayReportDaysKept } from './day-report.ts';
import type { OutboxEntry, WriteTally } from './types.ts';

const shanghai = (local: string) => Date.parse(`${local}+08:00`);

function entry(fields: Partial<OutboxEntry>): OutboxEntry {
  return {
    id: 'E1', kioskSeq: 1, operation: 'check-out', path: '/api/v1/check-outs', body: { occurredAt: new Date(shanghai('2026-04-01T10:00:00')).toISOString() },
    isBodyInMemory: false, personId: 'P1', debit: null, isOffline: false, state: 'done', attempts: 0, nextAttemptMs: 0, lastCode: '201', createdAtMs: 0, response: null,
    ...fields,
  };
}
const ledgerAnswer = (kind: string, businessDate: string, time: number, points: number) => ({ credited: {}, ledger: { kind, businessDate, moved: { time, points } } });
const tally = (id: string, kioskSeq: number, kind: string, businessDate: string, time = 0, points = 0): WriteTally => ({ id, kioskSeq, kind, businessDate, time, points });

describe('tallyOf', () => {
  it('takes kind, business date and value moved from the answer of an acknowledged write', () => {
    expect(tallyOf(entry({ id: 'E7', kioskSeq: 7, response: ledgerAnswer('check_out', '2026-04-01', 60, 10) }))).toEqual(tally('E7', 7, 'check_out', '2026-04-01', 60, 10));
  });

  it('counts nothing for a pending write, a final rejection or an answer without a ledger field', () => {
    expect(tallyOf(entry({ state: 'pending', response: null }))).toBeNull();
    expect(tallyOf(entry({ state: 'rejected', lastCode: 'insufficient_balance', response: null }))).toBeNull();
    expect(tallyOf(entry({ response: { attendanceId: 'A1' } }))).toBeNull();
    expect(tallyOf(entry({ response: { ledger: { kind: 'check_out', businessDate: '2026-04-01', moved: { time: -1, points: 0 } } } }))).toBeNull();
  });

  it('keeps the first date of a queued write the service re-dated, although it was acknowledged after midnight', () => {
    const occurredAtMs = shanghai('2026-04-01T23:58:00');
    expect(businessDateOf(occurredAtMs)).toBe('2026-04-01');
    const late = entry({ body: { occurredAt: new Date(occurredAtMs).toISOString() }, createdAtMs: shanghai('2026-04-02T00:05:00'), response: ledgerAnswer('redemption', businessDateOf(occurredAtMs), 0, 5) });
    expect(tallyOf(late)?.businessDate).toBe('2026-04-01');
  });

  it('counts the registration a void found (voided:false, posted) under the registration id, on its Shanghai date', () => {
    // 16:00:30 UTC is 00:00:30 the next day in Asia/Shanghai.
    const body = { occurredAt: '2026-04-01T16:00:30.000Z' };
    const found = entry({ id: 'V1', kioskSeq: 4, operation: 'sequence-void', body, response: { voided: false, kioskSeq: 4, transactionId: 'R1', kind: 'registration', status: 'posted', code: null } });
    expect(tallyOf(found)).toEqual(tally('R1', 4, 'registration', '2026-04-02'));
    expect(tallyOf({ ...found, response: { voided: false, kioskSeq: 4, transactionId: 'R1', kind: 'registration', status: 'rejected', code: 'already_registered' } })).toBeNull();
    expect(tallyOf({ ...found, response: { voided: true, transactionId: 'V1', ...ledgerAnswer('sequence_void', '2026-04-02', 0, 0) } })).toEqual(tally('V1', 4, 'sequence_void', '2026-04-02'));
  });
});

describe('dayReportsOf', () => {
  it('counts per date and kind, with the highest acknowledged kioskSeq of the date, oldest date first', () => {
    const reports = dayReportsOf([tally('A', 3, 'check_out', '2026-04-02', 30, 5), tally('B', 1, 'check_in', '2026-04-01'), tally('C', 2, 'check_out', '2026-04-01', 60, 10), tally('D', 4, 'check_out', '2026-04-02', 15, 2)]);
    expect(reports).toEqual([
      { businessDate: '2026-04-01', lastKioskSeq: 2, counters: { check_in: { count: 1, time: 0, points: 0 }, check_out: { count: 1, time: 60, points: 10 } } },
      { businessDate: '2026-04-02', lastKioskSeq: 4, counters: { check_out: { count: 2, time: 45, points: 7 } } },
    ]);
  });

  it('counts a write acknowledged twice (201, then 200 on a resend) once: tallies are keyed by id', () => {
    const byId = new Map<string, WriteTally>();
    for (const acknowledged of [tally('A', 1, 'check_out', '2026-04-01', 60, 10), tally('A', 1, 'check_out', '2026-04-01', 60, 10)]) byId.set(acknowledged.id, acknowledged);
    expect(dayReportsOf(byId.values())[0]?.counters).toEqual({ check_out: { count: 1, time: 60, points: 10 } });
  });
});

describe('reportsToSend', () => {
  const [first, second] = dayReportsOf([tally('B', 1, 'check_in', '2026-04-01'), tally('A', 2, 'check_in', '2026-04-02')]) as [ReturnType<typeof dayReportsOf>[number], ReturnType<typeof dayReportsOf>[number]];

  it('sends what the service lacks and not what it already took', () => {
    expect(reportsToSend([first, second], {}, '2026-04-02', false)).toEqual([first, second]);
    const log = { '2026-04-01': { sentKey: reportKey(first), isClosed: false, lastCode: null }, '2026-04-02': { sentKey: reportKey(second), isClosed: false, lastCode: null } };
    expect(reportsToSend([first, second], log, '2026-04-02', false)).toEqual([]);
    const grown = dayReportsOf([tally('B', 1, 'check_in', '2026-04-01'), tally('C', 3, 'check_in', '2026-04-01'), tally('A', 2, 'check_in', '2026-04-02')]);
    expect(reportsToSend(grown, log, '2026-04-02', false).map((report) => report.businessDate)).toEqual(['2026-04-01']);
  });

  it('repeats only today on a timer turn and never a closed date', () => {
    const log = { '2026-04-01': { sentKey: reportKey(first), isClosed: false, lastCode: null }, '2026-04-02': { sentKey: reportKey(second), isClosed: false, lastCode: null } };
    expect(reportsToSend([first, second], log, '2026-04-02', true)).toEqual([second]);
    const closed = { '2026-04-01': { sentKey: null, isClosed: true, lastCode: 'already_closed' } };
    expect(reportsToSend([first], closed, '2026-04-02', false)).toEqual([]);
  });
});

describe('isExpiredDate', () => {
  it(`drops dates more than ${dayReportDaysKept} days old and keeps the one at the limit`, () => {
    const nowMs = shanghai('2026-06-02T12:00:00');
    expect(isExpiredDate('2026-04-01', nowMs)).toBe(false);
    expect(isExpiredDate('2026-03-31', nowMs)).toBe(true);
  });
});
