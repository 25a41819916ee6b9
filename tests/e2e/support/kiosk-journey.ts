// The shared set-up of the kiosk journeys (first phase, offline journeys): the station, staff, a Node kiosk and the
// browser kiosk with its API request log; enrolment through ?enroll=CODE; and the reads both files check receipts,
// screens and the change feed with.

import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { demoResidentFemale } from '../../../hardware/card-reader/demo-cards.ts';
import { decodePrintout, type Printout } from '../../../hardware/printer/printout.ts';
import { openKiosk, type KioskBrowser } from './kiosk-browser.ts';
import { kioskTransactions, openVerifyUrl, receiptPlace } from './ledger-reads.ts';
import { enrollNodeKiosk, type NodeKiosk } from './node-kiosk.ts';
import { createEnrollmentCode, logInAdmin, type Staff } from './staff-api.ts';
import { startStation, type StationServer } from './station-server.ts';

/** `requests`: every API call the browser kiosk makes, as `METHOD /path`, in order. */
export type KioskJourney = { station: StationServer; staff: Staff; nodeKiosk: NodeKiosk; kiosk: KioskBrowser; requests: string[] };

/** The resident whose card both journeys tap, and the maintenance PIN the browser kiosk is enrolled with. */
export const journeyResident = demoResidentFemale;
export const journeyPin = '2468';
/** The title of the activity under way that both journeys check residents in to at the browser kiosk. */
export const readingTitle = '社区读报会（测试）';
/** The Node kiosk checks a resident in this long before the browser kiosk checks them out: 70 min, rounded down to 60. */
export const checkedInBeforeMs = 70 * 60_000;

export async function startKioskJourney(): Promise<KioskJourney> {
  const station = await startStation();
  const staff = await logInAdmin(station.url, station.adminPassword);
  const nodeKiosk = await enrollNodeKiosk(station.url, staff);
  const kiosk = await openKiosk();
  const requests: string[] = [];
  kiosk.page.on('request', (request) => { if (request.url().includes('/api/')) requests.push(`${request.method()} ${new URL(request.url()).pathname}`); });
  return { station, staff, nodeKiosk, kiosk, requests };
}

export async function stopKioskJourney(journey: KioskJourney | undefined): Promise<void> {
  await journey?.kiosk.close();
  await journey?.station.close();
}

/** Makes an enrolment code for the browser kiosk and opens the kiosk with `?enroll=CODE`; the form is left unsent. */
export async function openEnrollment(journey: KioskJourney): Promise<{ kioskId: string; enrollmentCode: string }> {
  const enrollment = await createEnrollmentCode(journey.staff);
  await journey.kiosk.page.goto(`${journey.station.url}/kiosk/?enroll=${encodeURIComponent(enrollment.enrollmentCode)}`);
  return enrollment;
}

/** Sends the open enrolment form with a maintenance PIN and waits for the attract screen. */
export async function completeEnrollment(page: Page, pin: string): Promise<void> {
  await page.locator('input[type=password]').fill(pin);
  await page.getByRole('button', { name: '登记' }).click();
  await page.getByRole('button', { name: '签到' }).waitFor({ timeout: 15_000 });
}

export const printedText = (kiosk: KioskBrowser): string => decodePrintout(kiosk.printer.printedBytes()).lines.join('\n');

/** The kiosk's zh-CN way of showing minutes of `time`. */
export const shownMinutes = (minutes: number): string => `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟`;

/** The balances the kiosk's screen shows now, `time` first. */
export async function shownBalances(kiosk: KioskBrowser): Promise<string[]> {
  return kiosk.page.locator('.balances .balance dd').allTextContents();
}

/** Waits until the printer has cut the receipt, then decodes it; every Chinese byte must have come in Chinese mode. */
export async function receiptPrinted(kiosk: KioskBrowser): Promise<Printout> {
  await expect.poll(() => decodePrintout(kiosk.printer.printedBytes()).cutCount, { timeout: 10_000 }).toBeGreaterThan(0);
  const printout = decodePrintout(kiosk.printer.printedBytes());
  expect(printout.bytesOutsideChineseMode).toBe(0);
  return printout;
}

/** An activity that began 10 minutes ago and runs three more hours, crediting by the station's defaults. */
export async function createActivityUnderWay(staff: Staff, title: string): Promise<string> {
  const nowMs = Date.now();
  const created = await staff.call('POST', '/api/v1/activities', { stationId: staff.stationId, title, startsAt: new Date(nowMs - 10 * 60_000).toISOString(), endsAt: new Date(nowMs + 3 * 3_600_000).toISOString() });
  expect(created.status).toBe(201);
  return created.body.activity.id as string;
}

/** An activity whose window started two hours ago, credited down to 15 minutes at 10 points an hour. */
export async function createEarlierActivity(staff: Staff, title: string): Promise<string> {
  const nowMs = Date.now();
  const created = await staff.call('POST', '/api/v1/activities', {
    stationId: staff.stationId, title, startsAt: new Date(nowMs - 2 * 3_600_000).toISOString(), endsAt: new Date(nowMs + 2 * 3_600_000).toISOString(),
    rounding: { mode: 'down', stepMinutes: 15 }, pointsPerHour: 10,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.activity.id as string;
}

/** The Node kiosk uploads the person's check-in as an offline write that happened `checkedInBeforeMs` ago. */
export async function checkInEarlierElsewhere(nodeKiosk: NodeKiosk, personId: string, activityId: string): Promise<void> {
  const occurredAtMs = Date.now() - checkedInBeforeMs;
  const checkedIn = await nodeKiosk.writeOffline('/api/v1/check-ins', { personId, activityId }, occurredAtMs);
  expect(checkedIn.status, JSON.stringify(checkedIn.body)).toBe(201);
  // The service keeps an offline write at the kiosk's time (to the minute), which is what makes the later credit real.
  expect(Math.abs(Date.parse(checkedIn.body.checkedInAt) - occurredAtMs)).toBeLessThan(60_000);
}

/** Every receipt printed 待同步 so far is exactly one transaction of this kiosk in the change feed, and no kioskSeq repeats. */
export async function expectEachQueuedWriteOnce(staff: Staff, kioskId: string, queuedVerifyUrls: readonly string[]): Promise<void> {
  const written = await kioskTransactions(staff, kioskId);
  const seqs = written.map((transaction) => transaction.kioskSeq);
  expect(new Set(seqs).size).toBe(seqs.length);
  for (const url of queuedVerifyUrls) {
    const place = receiptPlace(url);
    expect(place.kioskId).toBe(kioskId);
    expect(written.filter((transaction) => transaction.kioskSeq === place.kioskSeq), url).toHaveLength(1);
    expect(await openVerifyUrl(url), url).toMatchObject({ status: 200, body: { valid: true } });
  }
}
