// Kiosk browser journeys, proving the first phase's words against the ledger: enrolment with ?enroll=CODE; registration
// that sends nothing before 同意; check-in printing the activity's Chinese title and a QR that verifies; a check-out
// crediting real minutes (check-in recorded 70 minutes earlier by a second, Node-side kiosk as an offline upload) whose
// screen, paper, balances and change feed agree; redemption online and offline; requests blocked → check-outs and a
// check-in queued and printed 待同步, then drained exactly once each, the receipts verifying and the shown balances
// equal to the ledger's; the idle wipe; and no name, ID number or address in any browser storage after a turn.
// Real Chromium (Debian's), the real service as `npm start` on a temp database, a fake navigator.serial (addInitScript)
// wired to the card reader and printer emulators byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoResidentFemale } from '../../hardware/card-reader/demo-cards.ts';
import { decodePrintout, type Printout } from '../../hardware/printer/printout.ts';
import { dumpBrowserStorage, openKiosk, personalDataIn, screenshot, tapCard, type KioskBrowser } from './support/kiosk-browser.ts';
import { creditedToPerson, kioskTransactions, ledgerBalances, openVerifyUrl, receiptPlace } from './support/ledger-reads.ts';
import { enrollNodeKiosk, type NodeKiosk } from './support/node-kiosk.ts';
import { startStation, type StationServer } from './support/station-server.ts';
import { createEnrollmentCode, logInAdmin, type Staff } from './support/staff-api.ts';

const pin = '2468';
const resident = demoResidentFemale;
const readingTitle = '社区读报会（测试）';
/** The Node kiosk checks the resident in this long before the browser kiosk checks them out: 70 min, rounded down to 60. */
const checkedInBeforeMs = 70 * 60_000;
let station: StationServer;
let staff: Staff;
let kiosk: KioskBrowser;
let nodeKiosk: NodeKiosk;
let kioskId = '';
let personId = '';
const requests: string[] = [];
/** Receipts printed 待同步: each must become exactly one ledger transaction once the outbox drains. */
const queuedVerifyUrls: string[] = [];

beforeAll(async () => {
  station = await startStation();
  staff = await logInAdmin(station.url, station.adminPassword);
  nodeKiosk = await enrollNodeKiosk(station.url, staff);
  kiosk = await openKiosk();
  kiosk.page.on('request', (request) => { if (request.url().includes('/api/')) requests.push(`${request.method()} ${new URL(request.url()).pathname}`); });
});

afterAll(async () => {
  await kiosk?.close();
  await station?.close();
});

const printedText = (): string => decodePrintout(kiosk.printer.printedBytes()).lines.join('\n');
/** The kiosk's zh-CN way of showing minutes of `time`. */
const shownMinutes = (minutes: number): string => `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟`;

/** Waits until the printer has cut the receipt, then decodes it; every Chinese byte must have come in Chinese mode. */
async function receiptPrinted(): Promise<Printout> {
  await expect.poll(() => decodePrintout(kiosk.printer.printedBytes()).cutCount, { timeout: 10_000 }).toBeGreaterThan(0);
  const printout = decodePrintout(kiosk.printer.printedBytes());
  expect(printout.bytesOutsideChineseMode).toBe(0);
  return printout;
}

