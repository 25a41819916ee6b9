// Proves the outbox sends its day reports only with nothing pending and never inside a resident's submit; counts a
// write acknowledged twice once, a rejection never and a 待同步 write once acknowledged; retries an unanswered report
// on the next turn; repeats today's on the timer; stops a date at 409 already_closed; keeps tallies past pruning and restarts.

import { describe, expect, it } from 'vitest';
import { createIdGenerator } from '../../../domain/ids.ts';
import { dayReportPath } from './day-report.ts';
import { dayReportIntervalMs } from './day-reporter.ts';
import { createMemoryStore } from './memory-store.ts';
import { createOutbox, doneEntriesKept, type Draft } from './outbox.ts';
import type { SendResult } from './types.ts';
import { manualClock, scriptedTransport, type Call } from './scripted-transport.ts';

// 2026-04-01 10:00 in Asia/Shanghai.
const startMs = Date.parse('2026-04-01T10:00:00+08:00');

function setup(answer: (call: Call) => SendResult | 'network') {
  const { calls, transport } = scriptedTransport(answer);
  const store = createMemoryStore();
  const clock = manualClock(startMs);
  const make = () => createOutbox({ store, transport, nextId: createIdGenerator(clock.now, (n) => new Uint8Array(n).fill(3)), nowMs: clock.now, random01: () => 0 });
  const reports = () => calls.filter((call) => call.path === dayReportPath).map((call) => call.body);
  return { calls, store, clock, make, reports };
}

const checkOut = (personId: string): Draft => ({ operation: 'check-out', path: '/api/v1/check-outs', fields: { personId, activityId: 'A1' }, personId });
const posted = (status = 201): SendResult => ({ status, body: { minutes: 60, ledger: { kind: 'check_out', businessDate: '2026-04-01', moved: { time: 60, points: 10 } } } });
const accepted: SendResult = { status: 201, body: { accepted: true } };

describe('day reports from the outbox', () => {
  it('sends nothing inside submit and the day report on the next drain with nothing pending', async () => {
    const { make, reports } = setup((call) => (call.path === dayReportPath ? accepted : posted()));
    const outbox = await make();
    expect((await outbox.submit(checkOut('P1'))).status).toBe('done');
    expect(reports()).toEqual([]);
    await outbox.drain();
    expect(reports()).toEqual([{ businessDate: '2026-04-01', lastKioskSeq: 1, counters: { check_out: { count: 1, time: 60, points: 10 } } }]);
    await outbox.drain();
    expect(reports()).toHaveLength(1);
    expect(outbox.dayReports()['2026-04-01']).toMatchObject({ isClosed: false, lastCode: null });
  });

  it('counts a write whose 201 was lost and whose resend answered 200 once, and a final rejection not at all', async () => {
    let writes = 0;
    const { clock, make, reports } = setup((call) => {
      if (call.path === dayReportPath) return accepted;
      writes++;
      if (call.body.personId === 'P2') return { status: 409, body: { code: 'insufficient_balance' } };
      return writes === 1 ? 'network' : posted(writes === 2 ? 200 : 201);
    });
    const outbox = await make();
    expect((await outbox.submit(checkOut('P1'))).status).toBe('queued');
    await outbox.drain();
    expect(reports()).toEqual([]);
    clock.advance(5_000);
    await outbox.drain();
    expect((await outbox.submit(checkOut('P2'))).status).toBe('rejected');
    await outbox.drain();
    expect(reports().at(-1)).toEqual({ businessDate: '2026-04-01', lastKioskSeq: 1, counters: { check_out: { count: 1, time: 60, points: 10 } } });
  });

  it('retries an unanswered report on the next turn and repeats today only when the timer is due', async () => {
    let isReportUp = false;
    const { clock, make, reports } = setup((call) => (call.path !== dayReportPath ? posted() : isReportUp ? accepted : 'network'));
    const outbox = await make();
    await outbox.submit(checkOut('P1'));
    await outbox.drain();
    expect(reports()).toHaveLength(1);
    isReportUp = true;
    await outbox.drain();
    expect(reports()).toHaveLength(2);
    clock.advance(dayReportIntervalMs - 1);
    await outbox.drain();
    expect(reports()).toHaveLength(2);
    clock.advance(1);
    await outbox.drain();
    expect(reports()).toHaveLength(3);
  });

  it('ends a date at 409 already_closed: its tallies are dropped and it is never sent again', async () => {
    const { clock, make, reports, store } = setup((call) => (call.path === dayReportPath ? { status: 409, body: { code: 'already_closed' } } : posted()));
    const outbox = await make();
    await outbox.submit(checkOut('P1'));
    await outbox.drain();
    expect(outbox.dayReports()['2026-04-01']).toMatchObject({ isClosed: true, lastCode: 'already_closed' });
    expect(store.snapshot().tallies).toEqual([]);
    clock.advance(dayReportIntervalMs);
    await outbox.drain();
    expect(reports()).toHaveLength(1);
    expect(store.snapshot().dayReports['2026-04-01']?.isClosed).toBe(true);
  });

  it(`keeps every tally past the ${doneEntriesKept} done entries kept and across a restart`, async () => {
    const { make, reports, store } = setup((call) => (call.path === dayReportPath ? { status: 503, body: { code: 'unavailable' } } : posted()));
    const outbox = await make();
    for (let index = 0; index < doneEntriesKept + 5; index++) await outbox.submit(checkOut(`P${index}`));
    expect(store.snapshot().entries).toHaveLength(doneEntriesKept);
    expect(store.snapshot().tallies).toHaveLength(doneEntriesKept + 5);
    const restarted = await make();
    await restarted.drain();
    expect(reports().at(-1)).toMatchObject({ lastKioskSeq: doneEntriesKept + 5, counters: { check_out: { count: doneEntriesKept + 5, time: 60 * (doneEntriesKept + 5) } } });
    for (const tally of store.snapshot().tallies) expect(Object.keys(tally).sort()).toEqual(['businessDate', 'id', 'kind', 'kioskSeq', 'points', 'time']);
  });
});
