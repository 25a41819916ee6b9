// Kiosk browser journeys with the network cut: requests blocked → check-outs and a check-in queued and printed 待同步,
// then drained exactly once each, the receipts verifying and the shown balances equal to the ledger's; the idle wipe; no
// name, ID number or address in any browser storage after the turns; the maintenance screen; English and 长辈模式.
// The kiosk is enrolled with ?enroll=CODE; the resident, an hour already credited and an open attendance at the activity
// under way are made through the staff API and a signing Node kiosk, not by replaying the first phase's screens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpBrowserStorage, personalDataIn, screenshot, tapCard, type KioskBrowser } from './support/kiosk-browser.ts';
import {
  checkInEarlierElsewhere, completeEnrollment, createActivityUnderWay, createEarlierActivity, expectEachQueuedWriteOnce, journeyPin as pin,
  journeyResident as resident, openEnrollment, printedText, readingTitle, receiptPrinted, shownBalances, shownMinutes, startKioskJourney,
  stopKioskJourney, type KioskJourney,
} from './support/kiosk-journey.ts';
import { ledgerBalances, openVerifyUrl } from './support/ledger-reads.ts';
import type { Staff } from './support/staff-api.ts';

let journey: KioskJourney;
let staff: Staff;
let kiosk: KioskBrowser;
let kioskId = '';
let personId = '';
/** Receipts printed 待同步: each must become exactly one ledger transaction once the outbox drains. */
const queuedVerifyUrls: string[] = [];

beforeAll(async () => {
  journey = await startKioskJourney();
  ({ staff, kiosk } = journey);
  kioskId = (await openEnrollment(journey)).kioskId;
  await completeEnrollment(kiosk.page, pin);
  const registered = await staff.call('POST', '/api/v1/people', { stationId: staff.stationId, card: { idNumber: resident.idNumber, name: resident.name, address: resident.address }, consentVersion: 'v1' });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  personId = registered.body.person.id as string;
  // An hour credited earlier at the Node kiosk, so the balances shown after the drain add to something.
  const earlierActivityId = await createEarlierActivity(staff, '长者书法课（测试）');
  await checkInEarlierElsewhere(journey.nodeKiosk, personId, earlierActivityId);
  const checkedOut = await journey.nodeKiosk.writeOffline('/api/v1/check-outs', { personId, activityId: earlierActivityId }, Date.now());
  expect(checkedOut.status, JSON.stringify(checkedOut.body)).toBe(201);
  expect(await ledgerBalances(staff, personId)).toEqual({ time: 60, points: 10 });
  // An attendance left open at the activity under way: the one the offline check-out closes from the kiosk's cache.
  const readingId = await createActivityUnderWay(staff, readingTitle);
  const checkedIn = await journey.nodeKiosk.writeOffline('/api/v1/check-ins', { personId, activityId: readingId }, Date.now());
  expect(checkedIn.status, JSON.stringify(checkedIn.body)).toBe(201);
});

afterAll(() => stopKioskJourney(journey));

