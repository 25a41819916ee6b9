// Times the kiosk in real Chromium against the real service (startServer on a temp database, a local ledger) with
// the card reader and printer emulated byte for byte: last card byte → resident's screen, and 签退 tap → last
// receipt byte at the printer. A Node kiosk of the same station checks the resident in before each round.

import { demoResidentFemale } from '../../hardware/card-reader/demo-cards.ts';
import { decodePrintout } from '../../hardware/printer/printout.ts';
import { openKiosk, type KioskBrowser } from '../../tests/e2e/support/kiosk-browser.ts';
import { startStation } from '../../tests/e2e/support/station-server.ts';
import { createEnrollmentCode, logInAdmin, type Staff } from '../../tests/e2e/support/staff-api.ts';
import type { SerialDelivery } from '../../tests/e2e/support/fake-serial-page.ts';
import { enrollNodeKiosk, type NodeKiosk } from './node-kiosk.ts';
import { installPageProbes, type PageProbes } from './page-probes.ts';
import { cardTapToScreenMs, tapToLastPrintByteMs } from './samples.ts';

export type KioskTimingOptions = { warmUps: number; rounds: number; log: (line: string) => void };
export type KioskTimings = { cardTapToFeedbackMs: number[]; cardTapToScreenMs: number[]; checkOutToReceiptMs: number[] };

const pin = '2468';
/** Long enough for the reader driver (300 ms poll) to see the card gone before the next one is laid on. */
const liftPauseMs = 400;
const stepTimeoutMs = 15_000;
const checkedInBeforeMs = 60 * 60_000;

export async function measureKioskTimings(options: KioskTimingOptions): Promise<KioskTimings> {
  const station = await startStation();
  let kiosk: KioskBrowser | undefined;
  try {
    const staff = await logInAdmin(station.url, station.adminPassword);
    const nodeKiosk = await enrollNodeKiosk(station.url, staff);
    const personId = await registerResident(nodeKiosk);
    const activityIds = await createActivities(staff, options.warmUps + options.rounds);
    kiosk = await openKiosk();
    await enrollBrowserKiosk(kiosk, station.url, staff);
    const timings: KioskTimings = { cardTapToFeedbackMs: [], cardTapToScreenMs: [], checkOutToReceiptMs: [] };
    for (const [index, activityId] of activityIds.entries()) {
      const checkedIn = await nodeKiosk.write('/api/v1/check-ins', { personId, activityId, offline: true }, Date.now() - checkedInBeforeMs);
      if (checkedIn.status !== 201) throw new Error(`check-in failed: ${checkedIn.status} ${JSON.stringify(checkedIn.body)}`);
      const round = await timeRound(kiosk);
      const label = index < options.warmUps ? 'warm-up' : `round ${index - options.warmUps + 1}`;
      options.log(`${label}: card → feedback ${round.feedbackMs.toFixed(1)} ms, card → resident ${round.screenMs.toFixed(1)} ms, 签退 → receipt ${round.receiptMs.toFixed(1)} ms`);
      if (index < options.warmUps) continue;
      timings.cardTapToFeedbackMs.push(round.feedbackMs);
      timings.cardTapToScreenMs.push(round.screenMs);
      timings.checkOutToReceiptMs.push(round.receiptMs);
    }
    return timings;
  } finally {
    await kiosk?.close();
    await station.close();
  }
}

