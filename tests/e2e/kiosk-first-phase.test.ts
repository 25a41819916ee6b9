// Kiosk browser journeys, proving the first phase's words against the ledger: enrolment with ?enroll=CODE; registration
// that sends nothing before 同意; check-in printing the activity's Chinese title and a QR that verifies; a check-out
// crediting real minutes (check-in recorded 70 minutes earlier by a second, Node-side kiosk as an offline upload) whose
// screen, paper, balances and change feed agree; redemption online, then offline printed 待同步 and drained exactly once.
// The network-cut journeys, the idle wipe, the storage scan, maintenance and language are in kiosk-offline-journeys.
// Real Chromium (Debian's), the real service as `npm start` on a temp database, a fake navigator.serial (addInitScript)
// wired to the card reader and printer emulators byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, tapCard, type KioskBrowser } from './support/kiosk-browser.ts';
import {
  checkInEarlierElsewhere, completeEnrollment, createActivityUnderWay, createEarlierActivity, expectEachQueuedWriteOnce, journeyPin as pin,
  journeyResident as resident, openEnrollment, readingTitle, receiptPrinted, shownBalances, shownMinutes, startKioskJourney, stopKioskJourney,
  type KioskJourney,
} from './support/kiosk-journey.ts';
import { creditedToPerson, kioskTransactions, ledgerBalances, openVerifyUrl, receiptPlace } from './support/ledger-reads.ts';
import type { NodeKiosk } from './support/node-kiosk.ts';
import type { StationServer } from './support/station-server.ts';
import type { Staff } from './support/staff-api.ts';

let journey: KioskJourney;
let station: StationServer;
let staff: Staff;
let kiosk: KioskBrowser;
let nodeKiosk: NodeKiosk;
let requests: string[] = [];
let kioskId = '';
let personId = '';
/** Receipts printed 待同步: each must become exactly one ledger transaction once the outbox drains. */
const queuedVerifyUrls: string[] = [];

beforeAll(async () => {
  journey = await startKioskJourney();
  ({ station, staff, kiosk, nodeKiosk, requests } = journey);
});

afterAll(() => stopKioskJourney(journey));

describe('kiosk, first phase', () => {
  it('enrols with ?enroll=CODE and a maintenance PIN, then shows the attract screen with its five actions', async () => {
    const enrollment = await openEnrollment(journey);
    kioskId = enrollment.kioskId;
    const { page } = kiosk;
    await expect.poll(() => page.getByRole('textbox').first().inputValue()).toBe(enrollment.enrollmentCode);
    await screenshot(page, '01-enrol');
    await completeEnrollment(page, pin);
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
    expect(await shownBalances(kiosk)).toEqual([shownMinutes(0), '0 分']);
    await screenshot(page, '07-statement');
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '打印会员码' }).waitFor();
    await screenshot(page, '08-menu');
    await page.getByRole('button', { name: '返回' }).click();
  });

  it('checks in: choose the activity, confirm, and the printer gets the Chinese title and a QR that verifies', async () => {
    const { page } = kiosk;
    await createActivityUnderWay(staff, readingTitle);
    kiosk.printer.clear();
    await page.getByRole('button', { name: '签到' }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: /社区读报会/ }).click({ timeout: 15_000 });
    await screenshot(page, '09-confirm-check-in');
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('签到成功').first().waitFor({ timeout: 15_000 });
    await screenshot(page, '10-checked-in');
    const printout = await receiptPrinted(kiosk);
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
    await checkInEarlierElsewhere(nodeKiosk, personId, await createEarlierActivity(staff, calligraphyTitle));
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
    expect(await shownBalances(kiosk)).toEqual([shownMinutes(expected.time), `${expected.points} 分`]);
    await screenshot(page, '12-checked-out');

    const printout = await receiptPrinted(kiosk);
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
    expect(await shownBalances(kiosk)).toEqual([shownMinutes(60), '5 分']);
    await screenshot(page, '13-redeemed');
    expect((await receiptPrinted(kiosk)).lines.join('\n')).toContain('兑换');
    await page.getByRole('button', { name: '完成' }).click();

    await context.setOffline(true);
    kiosk.printer.clear();
    await page.getByRole('button', { name: '兑换' }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: /理发券/ }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('待同步').first().waitFor({ timeout: 15_000 });
    await screenshot(page, '14-redeem-queued');
    const printout = await receiptPrinted(kiosk);
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
    await expectEachQueuedWriteOnce(staff, kioskId, queuedVerifyUrls);
  });
});
