// Proves rule 15 over a whole kiosk day on a database file: registration with card and phone, identify by card, QR,
// phone and phone with birth year, check-in, check-out, redemption, booking, gift, statement, member QR, receipt
// checks and the staff pages. No response body or header, no log line and no receipt line carries a full ID number or
// an 11-digit mobile number (only the audited reveal does), and the database file holds neither in plain text.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../domain/id-number.ts';
import { openDatabase, type Database } from './db/client.ts';
import { makeAttendanceFixture, type AttendanceFixture } from './operations/attendance/attendance-fixture.ts';

const fullIdNumber = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const mobileNumber = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
const giver = { idNumber: makeIdNumber('32010219560712002'), name: '周建国', phone: '13905171234' };
const child = { idNumber: makeIdNumber('32010219850303004'), name: '周小梅', phone: '15851234567' };

type Recorded = { label: string; text: string };
let folder: string;
let database: Database;
let f: AttendanceFixture;
const recorded: Recorded[] = [];
const receiptLines: string[][] = [];
const receiptKinds: string[] = [];
let revealText = '';

async function record(label: string, response: Response): Promise<Record<string, any>> {
  const text = await response.clone().text();
  recorded.push({ label, text: `${response.status} ${text} ${JSON.stringify([...response.headers])}` });
  const body = /^\s*[{[]/.test(text) ? (JSON.parse(text) as Record<string, any>) : {};
  if (Array.isArray(body.receipt?.lines)) {
    receiptLines.push(body.receipt.lines as string[]);
    receiptKinds.push(body.receipt.kind as string);
  }
  return body;
}

async function write(label: string, path: string, fields: Record<string, unknown>, status = 201): Promise<Record<string, any>> {
  const { response } = await f.write(path, fields);
  expect(response.status, label).toBe(status);
  return record(label, response);
}

const kioskGet = async (label: string, path: string) => record(label, await f.kioskCall(f.kioskA, 'GET', path));
const kioskIdentify = async (label: string, body: Record<string, unknown>) => record(label, await f.kioskCall(f.kioskA, 'POST', '/api/v1/identify', body));
const staffGet = async (label: string, path: string, token: string) => record(label, await f.call('GET', path, { token }));

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'linli-privacy-'));
  database = await openDatabase({ url: `file:${join(folder, 'day.db')}` });
  f = await makeAttendanceFixture({ database });
  const activityId = await f.activity();
  const manager = f.tokens.managerA;
  const serviceId = (await record('service', await f.call('POST', '/api/v1/services', { token: manager, body: { stationId: f.stationA, name: '理发', asset: 'points', price: 5 } }))).service.id as string;

  // Morning: two residents register at the kiosk with card and phone, and are identified every way.
  const registered = await write('register giver', '/api/v1/people', { card: { idNumber: giver.idNumber, name: giver.name, sex: '男' }, phone: giver.phone, consentVersion: 'v1', workUnit: '区卫健委' });
  const giverId = registered.person.id as string;
  const childId = (await write('register child', '/api/v1/people', { card: { idNumber: child.idNumber, name: child.name }, phone: child.phone, consentVersion: 'v1' })).person.id as string;
  await kioskIdentify('identify card', { card: { idNumber: giver.idNumber } });
  await kioskIdentify('identify qr', { qr: registered.memberQr });
  await kioskIdentify('identify phone', { phone: giver.phone });
  await kioskIdentify('identify phone and year', { phone: giver.phone, birthYear: 1956 });
  await kioskIdentify('identify wrong year', { phone: giver.phone, birthYear: 1957 });
  await kioskIdentify('identify unknown phone', { phone: '13700001111' });
  await record('family link', await f.call('POST', `/api/v1/people/${giverId}/family-links`, { token: manager, body: { relativeId: childId, relation: 'child' } }));

  // Service: check in at 09:00, out at 10:00; then redeem, book, give time and look at the statement.
  await write('check-in', '/api/v1/check-ins', { personId: giverId, activityId });
  f.at('2026-04-01T10:00:00+08:00');
  await write('check-out', '/api/v1/check-outs', { personId: giverId, activityId });
  const redemption = await write('redemption', '/api/v1/redemptions', { personId: giverId, serviceId });
  await write('booking', '/api/v1/bookings', { personId: giverId, serviceId });
  await write('gift', '/api/v1/gifts', { fromPersonId: giverId, toPersonId: childId, minutes: 15 });
  await kioskGet('entries', `/api/v1/people/${giverId}/entries?limit=50`);
  await kioskGet('member qr', `/api/v1/people/${giverId}/member-qr`);
  for (let kioskSeq = 1; kioskSeq <= 8; kioskSeq++) await record(`receipt ${kioskSeq}`, await f.call('GET', `/api/v1/receipts/${f.kioskA.kioskId}/${kioskSeq}`));

  // Evening: staff pages (sessions idle for an hour have expired, so log in again).
  const [clerk, managerToken, auditor] = [await f.login('clerk-a'), await f.login('manager-a'), await f.login('auditor')];
  await staffGet('people', `/api/v1/people?stationId=${f.stationA}`, clerk);
  await staffGet('person', `/api/v1/people/${giverId}`, clerk);
  await staffGet('balances', `/api/v1/people/${giverId}/balances`, clerk);
  await staffGet('pickup', `/api/v1/redemptions/pickup?stationId=${f.stationA}&code=${redemption.pickupCode}`, clerk);
  await staffGet('bookings', `/api/v1/bookings?stationId=${f.stationA}`, clerk);
  await staffGet('feed', '/api/v1/ledger/transactions?afterSeq=0&limit=1000', auditor);
  await staffGet('export', `/api/v1/ledger/export.csv?stationId=${f.stationA}&from=2026-04-01&to=2026-04-01`, managerToken);
  await staffGet('work units', `/api/v1/reports/work-units.csv?stationId=${f.stationA}&from=2026-04-01&to=2026-04-01`, clerk);
  await record('refused reveal', await f.call('POST', `/api/v1/people/${giverId}/reveal`, { token: clerk, body: { reason: '想看看' } }));
  await record('close', await f.call('POST', `/api/v1/stations/${f.stationA}/closes`, { token: managerToken, body: { businessDate: '2026-04-01' } }));
  await staffGet('audit', '/api/v1/audit?limit=1000', auditor);
  revealText = await (await f.call('POST', `/api/v1/people/${giverId}/reveal`, { token: managerToken, body: { reason: '核对身份信息' } })).text();
});

