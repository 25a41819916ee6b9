// Test support for attendance and ledger routes: the station fixture plus helpers to create activities, register
// people and send kiosk writes with fresh time-ordered ids and the kiosk's next kioskSeq.

import type { AppDeps } from '../../app.ts';
import { createIdGenerator } from '../../../../domain/ids.ts';
import { makeIdNumber } from '../../../../domain/id-number.ts';
import type { TestKiosk } from '../../../../tests/support/kiosk-signer.ts';
import { makeFixture, testPassword, type Fixture } from '../../../../tests/support/station-fixture.ts';

export type AttendanceFixture = Fixture & {
  newId: () => string;
  /** Creates an activity at station A (09:00–11:00 Shanghai on 2026-04-01 unless overridden). */
  activity(overrides?: Record<string, unknown>): Promise<string>;
  /** Registers a person at station A through the staff route; `serial` makes a distinct valid ID number. */
  person(serial: number): Promise<{ id: string; volunteerNo: string; idNumber: string }>;
  /** A signed kiosk write with a fresh id and the kiosk's next kioskSeq; returns the response and what was sent. */
  write(path: string, fields: Record<string, unknown>, kiosk?: TestKiosk): Promise<{ response: Response; body: Record<string, unknown> }>;
  at(isoTime: string): void;
  /** A fresh session token (sessions expire when tests move the clock by hours). */
  login(username: 'admin' | 'manager-a' | 'manager-b' | 'clerk-a' | 'auditor' | 'street'): Promise<string>;
};

export async function makeAttendanceFixture(overrides: Partial<AppDeps> = {}): Promise<AttendanceFixture> {
  const fixture = await makeFixture(overrides);
  const newId = createIdGenerator(() => fixture.clock.nowMs, (count) => crypto.getRandomValues(new Uint8Array(count)));
  const seqs = new Map<string, number>();
  return {
    ...fixture,
    newId,
    at: (isoTime) => { fixture.clock.nowMs = Date.parse(isoTime); },
    async login(username) {
      const response = await fixture.call('POST', '/api/v1/staff/sessions', { body: { username, password: testPassword } });
      if (response.status !== 201) throw new Error(`login ${username}: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async activity(overrides = {}) {
      const response = await fixture.call('POST', '/api/v1/activities', { token: fixture.tokens.managerA, body: {
        stationId: fixture.stationA, title: '助老服务', startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T11:00:00+08:00', ...overrides,
      } });
      if (response.status !== 201) throw new Error(`activity: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { activity: { id: string } }).activity.id;
    },
    async person(serial) {
      const idNumber = makeIdNumber(`110101198001${String(10 + (serial % 18)).padStart(2, '0')}${String(100 + serial).slice(-3)}`);
      const response = await fixture.call('POST', '/api/v1/people', { token: fixture.tokens.clerkA, body: {
        stationId: fixture.stationA, card: { idNumber, name: `测试${serial}` }, consentVersion: 'v1',
      } });
      if (response.status !== 201) throw new Error(`person: ${response.status} ${await response.text()}`);
      const { person } = (await response.json()) as { person: { id: string; volunteerNo: string } };
      return { ...person, idNumber };
    },
    async write(path, fields, kiosk = fixture.kioskA) {
      const kioskSeq = (seqs.get(kiosk.kioskId) ?? 0) + 1;
      seqs.set(kiosk.kioskId, kioskSeq);
      const body = { id: newId(), kioskSeq, occurredAt: new Date(fixture.clock.nowMs).toISOString(), ...fields };
      return { response: await fixture.kioskCall(kiosk, 'POST', path, body), body };
    },
  };
}