/** An activity whose window started two hours ago, credited down to 15 minutes at 10 points an hour. */
async function createEarlierActivity(title: string): Promise<string> {
  const nowMs = Date.now();
  const created = await staff.call('POST', '/api/v1/activities', {
    stationId: staff.stationId, title, startsAt: new Date(nowMs - 2 * 3_600_000).toISOString(), endsAt: new Date(nowMs + 2 * 3_600_000).toISOString(),
    rounding: { mode: 'down', stepMinutes: 15 }, pointsPerHour: 10,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.activity.id as string;
}

/** The second kiosk uploads the resident's check-in as an offline write that happened 70 minutes ago. */
async function checkInEarlierElsewhere(activityId: string): Promise<void> {
  const occurredAtMs = Date.now() - checkedInBeforeMs;
  const checkedIn = await nodeKiosk.writeOffline('/api/v1/check-ins', { personId, activityId }, occurredAtMs);
  expect(checkedIn.status, JSON.stringify(checkedIn.body)).toBe(201);
  // The service keeps an offline write at the kiosk's time (to the minute), which is what makes the later credit real.
  expect(Math.abs(Date.parse(checkedIn.body.checkedInAt) - occurredAtMs)).toBeLessThan(60_000);
}

async function shownBalances(): Promise<string[]> {
  return kiosk.page.locator('.balances .balance dd').allTextContents();
}

describe('kiosk, first phase', () => {
  it('enrols with ?enroll=CODE and a maintenance PIN, then shows the attract screen with its five actions', async () => {
    const enrollment = await createEnrollmentCode(staff);
    kioskId = enrollment.kioskId;
    const { page } = kiosk;
    await page.goto(`${station.url}/kiosk/?enroll=${encodeURIComponent(enrollment.enrollmentCode)}`);
    await expect.poll(() => page.getByRole('textbox').first().inputValue()).toBe(enrollment.enrollmentCode);
    await screenshot(page, '01-enrol');
    await page.locator('input[type=password]').fill(pin);
    await page.getByRole('button', { name: '登记' }).click();
    await page.getByRole('button', { name: '签到' }).waitFor({ timeout: 15_000 });
    for (const name of ['签到', '签退', '查询', '兑换', '注册']) await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
    await expect.poll(() => page.locator('.station strong').textContent(), { timeout: 70_000 }).toBe(staff.stationName);
    expect(await page.getByText('演示模式').count()).toBe(0);
    expect(requests).toContain('POST /api/v1/kiosks/enroll');
    await screenshot(page, '02-attract-portrait');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, '03-attract-landscape');
    await page.setViewportSize({ width: 1080, height: 1920 });
  });

  it('offers registration for an unknown card and sends nothing until 同意 is tapped', async () => {
    const { page } = kiosk;
    await tapCard(kiosk, resident);
    await page.getByText('没有找到您的信息', { exact: false }).waitFor({ timeout: 15_000 });
    expect(requests).toContain('POST /api/v1/identify');
    await screenshot(page, '04-not-found');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.getByRole('button', { name: '同意', exact: true }).waitFor();
    await screenshot(page, '05-consent');
    await page.getByRole('button', { name: '不同意' }).click();
    await page.getByRole('button', { name: '签到' }).waitFor();
    expect(requests.filter((request) => request === 'POST /api/v1/people')).toEqual([]);

    await page.getByRole('button', { name: '注册', exact: true }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: '同意', exact: true }).waitFor({ timeout: 15_000 });
    expect(requests.filter((request) => request === 'POST /api/v1/people')).toEqual([]);
    await page.getByRole('button', { name: '同意', exact: true }).click();
    await page.getByRole('button', { name: '不留手机号，直接注册' }).click();
    await page.getByText('注册成功').waitFor({ timeout: 15_000 });
    expect(requests.filter((request) => request === 'POST /api/v1/people')).toHaveLength(1);
    await screenshot(page, '06-registered');
    await page.getByRole('button', { name: '完成' }).click();
    const found = await staff.call('POST', '/api/v1/identify', { card: { idNumber: resident.idNumber } });
    expect(found.status).toBe(200);
    personId = found.body.person.id;
  });

  it('identifies the registered person by card and shows balances without the full name', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '查询' }).click();
    await tapCard(kiosk, resident);
    await page.getByText('余额和最近记录').first().waitFor({ timeout: 15_000 });
    expect(await page.content()).not.toContain(resident.name);
    expect(await shownBalances()).toEqual([shownMinutes(0), '0 分']);
    await screenshot(page, '07-statement');
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '打印会员码' }).waitFor();
    await screenshot(page, '08-menu');
    await page.getByRole('button', { name: '返回' }).click();
  });

  it('checks in: choose the activity, confirm, and the printer gets the Chinese title and a QR that verifies', async () => {
    const { page } = kiosk;
    const nowMs = Date.now();
    const created = await staff.call('POST', '/api/v1/activities', { stationId: staff.stationId, title: readingTitle, startsAt: new Date(nowMs - 10 * 60_000).toISOString(), endsAt: new Date(nowMs + 3 * 3_600_000).toISOString() });
    expect(created.status).toBe(201);
    kiosk.printer.clear();
    await page.getByRole('button', { name: '签到' }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: /社区读报会/ }).click({ timeout: 15_000 });
    await screenshot(page, '09-confirm-check-in');
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('签到成功').first().waitFor({ timeout: 15_000 });
    await screenshot(page, '10-checked-in');
    const printout = await receiptPrinted();
    expect(printout.lines.join('\n')).toContain(readingTitle);
    expect(printout.lines.join('\n')).not.toContain('待同步');
    const verifyUrl = printout.qrPayloads.find((payload) => payload.startsWith(`${station.url}/api/v1/receipts/${kioskId}/`));
    expect(verifyUrl, printout.qrPayloads.join(' ')).toBeDefined();
    expect(await openVerifyUrl(verifyUrl!)).toMatchObject({ status: 200, body: { valid: true, kind: 'check_in' } });
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('checks out of an attendance begun 70 minutes ago: 1 小时 and 10 分 on screen and paper, as the ledger says', async () => {
    const { page } = kiosk;
    const calligraphyTitle = '长者书法课（测试）';
    await checkInEarlierElsewhere(await createEarlierActivity(calligraphyTitle));
    const before = await ledgerBalances(staff, personId);
    kiosk.printer.clear();
    await page.getByRole('button', { name: '签退' }).click();
    await tapCard(kiosk, resident);
    await page.locator('main[data-screen=open-attendances]').getByRole('button', { name: /长者书法课/ }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: /社区读报会/ }).count()).toBe(1);
    await screenshot(page, '11-choose-check-out');
    await page.getByRole('button', { name: /长者书法课/ }).click();
    await page.getByText('签退成功').first().waitFor({ timeout: 15_000 });
    const facts = await page.locator('.facts dd').allTextContents();
    expect(facts).toEqual(['1 小时 0 分钟', '1 小时 0 分钟 · 10 分']);
    const expected = { time: before.time + 60, points: before.points + 10 };
    expect(await shownBalances()).toEqual([shownMinutes(expected.time), `${expected.points} 分`]);
    await screenshot(page, '12-checked-out');

    const printout = await receiptPrinted();
    const paper = printout.lines.join('\n');
    for (const line of [calligraphyTitle, '服务时长：60 分钟（1 小时）', '获得时间币：60 分钟（1 小时）', '获得积分：10 分', `积分余额：${expected.points} 分`]) expect(paper).toContain(line);
    expect(paper).not.toContain('待同步');
    const verifyUrl = printout.qrPayloads.find((payload) => payload.includes('/api/v1/receipts/'))!;
    expect(await openVerifyUrl(verifyUrl)).toMatchObject({ status: 200, body: { valid: true, kind: 'check_out', amounts: { time: 60, points: 10 } } });

    expect(await ledgerBalances(staff, personId)).toEqual(expected);
    const { kioskSeq } = receiptPlace(verifyUrl);
    const written = (await kioskTransactions(staff, kioskId)).filter((transaction) => transaction.kioskSeq === kioskSeq);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ kind: 'check_out' });
    expect(creditedToPerson(written[0]!, personId)).toEqual({ time: 60, points: 10 });
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('redeems a service online with a pickup code, then offline up to the balance it last saw', async () => {
    const { page, context } = kiosk;
    const service = await staff.call('POST', '/api/v1/services', { stationId: staff.stationId, name: '理发券（测试）', asset: 'points', price: 5 });
    expect(service.status).toBe(201);
    kiosk.printer.clear();
    await page.getByRole('button', { name: '兑换' }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: /理发券/ }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('兑换成功').first().waitFor({ timeout: 15_000 });
    expect(await page.getByLabel(/取件码/).count()).toBe(1);
    expect(await shownBalances()).toEqual([shownMinutes(60), '5 分']);
    await screenshot(page, '13-redeemed');
    expect((await receiptPrinted()).lines.join('\n')).toContain('兑换');
    await page.getByRole('button', { name: '完成' }).click();

    await context.setOffline(true);
    kiosk.printer.clear();
    await page.getByRole('button', { name: '兑换' }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: /理发券/ }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('待同步').first().waitFor({ timeout: 15_000 });
    await screenshot(page, '14-redeem-queued');
    const printout = await receiptPrinted();
    expect(printout.lines).toContain('【待同步】');
    expect(printout.lines.join('\n')).toContain('取件码');
    queuedVerifyUrls.push(printout.qrPayloads.find((payload) => payload.includes('/api/v1/receipts/'))!);
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '兑换' }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: /理发券/ }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: /理发券/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    await context.setOffline(false);
    await page.getByText(/网络已断开/).waitFor({ state: 'detached', timeout: 70_000 });
  });

  it('queues check-outs while requests are blocked, prints them 待同步, and shows the ledger balances once drained', async () => {
    const { page, context } = kiosk;
    const sortingTitle = '垃圾分类宣传（测试）';
    await checkInEarlierElsewhere(await createEarlierActivity(sortingTitle));
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
    let printout = await receiptPrinted();
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
    printout = await receiptPrinted();
    expect(printout.lines).toContain('【待同步】');
    expect(printout.lines).toContain('业务：签退');
    queuedVerifyUrls.push(printout.qrPayloads.find((payload) => payload.includes('/api/v1/receipts/'))!);
    expect(await dumpBrowserStorage(page)).toContain('check-out');
    await page.getByRole('button', { name: '完成' }).click();

    await context.setOffline(false);
    await page.getByText(/网络已断开/).waitFor({ state: 'detached', timeout: 70_000 });
    await screenshot(page, '17-drained');
    expect(await openVerifyUrl(sortingVerifyUrl)).toMatchObject({ status: 200, body: { valid: true, kind: 'check_out', amounts: { time: 60, points: 10 } } });
    await expectEachQueuedWriteOnce();

    const ledger = await ledgerBalances(staff, personId);
    expect(ledger.time).toBeGreaterThanOrEqual(120);
    await page.getByRole('button', { name: '查询' }).click();
    await tapCard(kiosk, resident);
    await page.getByText('余额和最近记录').first().waitFor({ timeout: 15_000 });
    expect(await shownBalances()).toEqual([shownMinutes(ledger.time), `${ledger.points} 分`]);
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
    const printout = await receiptPrinted();
    expect(printout.lines).toContain('【待同步】');
    expect(printout.lines.join('\n')).toContain(readingTitle);
    queuedVerifyUrls.push(printout.qrPayloads.find((payload) => payload.includes('/api/v1/receipts/'))!);
    expect(await dumpBrowserStorage(page)).toContain('check-in');
    await page.getByRole('button', { name: '完成' }).click();
    await context.setOffline(false);
    await page.getByText(/网络已断开/).waitFor({ state: 'detached', timeout: 70_000 });
    await expectEachQueuedWriteOnce();
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
    await expect.poll(printedText, { timeout: 10_000 }).toContain('打印测试');
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

/** Every receipt printed 待同步 so far is exactly one transaction of this kiosk in the change feed, and no kioskSeq repeats. */
async function expectEachQueuedWriteOnce(): Promise<void> {
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
