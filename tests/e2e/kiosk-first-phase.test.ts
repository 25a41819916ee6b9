// Kiosk browser journeys: enrolment with ?enroll=CODE, the attract screen found by role and name, registration
// that sends nothing before 同意, check-in with a printed receipt (Chinese title + verify QR), a network cut
// (queued, 待同步, drained when back), check-out, the idle wipe, and no personal data in browser storage.
// Registration here skips the optional phone; kiosk-screens.test.ts registers with one.
// Real Chromium, the real service (startServer) on a temp database, card reader and printer as byte-level emulators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoResidentFemale } from '../../hardware/card-reader/demo-cards.ts';
import { decodePrintout } from '../../hardware/printer/printout.ts';
import { dumpBrowserStorage, openKiosk, screenshot, type KioskBrowser } from './support/kiosk-browser.ts';
import { startStation, type StationServer } from './support/station-server.ts';
import { createEnrollmentCode, logInAdmin, type Staff } from './support/staff-api.ts';

const pin = '2468';
let station: StationServer;
let staff: Staff;
let kiosk: KioskBrowser;
const requests: string[] = [];

beforeAll(async () => {
  station = await startStation();
  staff = await logInAdmin(station.url, station.adminPassword);
  kiosk = await openKiosk();
  kiosk.page.on('request', (request) => { if (request.url().includes('/api/')) requests.push(`${request.method()} ${new URL(request.url()).pathname}`); });
});

afterAll(async () => {
  await kiosk?.close();
  await station?.close();
});

async function tapCard(card = demoResidentFemale): Promise<void> {
  kiosk.reader.liftCard();
  await new Promise((resolve) => setTimeout(resolve, 400));
  kiosk.reader.placeCard(card);
}

