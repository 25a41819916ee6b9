// Proves the kiosk flow machine: every flow from identification to receipt, the idle wipe, and that
// registration sends nothing before consent. Effects are asserted as data; nothing here does I/O.
import { describe, expect, it } from 'vitest';
import { initialFlowState, next } from './machine.ts';
import type { Activity, CardData, Effect, FlowEvent, FlowState, Receipt, Resident, Service } from './types.ts';
import { defaultFlowConfig } from './types.ts';

const startMs = Date.UTC(2026, 4, 12, 2, 0, 0);
const card: CardData = { idNumber: '11010519491231002X', name: '张三', birthDate: '19491231' };
const resident: Resident = {
  person: { id: 'P1', volunteerNo: 'V0001', displayName: '张*', age: 76 },
  balances: { time: 300, points: 50 },
  openAttendances: [],
};
const activities: Activity[] = [
  { id: 'A1', title: '助老理发', startsAt: '2026-05-12T09:00:00+08:00', endsAt: '2026-05-12T11:00:00+08:00' },
  { id: 'A2', title: '社区清扫', startsAt: '2026-05-12T14:00:00+08:00', endsAt: '2026-05-12T16:00:00+08:00' },
];
const receipt: Receipt = { kioskId: 'K1', kioskSeq: 7, ledgerSeq: 40, kind: 'check_in', occurredAt: '2026-05-12T10:00:00+08:00', stationName: '幸福里服务站', lines: ['助老理发'], verifyUrl: 'http://x/v/K1/7' };

function run(events: FlowEvent[], state: FlowState = initialFlowState(startMs), stepMs = 1000) {
  let nowMs = startMs;
  const effects: Effect[] = [];
  for (const event of events) {
    nowMs += stepMs;
    const transition = next(state, event, nowMs);
    state = transition.state;
    effects.push(...transition.effects);
  }
  return { state, effects, nowMs };
}

const kinds = (effects: Effect[]) => effects.map((effect) => effect.kind).filter((kind) => kind !== 'speak');

describe('check-in', () => {
  it('goes identify → choose activity → confirm → submit → print for a card tap after 签到', () => {
    const { state, effects } = run([
      { type: 'intent', intent: 'check-in' },
      { type: 'card', card },
      { type: 'identified', resident },
      { type: 'activities-loaded', activities },
      { type: 'choose-activity', activityId: 'A1' },
      { type: 'confirm' },
      { type: 'submitted', outcome: { status: 'done', receipt } },
    ]);
    expect(kinds(effects)).toEqual(['identify', 'load-activities', 'submit', 'print']);
    expect(effects).toContainEqual({ kind: 'submit', operation: { kind: 'check-in', personId: 'P1', activityId: 'A1' } });
    expect(state.view).toMatchObject({ screen: 'checked-in', activity: { title: '助老理发' }, isQueued: false });
  });

  it('hides activities the resident is already checked in to, and says so when none is left', () => {
    const busy = { ...resident, openAttendances: [{ attendanceId: 'T1', activityId: 'A1', checkedInAt: 'x' }] };
    const { state } = run([{ type: 'intent', intent: 'check-in' }, { type: 'scan', text: 'LL1.V0001.sig' }, { type: 'identified', resident: busy }, { type: 'activities-loaded', activities }]);
    expect(state.view).toMatchObject({ screen: 'activities', activities: [{ id: 'A2' }] });
    const none = run([{ type: 'intent', intent: 'check-in' }, { type: 'card', card }, { type: 'identified', resident: busy }, { type: 'activities-loaded', activities: activities.slice(0, 1) }]);
    expect(none.state.view).toMatchObject({ screen: 'message', code: 'no_activities' });
  });

  it('marks a queued check-in and prints its receipt as pending (待同步)', () => {
    const { state, effects } = run([
      { type: 'intent', intent: 'check-in' }, { type: 'card', card }, { type: 'identified', resident },
      { type: 'activities-loaded', activities }, { type: 'choose-activity', activityId: 'A2' }, { type: 'confirm' },
      { type: 'submitted', outcome: { status: 'queued', receipt: { ...receipt, ledgerSeq: null } } },
    ]);
    expect(state.view).toMatchObject({ screen: 'checked-in', isQueued: true });
    expect(effects).toContainEqual({ kind: 'print', receipt: { ...receipt, ledgerSeq: null }, isQueued: true });
  });
});