describe('kiosk, offline journeys', () => {
  it('queues check-outs while requests are blocked, prints them 待同步, and shows the ledger balances once drained', async () => {
    const { page, context } = kiosk;
    const sortingTitle = '垃圾分类宣传（测试）';
    await checkInEarlierElsewhere(journey.nodeKiosk, personId, await createEarlierActivity(staff, sortingTitle));
    // Identified online with two open attendances; the check-out itself meets the cut network.
    kiosk.printer.clear();
    await page.getByRole('button', { name: '签退' }).click();
    await tapCard(kiosk, resident);
    await page.locator('main[data-screen=open-attendances]').getByRole('button', { name: /垃圾分类宣传/ }).waitFor({ timeout: 15_000 });
    await context.setOffline(true);
    await page.getByRole('button', { name: /垃圾分类宣传/ }).click();
    await page.getByText('待同步').first().waitFor({ timeout: 15_000 });
    await page.getByText(/网络已断开，1 条记录待同步/).waitFor();
    await screenshot(page, '15-check-out-queued');
    let printout = await receiptPrinted(kiosk);
    expect(printout.lines).toContain('【待同步】');
    expect(printout.lines).toContain('业务：签退');
    expect(printout.lines.join('\n')).toContain(sortingTitle);
    const sortingVerifyUrl = printout.qrPayloads.find((payload) => payload.includes('/api/v1/receipts/'))!;
    expect((await openVerifyUrl(sortingVerifyUrl)).status).toBe(404);
    queuedVerifyUrls.push(sortingVerifyUrl);
    await page.getByRole('button', { name: '完成' }).click();

    // Identified from the kiosk's cache while offline: the one attendance left open is checked out at once.
    kiosk.printer.clear();
    await page.getByRole('button', { name: '签退' }).click();
    await tapCard(kiosk, resident);
    await page.getByText(/网络已断开，2 条记录待同步/).waitFor({ timeout: 15_000 });
    await screenshot(page, '16-offline-check-out');
    printout = await receiptPrinted(kiosk);
    expect(printout.lines).toContain('【待同步】');
    expect(printout.lines).toContain('业务：签退');
    queuedVerifyUrls.push(printout.qrPayloads.find((payload) => payload.includes('/api/v1/receipts/'))!);
    expect(await dumpBrowserStorage(page)).toContain('check-out');
    await page.getByRole('button', { name: '完成' }).click();

    await context.setOffline(false);
    await page.getByText(/网络已断开/).waitFor({ state: 'detached', timeout: 70_000 });
    await screenshot(page, '17-drained');
    expect(await openVerifyUrl(sortingVerifyUrl)).toMatchObject({ status: 200, body: { valid: true, kind: 'check_out', amounts: { time: 60, points: 10 } } });
    await expectEachQueuedWriteOnce(staff, kioskId, queuedVerifyUrls);

    const ledger = await ledgerBalances(staff, personId);
    expect(ledger.time).toBeGreaterThanOrEqual(120);
    await page.getByRole('button', { name: '查询' }).click();
    await tapCard(kiosk, resident);
    await page.getByText('余额和最近记录').first().waitFor({ timeout: 15_000 });
    expect(await shownBalances(kiosk)).toEqual([shownMinutes(ledger.time), `${ledger.points} 分`]);
    await screenshot(page, '18-statement-after-drain');
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
  });

  it('checks in while requests are blocked: queued, 待同步 on screen and paper, recorded once when the network is back', async () => {
    const { page, context } = kiosk;
    kiosk.printer.clear();
    await page.getByRole('button', { name: '签到' }).click();
    await tapCard(kiosk, resident);
    const activityButton = page.getByRole('button', { name: /社区读报会/ });
    await activityButton.click({ timeout: 15_000 });
    await context.setOffline(true);
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('待同步').first().waitFor({ timeout: 15_000 });
    await page.getByText(/网络已断开，1 条记录待同步/).waitFor();
    await screenshot(page, '19-check-in-queued');
    const printout = await receiptPrinted(kiosk);
    expect(printout.lines).toContain('【待同步】');
    expect(printout.lines.join('\n')).toContain(readingTitle);
    queuedVerifyUrls.push(printout.qrPayloads.find((payload) => payload.includes('/api/v1/receipts/'))!);
    expect(await dumpBrowserStorage(page)).toContain('check-in');
    await page.getByRole('button', { name: '完成' }).click();
    await context.setOffline(false);
    await page.getByText(/网络已断开/).waitFor({ state: 'detached', timeout: 70_000 });
    await expectEachQueuedWriteOnce(staff, kioskId, queuedVerifyUrls);
  });

  it('wipes the resident from the screen after 45 s without input', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '查询' }).click();
    await tapCard(kiosk, resident);
    await page.getByText('余额和最近记录').first().waitFor({ timeout: 15_000 });
    await page.getByText('余额和最近记录').first().waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByRole('button', { name: '签到' }).waitFor();
    expect(await page.locator('.balances').count()).toBe(0);
    await screenshot(page, '20-wiped');
  });

  it('keeps no name, ID number or address in localStorage, sessionStorage, IndexedDB, Cache Storage or cookies after the turns', async () => {
    const stored = await dumpBrowserStorage(kiosk.page);
    const parsed = JSON.parse(stored) as { indexedDb: Record<string, unknown[]>; cacheStorage: Record<string, [string, string][]> };
    // The dump really holds what the kiosk keeps: queued writes, the offline resident cache and the cached app shell.
    expect(parsed.indexedDb['linli-kiosk/outbox']?.length).toBeGreaterThan(0);
    expect(parsed.indexedDb['linli-kiosk/residents']?.length).toBeGreaterThan(0);
    expect(Object.values(parsed.cacheStorage).flat().some(([, body]) => body.length > 0)).toBe(true);
    expect(personalDataIn(stored, resident)).toEqual([]);
  });

  it('opens the maintenance screen only with the PIN: devices, queue without rejections, kiosk id, test print', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '维护' }).click();
    await page.locator('input[type=password]').fill('0000');
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByRole('alert').waitFor();
    await page.locator('input[type=password]').fill(pin);
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('本机编号').waitFor();
    expect(await page.getByText(/待上传 0 条 · 被拒绝 0 条/).count()).toBe(1);
    expect(await page.getByText('读卡器').count()).toBe(1);
    kiosk.printer.clear();
    await page.getByRole('button', { name: '测试打印' }).click();
    await expect.poll(() => printedText(kiosk), { timeout: 10_000 }).toContain('打印测试');
    await screenshot(page, '21-maintenance');
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '签到' }).waitFor();
  });

  it('switches to English and to 长辈模式 with larger type', async () => {
    const { page } = kiosk;
    const sizeBefore = await page.getByRole('button', { name: '签到' }).evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    await page.getByRole('button', { name: '长辈模式' }).click();
    const sizeAfter = await page.getByRole('button', { name: '签到' }).evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(sizeAfter).toBeGreaterThan(sizeBefore);
    expect(sizeBefore).toBeGreaterThanOrEqual(24);
    await screenshot(page, '22-elder-mode');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Check in' }).waitFor();
    await screenshot(page, '23-english');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '标准字号' }).click();
  });
});