async function registerResident(nodeKiosk: NodeKiosk): Promise<string> {
  const { name, idNumber, birthDate, address } = demoResidentFemale;
  const registered = await nodeKiosk.write('/api/v1/people', { card: { idNumber, name, sex: '女', birthDate, address }, consentVersion: 'kiosk-consent-v1' });
  if (registered.status !== 201) throw new Error(`registration failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  return (registered.body as { person: { id: string } }).person.id;
}

/** One activity per round: at most 3 check-in/check-out pairs per person per activity per day (rule 5). */
async function createActivities(staff: Staff, count: number): Promise<string[]> {
  const nowMs = Date.now();
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const created = await staff.call('POST', '/api/v1/activities', { stationId: staff.stationId, title: `压测活动 ${index + 1}`, startsAt: new Date(nowMs - 2 * checkedInBeforeMs).toISOString(), endsAt: new Date(nowMs + 3 * 3_600_000).toISOString() });
    if (created.status !== 201) throw new Error(`activity failed: ${created.status} ${JSON.stringify(created.body)}`);
    ids.push((created.body as { activity: { id: string } }).activity.id);
  }
  return ids;
}

async function enrollBrowserKiosk(kiosk: KioskBrowser, baseUrl: string, staff: Staff): Promise<void> {
  const { enrollmentCode } = await createEnrollmentCode(staff);
  const { page } = kiosk;
  await page.goto(`${baseUrl}/kiosk/?enroll=${encodeURIComponent(enrollmentCode)}`);
  await page.locator('input[type=password]').fill(pin);
  await page.getByRole('button', { name: '登记' }).click();
  await page.locator('main.screen[data-screen=attract]').waitFor({ timeout: stepTimeoutMs });
  // The device layer loads lazily after the first render; the reader must have answered its first probe.
  await page.waitForFunction(() => (window as unknown as { __linliSerialDeliveries: SerialDelivery[] }).__linliSerialDeliveries.some((delivery) => delivery.port === 0), undefined, { timeout: stepTimeoutMs });
  await page.evaluate(installPageProbes);
}

/** One round from the attract screen: card → menu, 签退 → receipt printed, 完成 → attract. */
async function timeRound(kiosk: KioskBrowser): Promise<{ feedbackMs: number; screenMs: number; receiptMs: number }> {
  const { page, reader, printer } = kiosk;
  kiosk.reader.liftCard();
  await new Promise((resolve) => setTimeout(resolve, liftPauseMs));
  const before = await pageLogSizes(kiosk);
  reader.placeCard(demoResidentFemale);
  await page.locator('main.screen[data-screen=menu]').waitFor({ timeout: stepTimeoutMs });
  const logs = await pageLogsSince(kiosk, before);
  const feedbackMs = cardTapToScreenMs(logs.deliveries, logs.probes.screens, 'identifying');
  const screenMs = cardTapToScreenMs(logs.deliveries, logs.probes.screens, 'menu');
  if (feedbackMs === null || screenMs === null) throw new Error(`no card reply before the screens: ${JSON.stringify(logs.probes.screens)}`);

  printer.clear();
  const writesBefore = kiosk.writes.length;
  await page.getByRole('button', { name: '签退', exact: true }).click();
  await page.locator('main.screen[data-screen=checked-out]').waitFor({ timeout: stepTimeoutMs });
  await waitFor(() => { const printout = decodePrintout(printer.printedBytes()); return printout.cutCount > 0 && printout.lines.some((line) => line.includes('签退')); });
  const printout = decodePrintout(printer.printedBytes());
  if (printout.lines.some((line) => line.includes('待同步'))) throw new Error('the check-out was queued offline: the round does not time a local ledger');
  const after = await pageLogsSince(kiosk, before);
  const tapMs = after.probes.clicks[after.probes.clicks.length - 1];
  const receiptMs = tapMs === undefined ? null : tapToLastPrintByteMs(tapMs, kiosk.writes.slice(writesBefore));
  if (receiptMs === null) throw new Error('no tap or no receipt bytes after it');
  await page.getByRole('button', { name: '完成' }).click();
  await page.locator('main.screen[data-screen=attract]').waitFor({ timeout: stepTimeoutMs });
  return { feedbackMs, screenMs, receiptMs };
}

type LogSizes = { screens: number; clicks: number };

async function pageLogSizes(kiosk: KioskBrowser): Promise<LogSizes> {
  return kiosk.page.evaluate(() => {
    const page = window as unknown as { __benchProbes: PageProbes };
    return { screens: page.__benchProbes.screens.length, clicks: page.__benchProbes.clicks.length };
  });
}

/**
 * The page's screen and tap logs after `before`, and its whole (bounded) delivery log: the last card reply before a
 * screen mark of this round is this round's own.
 */
async function pageLogsSince(kiosk: KioskBrowser, before: LogSizes): Promise<{ deliveries: SerialDelivery[]; probes: PageProbes }> {
  const all = await kiosk.page.evaluate(() => {
    const page = window as unknown as { __benchProbes: PageProbes; __linliSerialDeliveries: SerialDelivery[] };
    return { deliveries: page.__linliSerialDeliveries, probes: page.__benchProbes };
  });
  return { deliveries: all.deliveries, probes: { screens: all.probes.screens.slice(before.screens), clicks: all.probes.clicks.slice(before.clicks) } };
}

async function waitFor(condition: () => boolean, timeoutMs = stepTimeoutMs): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the printer');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
