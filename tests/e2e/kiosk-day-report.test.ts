// Proves the kiosk sends its end-of-day counters on its own: after a check-out at the browser kiosk (crediting 60
// minutes and 10 points), its day report reaches the service without any operator action, counting exactly what the
// ledger counts, and a manager's close of the day finds nothing wrong with this kiosk (close check 5).
// Real Chromium, the real service as `npm start` on a temp database, the card reader and printer emulators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoResidentMale } from '../../hardware/card-reader/demo-cards.ts';
import { businessDateOf } from '../../domain/business-date.ts';
import { openKiosk, tapCard, type KioskBrowser } from './support/kiosk-browser.ts';
import { enrollNodeKiosk, type NodeKiosk } from './support/node-kiosk.ts';
import { startStation, type StationServer } from './support/station-server.ts';
import { createEnrollmentCode, logInAdmin, type Staff } from './support/staff-api.ts';

const resident = demoResidentMale;
/** The kiosk's drain timer (every 2 s) runs the report turn once the check-out is acknowledged; a generous margin. */
const reportWaitMs = 30_000;
let station: StationServer;
let staff: Staff;
let kiosk: KioskBrowser;
let nodeKiosk: NodeKiosk;
const dayReports: { status: number; body: { businessDate: string; lastKioskSeq: number; counters: Record<string, { count: number; time: number; points: number }> } }[] = [];

beforeAll(async () => {
  station = await startStation();
  staff = await logInAdmin(station.url, station.adminPassword);
  nodeKiosk = await enrollNodeKiosk(station.url, staff);
  kiosk = await openKiosk();
  kiosk.page.on('response', async (response) => {
    if (!response.url().endsWith('/api/v1/kiosks/day-report')) return;
    dayReports.push({ status: response.status(), body: JSON.parse(response.request().postData() ?? 'null') });
  });
});

afterAll(async () => {
  await kiosk?.close();
  await station?.close();
});

describe('kiosk day report', () => {
  it('reaches the service on its own after a check-out and matches the ledger in the close', async () => {
    const { page } = kiosk;
    const enrollment = await createEnrollmentCode(staff, '日结一体机');
    await page.goto(`${station.url}/kiosk/?enroll=${encodeURIComponent(enrollment.enrollmentCode)}`);
    await page.locator('input[type=password]').fill('1357');
    await page.getByRole('button', { name: '登记' }).click();
    await page.getByRole('button', { name: '签退' }).waitFor({ timeout: 15_000 });

    const person = await staff.call('POST', '/api/v1/people', { stationId: staff.stationId, card: { idNumber: resident.idNumber, name: resident.name }, consentVersion: 'v1' });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const nowMs = Date.now();
    const activity = await staff.call('POST', '/api/v1/activities', {
      stationId: staff.stationId, title: '日结测试活动', startsAt: new Date(nowMs - 2 * 3_600_000).toISOString(), endsAt: new Date(nowMs + 2 * 3_600_000).toISOString(),
      rounding: { mode: 'down', stepMinutes: 15 }, pointsPerHour: 10,
    });
    expect(activity.status).toBe(201);
    // The second kiosk uploads a check-in made 70 minutes ago, so the browser's check-out credits one hour.
    const checkedIn = await nodeKiosk.writeOffline('/api/v1/check-ins', { personId: person.body.person.id, activityId: activity.body.activity.id }, nowMs - 70 * 60_000);
    expect(checkedIn.status, JSON.stringify(checkedIn.body)).toBe(201);

    const checkOutDate = businessDateOf(Date.now());
    await page.getByRole('button', { name: '签退' }).click();
    await tapCard(kiosk, resident);
    // With one open attendance the kiosk checks it out at once, no chooser.
    await page.getByText('签退成功').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '完成' }).click();

    // Nobody touches the kiosk or the admin from here: the report must come by itself.
    await expect.poll(() => dayReports.filter((report) => report.status === 201 && report.body.counters.check_out !== undefined).length, { timeout: reportWaitMs, interval: 1_000 }).toBeGreaterThan(0);
    const sent = dayReports.find((report) => report.status === 201 && report.body.counters.check_out !== undefined)!;
    expect(sent.body).toEqual({ businessDate: checkOutDate, lastKioskSeq: 1, counters: { check_out: { count: 1, time: 60, points: 10 } } });

    const closed = await staff.call('POST', `/api/v1/stations/${staff.stationId}/closes`, { businessDate: checkOutDate });
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    const check = (closed.body.close.checks as { name: string; ok: boolean; detail?: string }[]).find((candidate) => candidate.name === 'kiosk_sequences_and_counters')!;
    // Other kiosks of the demo station (the Node kiosk sends no report) may fail the check; this one must not appear.
    expect(check.detail ?? '').not.toContain(enrollment.kioskId);
  });
});