afterAll(() => {
  f.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('a kiosk day leaves no ID number or phone behind', () => {
  it('ran the whole day: check-in, check-out, redemption, booking and gift each answered with a receipt', () => {
    expect(receiptKinds).toEqual(['check_in', 'check_out', 'redemption', 'booking', 'gift']);
    expect(receiptLines.flat().join('\n')).toContain('周*国');
    expect(recorded.length).toBeGreaterThan(35);
  });

  it('puts neither in any response body or header, outside the reveal', () => {
    for (const { label, text } of recorded) {
      expect(text, label).not.toMatch(fullIdNumber);
      expect(text, label).not.toMatch(mobileNumber);
      for (const secret of [giver.name, child.name]) expect(text, label).not.toContain(secret);
    }
  });

  it('puts neither in any receipt line', () => {
    for (const line of receiptLines.flat()) {
      expect(line).not.toMatch(fullIdNumber);
      expect(line).not.toMatch(mobileNumber);
    }
  });

  it('puts neither in any log line', () => {
    const logs = f.logLines.join('\n');
    expect(logs).not.toMatch(fullIdNumber);
    expect(logs).not.toMatch(mobileNumber);
  });

  it('does show them in the reveal, so the scans above would have caught a leak', () => {
    expect(revealText).toMatch(fullIdNumber);
    expect(revealText).toMatch(mobileNumber);
  });

  it('keeps neither in plain text in the database file (WAL checkpointed)', async () => {
    await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    const bytes = Buffer.concat(readdirSync(folder).map((name) => readFileSync(join(folder, name))));
    expect(bytes.includes(Buffer.from('周*国'))).toBe(true);
    for (const person of [giver, child]) {
      for (const secret of [person.idNumber, person.idNumber.slice(0, 17), person.phone, person.phone.slice(3), person.name]) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    }
    const text = bytes.toString('latin1');
    expect(text).not.toMatch(fullIdNumber);
    expect(text).not.toMatch(mobileNumber);
  });
});