describe('kiosk, first phase', () => {
  it('enrols with ?enroll=CODE and a maintenance PIN, then shows the attract screen with its five actions', async () => {
    const { enrollmentCode } = await createEnrollmentCode(staff);
    const { page } = kiosk;
    await page.goto(`${station.url}/kiosk/?enroll=${encodeURIComponent(enrollmentCode)}`);
    await expect.poll(() => page.getByRole('textbox').first().inputValue()).toBe(enrollmentCode);
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
    await tapCard();
    await page.getByText('没有找到您的信息', { exact: false }).waitFor({ timeout: 15_000 });
    expect(requests).toContain('POST /api/v1/identify');
    await screenshot(page, '04-not-found');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.getByRole('button', { name: '同意', exact: true }).waitFor();
    await screenshot(page, '04-consent');
    await page.getByRole('button', { name: '不同意' }).click();
    await page.getByRole('button', { name: '签到' }).waitFor();
    expect(requests.filter((request) => request === 'POST /api/v1/people')).toEqual([]);

    await page.getByRole('button', { name: '注册', exact: true }).click();
    await tapCard();
    await page.getByRole('button', { name: '同意', exact: true }).waitFor({ timeout: 15_000 });
    expect(requests.filter((request) => request === 'POST /api/v1/people')).toEqual([]);
    await page.getByRole('button', { name: '同意', exact: true }).click();
    await page.getByRole('button', { name: '不留手机号，直接注册' }).click();
    await page.getByText('注册成功').waitFor({ timeout: 15_000 });
    expect(requests.filter((request) => request === 'POST /api/v1/people')).toHaveLength(1);
    await screenshot(page, '05-registered');
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('identifies the registered person by card and shows balances without the full name', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '查询' }).click();
    await tapCard();
    await page.getByText('余额和最近记录').first().waitFor({ timeout: 15_000 });
    expect(await page.content()).not.toContain(demoResidentFemale.name);
    await screenshot(page, '06-statement');
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '打印会员码' }).waitFor();
    await screenshot(page, '07-menu');
    await page.getByRole('button', { name: '返回' }).click();
  });

  it('checks in: choose the activity, confirm, and the printer gets the Chinese title and a verify QR', async () => {
    const { page } = kiosk;
    const nowMs = Date.now();
    const title = '社区读报会（测试）';
    const created = await staff.call('POST', '/api/v1/activities', { stationId: staff.stationId, title, startsAt: new Date(nowMs - 10 * 60_000).toISOString(), endsAt: new Date(nowMs + 3 * 3_600_000).toISOString() });
    expect(created.status).toBe(201);
    kiosk.printer.clear();
    await page.getByRole('button', { name: '签到' }).click();
    await tapCard();
    await page.getByRole('button', { name: new RegExp(title.replace(/[()（）]/g, '.')) }).click({ timeout: 15_000 });
    await screenshot(page, '10-confirm-check-in');
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('签到成功').first().waitFor({ timeout: 15_000 });
    await screenshot(page, '11-checked-in');
    await expect.poll(() => decodePrintout(kiosk.printer.printedBytes()).lines.join('\n'), { timeout: 10_000 }).toContain(title);
    const printout = decodePrintout(kiosk.printer.printedBytes());
    expect(printout.qrPayloads.some((payload) => payload.startsWith(`${station.url}/api/v1/receipts/`))).toBe(true);
    expect(printout.lines.join('\n')).not.toContain('待同步');
    const verify = await fetch(printout.qrPayloads[0]!);
    expect(verify.status).toBe(200);
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('checks out and shows minutes served, credits and new balances, with a receipt', async () => {
    const { page } = kiosk;
    kiosk.printer.clear();
    await page.getByRole('button', { name: '签退' }).click();
    await tapCard();
    await page.getByText('签退成功').first().waitFor({ timeout: 15_000 });
    for (const label of ['服务时长', '本次获得', '时间币', '积分']) expect(await page.getByText(label, { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, '12-checked-out');
    await expect.poll(() => decodePrintout(kiosk.printer.printedBytes()).lines.join('\n'), { timeout: 10_000 }).toContain('签退');
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('checks in while the network is cut: queued, 待同步 on screen and paper, then drained when the network is back', async () => {
    const { page, context } = kiosk;
    kiosk.printer.clear();
    // The resident is identified online; the write itself meets the cut network.
    await page.getByRole('button', { name: '签到' }).click();
    await tapCard();
    const activityButton = page.getByRole('button', { name: /社区读报会/ });
    await activityButton.click({ timeout: 15_000 });
    await context.setOffline(true);
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('待同步').first().waitFor({ timeout: 15_000 });
    await page.getByText(/网络已断开，1 条记录待同步/).waitFor();
    await screenshot(page, '13-queued-offline');
    await expect.poll(() => decodePrintout(kiosk.printer.printedBytes()).lines.join('\n'), { timeout: 10_000 }).toContain('待同步');
    expect(JSON.stringify(await dumpBrowserStorage(page))).toContain('check-in');
    await page.getByRole('button', { name: '完成' }).click();
    await context.setOffline(false);
    await page.getByText(/网络已断开/).waitFor({ state: 'detached', timeout: 70_000 });
    await screenshot(page, '14-drained');
  });

  it('identifies a resident seen before while offline and queues the check-out until the network is back', async () => {
    const { page, context } = kiosk;
    await context.setOffline(true);
    await page.getByRole('button', { name: '签退' }).click();
    await tapCard();
    await page.getByText('待同步').first().waitFor({ timeout: 15_000 });
    await page.getByText(/网络已断开，1 条记录待同步/).waitFor();
    await screenshot(page, '14-offline-check-out');
    await page.getByRole('button', { name: '完成' }).click();
    await context.setOffline(false);
    await page.getByText(/网络已断开/).waitFor({ state: 'detached', timeout: 70_000 });
  });

  it('redeems a service online with a pickup code, then offline up to the balance it last saw', async () => {
    const { page, context } = kiosk;
    const found = await staff.call('POST', '/api/v1/identify', { card: { idNumber: demoResidentFemale.idNumber } });
    const activities = await staff.call('GET', `/api/v1/activities?stationId=${staff.stationId}&date=${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}`);
    const activity = (activities.body.activities as { id: string; title: string }[]).find((candidate) => candidate.title.startsWith('社区读报会'))!;
    const credited = await staff.call('POST', '/api/v1/attendances/supplementary', { personId: found.body.person.id, activityId: activity.id, minutes: 120, reason: '测试补录' });
    expect(credited, JSON.stringify(credited.body)).toMatchObject({ status: 201 });
    const service = await staff.call('POST', '/api/v1/services', { stationId: staff.stationId, name: '理发券（测试）', asset: 'points', price: 10 });
    expect(service.status).toBe(201);
    kiosk.printer.clear();
    await page.getByRole('button', { name: '兑换' }).click();
    await tapCard();
    await page.getByRole('button', { name: /理发券/ }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('兑换成功').first().waitFor({ timeout: 15_000 });
    expect(await page.getByLabel(/取件码/).count()).toBe(1);
    await screenshot(page, '15-redeemed');
    await expect.poll(() => decodePrintout(kiosk.printer.printedBytes()).lines.join('\n'), { timeout: 10_000 }).toContain('兑换');
    await page.getByRole('button', { name: '完成' }).click();

    await context.setOffline(true);
    await page.getByRole('button', { name: '兑换' }).click();
    await tapCard();
    await page.getByRole('button', { name: /理发券/ }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('待同步').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '兑换' }).click();
    await tapCard();
    await page.getByRole('button', { name: /理发券/ }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: /理发券/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    await context.setOffline(false);
    await page.getByText(/网络已断开/).waitFor({ state: 'detached', timeout: 70_000 });
  });

  it('wipes the resident from the screen after 45 s without input', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '查询' }).click();
    await tapCard();
    await page.getByText('余额和最近记录').first().waitFor({ timeout: 15_000 });
    await page.getByText('余额和最近记录').first().waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByRole('button', { name: '签到' }).waitFor();
    expect(await page.locator('.balances').count()).toBe(0);
  });

  it('keeps no name, ID number, address or phone in any browser storage', async () => {
    const stored = await dumpBrowserStorage(kiosk.page);
    expect(stored).toContain('outbox');
    for (const secret of [demoResidentFemale.name, demoResidentFemale.idNumber, demoResidentFemale.address]) expect(stored).not.toContain(secret);
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
    await expect.poll(() => decodePrintout(kiosk.printer.printedBytes()).lines.join('\n'), { timeout: 10_000 }).toContain('打印测试');
    await screenshot(page, '16-maintenance');
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
    await screenshot(page, '08-elder-mode');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Check in' }).waitFor();
    await screenshot(page, '09-english');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '标准字号' }).click();
  });
});