describe('check-out', () => {
  const checkedIn = { ...resident, openAttendances: [{ attendanceId: 'T1', activityId: 'A1', checkedInAt: '2026-05-12T09:00:00+08:00' }] };
  it('submits the only open attendance at once and shows minutes, credits and new balances', () => {
    const result = { minutes: 90, credited: { time: 90, points: 15 }, balances: { time: 390, points: 65 } };
    const { state, effects } = run([
      { type: 'intent', intent: 'check-out' }, { type: 'card', card }, { type: 'identified', resident: checkedIn },
      { type: 'submitted', outcome: { status: 'done', receipt, checkOut: result } },
    ]);
    expect(effects).toContainEqual({ kind: 'submit', operation: { kind: 'check-out', personId: 'P1', activityId: 'A1' } });
    expect(state.view).toMatchObject({ screen: 'checked-out', result });
  });

  it('asks which activity when two are open, and refuses one that is not open', () => {
    const twice = { ...resident, openAttendances: [...checkedIn.openAttendances, { attendanceId: 'T2', activityId: 'A2', checkedInAt: 'x' }] };
    const start = run([{ type: 'intent', intent: 'check-out' }, { type: 'card', card }, { type: 'identified', resident: twice }, { type: 'activities-loaded', activities }]);
    expect(start.state.view.screen).toBe('open-attendances');
    expect(next(start.state, { type: 'choose-activity', activityId: 'A9' }, start.nowMs).effects).toEqual([]);
    const chosen = next(start.state, { type: 'choose-activity', activityId: 'A2' }, start.nowMs);
    expect(chosen.effects).toContainEqual({ kind: 'submit', operation: { kind: 'check-out', personId: 'P1', activityId: 'A2' } });
  });

  it('says there is nothing to check out of (no_open_attendance)', () => {
    const { state, effects } = run([{ type: 'intent', intent: 'check-out' }, { type: 'card', card }, { type: 'identified', resident }]);
    expect(state.view).toMatchObject({ screen: 'message', code: 'no_open_attendance' });
    expect(kinds(effects)).toEqual(['identify']);
  });
});

describe('query (查询)', () => {
  it('loads recent entries and prints a statement on request', () => {
    const entries = [{ ledgerSeq: 3, kind: 'check_out', occurredAt: 'x', time: 60, points: 10 }];
    const { state, effects } = run([{ type: 'card', card }, { type: 'identified', resident }, { type: 'intent', intent: 'query' }, { type: 'history-loaded', entries }, { type: 'print-statement' }]);
    expect(kinds(effects)).toEqual(['identify', 'load-history', 'print-statement']);
    expect(state.view).toMatchObject({ screen: 'statement', entries });
  });

  it('prints the member QR from the menu', () => {
    const { effects } = run([{ type: 'card', card }, { type: 'identified', resident }, { type: 'print-member-qr' }]);
    expect(effects).toContainEqual({ kind: 'print-member-qr', person: resident.person });
  });
});

