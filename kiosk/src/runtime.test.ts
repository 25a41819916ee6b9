// Proves the runtime carries out the flow's effects: identify answers reach the screen, an answer that arrives
// after the idle wipe is dropped, a write's receipt is printed, and the wipe clears what lives outside the state.
import { describe, expect, it } from 'vitest';
import { createRuntime, type RuntimeDeps } from './runtime.ts';
import type { PrintJob } from './devices/print-job.ts';
import type { Resident } from './flow/types.ts';
import { createCacheKey, createMemoryResidentStore, createResidentCache } from './outbox/resident-cache.ts';

const resident: Resident = { person: { id: 'P1', volunteerNo: 'V1', displayName: '李*例', age: 70 }, balances: { time: 60, points: 10 }, openAttendances: [] };
const card = { idNumber: '310104195512310026', name: '李样例' };

function setup(overrides: Partial<RuntimeDeps> = {}) {
  let nowMs = 1_750_000_000_000;
  const printed: PrintJob[] = [];
  let wipes = 0;
  let answerIdentify: (value: { ok: true; resident: Resident }) => void = () => undefined;
  const deps: RuntimeDeps = {
    api: {
      identify: () => new Promise((resolve) => { answerIdentify = resolve; }),
      activities: async () => [{ id: 'A1', title: '助老理发', startsAt: '2026-05-12T09:00:00+08:00', endsAt: '2026-05-12T11:00:00+08:00' }],
      services: async () => [],
      history: async () => [],
      memberQr: async () => null,
    },
    outbox: { submit: async (draft) => ({ status: 'done', entry: null as never, response: { attendanceId: 'T1', receipt: { kioskId: 'K1', kioskSeq: 1, ledgerSeq: 5, kind: 'check_in', occurredAt: 'x', stationName: 's', lines: [String(draft.fields.activityId)], verifyUrl: 'v' } } }) },
    print: async (job) => { printed.push(job); return true; },
    speak: () => undefined,
    clearResident: () => { wipes += 1; },
    kioskId: 'K1',
    baseUrl: 'http://127.0.0.1',
    stationName: () => '幸福里',
    nowMs: () => nowMs,
    ...overrides,
  };
  const runtime = createRuntime(deps);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { runtime, printed, wipes: () => wipes, answer: (value: Resident) => answerIdentify({ ok: true, resident: value }), advance: (ms: number) => { nowMs += ms; }, settle };
}