describe('redeem (兑换)', () => {
  const services: Service[] = [
    { id: 'S1', name: '理发', asset: 'points', price: 20 },
    { id: 'S2', name: '助浴', asset: 'time', price: 600 },
    { id: 'S3', name: '上门陪诊', asset: 'time', price: 60, minAge: 80 },
  ];
  it('lists services the resident is old enough for, refuses unaffordable ones, and submits with the last seen balance', () => {
    const { state, effects } = run([
      { type: 'intent', intent: 'redeem' }, { type: 'card', card }, { type: 'identified', resident }, { type: 'services-loaded', services },
      { type: 'choose-service', serviceId: 'S2' },
    ]);
    expect(state.view).toMatchObject({ screen: 'services', services: [{ id: 'S1' }, { id: 'S2' }] });
    const confirmed = run([{ type: 'choose-service', serviceId: 'S1' }, { type: 'confirm' }, { type: 'submitted', outcome: { status: 'done', receipt, redemption: { pickupCode: '4821', balances: { time: 300, points: 30 } } } }], state);
    expect(confirmed.effects).toContainEqual({ kind: 'submit', operation: { kind: 'redemption', personId: 'P1', serviceId: 'S1', asset: 'points', price: 20, lastSeenBalance: 50 } });
    expect(confirmed.state.view).toMatchObject({ screen: 'redeemed', result: { pickupCode: '4821' } });
    expect(kinds(effects)).toEqual(['identify', 'load-services']);
  });

  it('shows a rejection by its code (offline_limit_exceeded)', () => {
    const { state } = run([
      { type: 'intent', intent: 'redeem' }, { type: 'card', card }, { type: 'identified', resident }, { type: 'services-loaded', services },
      { type: 'choose-service', serviceId: 'S1' }, { type: 'confirm' }, { type: 'submitted', outcome: { status: 'rejected', code: 'offline_limit_exceeded' } },
    ]);
    expect(state.view).toMatchObject({ screen: 'message', code: 'rejected', detail: 'offline_limit_exceeded' });
  });
});

describe('keypad path', () => {
  const type = (digits: string): FlowEvent[] => [...digits].map((digit) => ({ type: 'digit', digit }));
  it('identifies by phone and birth year, and rejects a wrong answer (check_answer_wrong)', () => {
    const events: FlowEvent[] = [{ type: 'keypad', intent: 'query' }, ...type('13812345678'), { type: 'enter' }, ...type('1949'), { type: 'enter' }];
    const { state, effects } = run(events);
    expect(effects).toContainEqual({ kind: 'identify', request: { phone: '13812345678', birthYear: 1949 } });
    expect(next(state, { type: 'identified', resident }, startMs).state.view.screen).toBe('statement');
    const wrong = next(state, { type: 'identified', resident: { ...resident, person: { ...resident.person, age: 40 } } }, startMs);
    expect(wrong.state.view).toMatchObject({ screen: 'message', code: 'check_answer_wrong' });
  });

  it('accepts at most 11 phone digits and will not go on with a number that is not a mobile number', () => {
    const { state } = run([{ type: 'keypad', intent: null }, ...type('1381234567899'), { type: 'enter' }]);
    expect(state.view).toMatchObject({ screen: 'check-question', phone: '13812345678' });
    const short = run([{ type: 'keypad', intent: null }, ...type('2381234567'), { type: 'enter' }]);
    expect(short.state.view).toMatchObject({ screen: 'phone', digits: '2381234567' });
  });
});