describe('createRuntime', () => {
  it('checks in end to end and prints the service receipt', async () => {
    const { runtime, printed, answer, settle } = setup();
    runtime.dispatch({ type: 'intent', intent: 'check-in' });
    runtime.dispatch({ type: 'card', card });
    answer(resident);
    await settle();
    runtime.dispatch({ type: 'choose-activity', activityId: 'A1' });
    runtime.dispatch({ type: 'confirm' });
    await settle();
    expect(runtime.state().view.screen).toBe('checked-in');
    expect(printed).toMatchObject([{ kind: 'receipt', isQueued: false, receipt: { ledgerSeq: 5, lines: ['A1'] } }]);
    expect(runtime.lastReceipt()?.receipt.ledgerSeq).toBe(5);
  });

  it('drops an identify answer that arrives after the idle wipe', async () => {
    const { runtime, answer, advance, settle, wipes } = setup();
    runtime.dispatch({ type: 'card', card });
    runtime.dispatch({ type: 'back' });
    expect(runtime.state().view.screen).toBe('identifying');
    runtime.dispatch({ type: 'finish' });
    expect(wipes()).toBe(1);
    runtime.dispatch({ type: 'intent', intent: 'query' });
    advance(1_000);
    answer(resident);
    await settle();
    expect(runtime.state().view).toEqual({ screen: 'attract', intent: 'query' });
  });

  it('identifies a resident seen before from the pseudonymous cache when the network is down', async () => {
    const cache = createResidentCache(createMemoryResidentStore(), await createCacheKey());
    await cache.remember({ card }, resident);
    const offline = setup({ cache, api: { identify: async () => { throw new TypeError('Failed to fetch'); }, activities: async () => [], services: async () => [], history: async () => [], memberQr: async () => null } });
    offline.runtime.dispatch({ type: 'card', card });
    // The cache lookup hashes with WebCrypto (off the main thread): wait for the screen, not for a fixed number of turns.
    await expect.poll(() => offline.runtime.state().view).toMatchObject({ screen: 'menu', resident: { person: { id: 'P1', displayName: 'V1' }, balances: { time: 60 } } });
    offline.runtime.dispatch({ type: 'finish' });
    offline.runtime.dispatch({ type: 'card', card: { idNumber: '110101199003071233', name: '张测试' } });
    await expect.poll(() => offline.runtime.state().view).toMatchObject({ screen: 'message', code: 'identify_failed', detail: 'network_error' });
  });

  it('lists for check-out an activity of an attendance still open from before midnight, and keeps today\'s list for the attract screen', async () => {
    // 00:10 in Shanghai: one attendance began yesterday at 23:10 on an activity that ended 23:50 (still inside its grace), one today.
    const asked: { date: string; days: number | undefined }[] = [];
    const yesterday = { id: 'A0', title: '夜间巡逻', startsAt: '2026-05-11T22:00:00+08:00', endsAt: '2026-05-11T23:50:00+08:00' };
    const today = { id: 'A1', title: '助老理发', startsAt: '2026-05-12T00:00:00+08:00', endsAt: '2026-05-12T11:00:00+08:00' };
    const busy: Resident = { ...resident, openAttendances: [
      { attendanceId: 'T0', activityId: 'A0', checkedInAt: '2026-05-11T23:10:00+08:00' },
      { attendanceId: 'T1', activityId: 'A1', checkedInAt: '2026-05-12T00:05:00+08:00' },
    ] };
    const { runtime, settle } = setup({
      nowMs: () => Date.parse('2026-05-12T00:10:00+08:00'),
      api: {
        identify: async () => ({ ok: true, resident: busy }),
        activities: async (date, days) => { asked.push({ date, days }); return date === '2026-05-11' ? [yesterday, today] : [today]; },
        services: async () => [], history: async () => [], memberQr: async () => null,
      },
    });
    await runtime.refreshActivities();
    runtime.dispatch({ type: 'intent', intent: 'check-out' });
    runtime.dispatch({ type: 'card', card });
    await settle();
    await settle();
    expect(runtime.state().view).toMatchObject({ screen: 'open-attendances', activities: [{ id: 'A0' }, { id: 'A1' }] });
    expect(asked).toEqual([{ date: '2026-05-12', days: undefined }, { date: '2026-05-11', days: 2 }]);
    expect(runtime.activities().map((activity) => activity.id)).toEqual(['A1']);
  });

  it('prints the member QR and tells the menu when it is printed, or that it failed', async () => {
    const { runtime, printed, settle } = setup({ api: { identify: async () => ({ ok: true, resident }), activities: async () => [], services: async () => [], history: async () => [], memberQr: async () => 'LL1.V1.sig' } });
    runtime.dispatch({ type: 'card', card });
    await settle();
    runtime.dispatch({ type: 'print-member-qr' });
    expect(runtime.state().view).toMatchObject({ screen: 'menu', memberQr: 'printing' });
    await settle();
    expect(runtime.state().view).toMatchObject({ screen: 'menu', memberQr: 'printed' });
    expect(printed).toMatchObject([{ kind: 'member-qr', volunteerNo: 'V1', qr: 'LL1.V1.sig' }]);

    const failing = setup({ print: async () => false, api: { identify: async () => ({ ok: true, resident }), activities: async () => [], services: async () => [], history: async () => [], memberQr: async () => 'LL1.V1.sig' } });
    failing.runtime.dispatch({ type: 'card', card });
    await failing.settle();
    failing.runtime.dispatch({ type: 'print-member-qr' });
    await failing.settle();
    expect(failing.runtime.state().view).toMatchObject({ screen: 'menu', memberQr: 'failed' });
  });
});