describe('registration (注册)', () => {
  const type = (digits: string): FlowEvent[] => [...digits].map((digit) => ({ type: 'digit', digit }));

  it('sends nothing until 同意 and the phone step, then submits the card with the consent version', () => {
    const before = run([{ type: 'intent', intent: 'register' }, { type: 'card', card }, { type: 'touch' }, { type: 'tick' }]);
    expect(before.state.view.screen).toBe('consent');
    expect(kinds(before.effects)).toEqual([]);
    const agreed = next(before.state, { type: 'agree' }, before.nowMs);
    expect(agreed.state.view).toEqual({ screen: 'register-phone', card, digits: '' });
    expect(kinds(agreed.effects)).toEqual([]);
    const skipped = next(agreed.state, { type: 'skip' }, before.nowMs);
    expect(skipped.effects).toContainEqual({ kind: 'submit', operation: { kind: 'registration', card, phone: null, consentVersion: defaultFlowConfig.consentVersion } });
  });

  it('sends the optional mobile number with the registration once all 11 digits are typed', () => {
    const typed = run([{ type: 'intent', intent: 'register' }, { type: 'card', card }, { type: 'agree' }, ...type('1391234567')]);
    expect(next(typed.state, { type: 'enter' }, typed.nowMs).effects).toEqual([]);
    const whole = run([...type('89'), { type: 'backspace' }, ...type('8'), { type: 'enter' }], typed.state);
    expect(whole.effects).toContainEqual({ kind: 'submit', operation: { kind: 'registration', card, phone: '13912345678', consentVersion: defaultFlowConfig.consentVersion } });
  });

  it('keeps at most 11 digits, goes back to the consent text, and wipes card and phone when left idle', () => {
    const typed = run([{ type: 'intent', intent: 'register' }, { type: 'card', card }, { type: 'agree' }, ...type('139123456789')]);
    expect(typed.state.view).toMatchObject({ screen: 'register-phone', digits: '13912345678' });
    expect(next(typed.state, { type: 'back' }, typed.nowMs).state.view).toEqual({ screen: 'consent', card });
    const wiped = next(typed.state, { type: 'tick' }, typed.nowMs + defaultFlowConfig.idleTimeoutMs);
    expect(wiped.state.view).toEqual({ screen: 'attract', intent: null });
    expect(JSON.stringify(wiped.state)).not.toContain('13912345678');
  });

  it('declining returns to the attract screen, wipes, and sends nothing', () => {
    const { state, effects } = run([{ type: 'intent', intent: 'register' }, { type: 'card', card }, { type: 'back' }]);
    expect(state.view).toEqual({ screen: 'attract', intent: null });
    expect(kinds(effects)).toEqual(['wipe']);
  });

  it('offers registration for an unknown card and keeps the card only in memory until consent', () => {
    const { state, effects } = run([{ type: 'card', card }, { type: 'identify-failed', code: 'person_not_found' }, { type: 'intent', intent: 'register' }]);
    expect(state.view).toEqual({ screen: 'consent', card });
    expect(kinds(effects)).toEqual(['identify']);
  });

  it('refuses self-registration under 14 (under_14), and allows it on the 14th birthday', () => {
    const child = { ...card, birthDate: '20120513' };
    expect(run([{ type: 'intent', intent: 'register' }, { type: 'card', card: child }]).state.view).toMatchObject({ screen: 'message', code: 'under_14' });
    const fourteen = { ...card, birthDate: '20120512' };
    expect(run([{ type: 'intent', intent: 'register' }, { type: 'card', card: fourteen }]).state.view.screen).toBe('consent');
  });
});

describe('idle timeout', () => {
  it('returns to the attract screen after 45 s without input and wipes the resident from memory', () => {
    const { state, nowMs } = run([{ type: 'card', card }, { type: 'identified', resident }]);
    const early = next(state, { type: 'tick' }, nowMs + defaultFlowConfig.idleTimeoutMs - 1);
    expect(early.state.view.screen).toBe('menu');
    const late = next(state, { type: 'tick' }, nowMs + defaultFlowConfig.idleTimeoutMs);
    expect(late.state.view).toEqual({ screen: 'attract', intent: null });
    expect(late.effects).toEqual([{ kind: 'wipe' }]);
    expect(JSON.stringify(late.state)).not.toContain('张');
  });

  it('wipes a consent screen holding a card, and a touch restarts the countdown', () => {
    const { state, nowMs } = run([{ type: 'intent', intent: 'register' }, { type: 'card', card }]);
    const touched = next(state, { type: 'touch' }, nowMs + 40_000).state;
    expect(next(touched, { type: 'tick' }, nowMs + 50_000).state.view.screen).toBe('consent');
    const wiped = next(touched, { type: 'tick' }, nowMs + 85_000).state;
    expect(JSON.stringify(wiped)).not.toContain(card.idNumber);
  });

  it('does not interrupt a write whose answer is on its way', () => {
    const { state, nowMs } = run([{ type: 'intent', intent: 'check-in' }, { type: 'card', card }, { type: 'identified', resident }, { type: 'activities-loaded', activities }, { type: 'choose-activity', activityId: 'A1' }, { type: 'confirm' }]);
    expect(next(state, { type: 'tick' }, nowMs + 60_000).state.view.screen).toBe('working');
  });

  it('drops a second card tap while the first is being identified', () => {
    const { state, effects } = run([{ type: 'card', card }, { type: 'card', card: { ...card, idNumber: 'X' } }]);
    expect(kinds(effects)).toEqual(['identify']);
    expect(state.view).toMatchObject({ screen: 'identifying', card });
  });
});
