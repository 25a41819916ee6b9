// Proves a station manager can do the day's duties in the admin console (/admin/) in real Chromium against the real
// service (`npm start` on a temp database with the demo seeds): sign in (a wrong password is refused by code), add a
// kiosk and read its enrolment code and QR from the page, enrol a kiosk with that code, approve a manager-approval
// attendance, run today's daily close and see its seven checks, open the printable page, resolve the reconciliation
// item an offline shortfall opened, revoke the kiosk, switch to English and sign out.
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateOf } from '../../domain/business-date.ts';
import { demoResidentMale } from '../../hardware/card-reader/demo-cards.ts';
import { adminUiWaitMs as uiWaitMs, openAdminBrowser, type AdminBrowser } from './support/admin-browser.ts';
import { enrollNodeKiosk, type NodeKiosk } from './support/node-kiosk.ts';
import type { Staff } from './support/staff-api.ts';
import type { StationServer } from './support/station-server.ts';

const kioskName = '三号一体机';
let admin: AdminBrowser;
let station: StationServer;
let staff: Staff;
let page: Page;
let nodeKiosk: NodeKiosk;

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ station, staff, page } = admin);
});
afterAll(async () => { await admin?.close(); });
const shot = (name: string) => admin.shot(name);

/** Draws the QR <img> on a canvas in the page and decodes its pixels with jsQR in Node. */
async function readQr(): Promise<string | null> {
  const pixels = await page.locator('img[alt="一体机登记二维码"]').evaluate(async (image: HTMLImageElement) => {
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    return { width: canvas.width, height: canvas.height, data: Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
}

describe('admin console', () => {
  it('signs in, refusing a wrong password by its code, and keeps the token out of browser storage', async () => {
    await page.goto(`${station.url}/admin/`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: uiWaitMs }).toBe('用户名或密码不正确。');
    await shot('01-login-wrong-password');
    await page.getByLabel('密码').fill(station.adminPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出' }).waitFor({ timeout: uiWaitMs });
    await expect.poll(() => page.getByLabel('服务站').inputValue()).toBe(staff.stationId);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  });

  it('adds a kiosk, shows its enrolment code big with a QR of the kiosk link, and the code enrols a kiosk', async () => {
    await page.getByLabel('新一体机名称').fill(kioskName);
    await page.getByRole('button', { name: '新增一体机' }).click();
    const codeBox = page.locator('.enroll-code');
    await codeBox.waitFor({ timeout: uiWaitMs });
    const code = (await codeBox.textContent())!.trim();
    expect(code.length).toBeGreaterThan(4);
    await expect.poll(() => page.getByText(/有效期至 .*（15 分钟，仅可使用一次）/).count()).toBe(1);
    expect(await readQr()).toBe(`${station.url}/kiosk/?enroll=${encodeURIComponent(code)}`);
    await expect.poll(() => page.locator('tr', { hasText: kioskName }).textContent()).toContain('待登记');
    await shot('02-kiosk-enrolment-code');

    nodeKiosk = await enrollNodeKiosk(station.url, staff, kioskName, code);
    await page.getByRole('button', { name: '关闭' }).click();
    await page.getByRole('button', { name: '审核' }).click();
    await page.getByRole('button', { name: '一体机' }).click();
    await expect.poll(() => page.locator(`tr[data-kiosk-id="${nodeKiosk.kioskId}"]`).textContent(), { timeout: uiWaitMs }).toContain('已登记');
  });

  it('approves a manager-approval attendance recorded through that kiosk', async () => {
    const person = await staff.call('POST', '/api/v1/people', { stationId: staff.stationId, card: { idNumber: demoResidentMale.idNumber, name: demoResidentMale.name }, consentVersion: 'v1' });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const nowMs = Date.now();
    const window = { startsAt: new Date(nowMs - 2 * 3_600_000).toISOString(), endsAt: new Date(nowMs + 2 * 3_600_000).toISOString() };
    const activity = await staff.call('POST', '/api/v1/activities', { stationId: staff.stationId, title: '站长审核活动', ...window, approval: 'manager', pointsPerHour: 10 });
    expect(activity.status, JSON.stringify(activity.body)).toBe(201);
    const fields = { personId: person.body.person.id, activityId: activity.body.activity.id };
    const checkedIn = await nodeKiosk.writeOffline('/api/v1/check-ins', fields, nowMs - 50 * 60_000);
    expect(checkedIn.status, JSON.stringify(checkedIn.body)).toBe(201);
    const checkedOut = await nodeKiosk.writeOffline('/api/v1/check-outs', fields, nowMs - 5 * 60_000);
    expect(checkedOut.status, JSON.stringify(checkedOut.body)).toBe(201);

    await page.getByRole('button', { name: '审核' }).click();
    const card = page.locator('li.card', { hasText: '站长审核活动' });
    await card.waitFor({ timeout: uiWaitMs });
    expect(await card.textContent()).toContain('需站长审核');
    await shot('03-approvals');
    await card.getByRole('button', { name: /^通过 / }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: uiWaitMs }).toMatch(/^已通过：\d+ 分钟，\d+ 积分。$/);
    await expect.poll(() => page.locator('li.card', { hasText: '站长审核活动' }).count()).toBe(0);

    // An offline redemption beyond the balance is recorded with its shortfall and opens a reconciliation item.
    const service = await staff.call('POST', '/api/v1/services', { stationId: staff.stationId, name: '对账测试服务', asset: 'points', price: 500 });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    const redeemed = await nodeKiosk.writeOffline('/api/v1/redemptions', { personId: fields.personId, serviceId: service.body.service.id }, Date.now() - 60_000);
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(201);
  });

  it('runs today\'s daily close, shows the seven checks and totals, and opens the printable page', async () => {
    const today = businessDateOf(Date.now());
    await page.getByRole('button', { name: '日结' }).click();
    const dateInput = page.getByLabel('营业日');
    expect(await dateInput.inputValue()).toBe(businessDateOf(Date.now() - 24 * 3_600_000));
    await dateInput.fill(today);
    await page.getByRole('button', { name: '生成日结' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: uiWaitMs }).toBe(`已生成并签署 ${today} 的日结。`);
    const checks = page.locator('table.checks tr');
    expect(await checks.count()).toBe(7);
    expect(await page.locator('tr[data-check="trial_balance_zero"]').textContent()).toContain('通过');
    expect(await page.locator('tr[data-check="chain_verifies"]').textContent()).toContain('通过');
    expect(await page.locator('tr[data-check="reconciliation_items_listed"]').textContent()).toContain('未通过');
    expect(await page.locator('.close-report').textContent()).toContain('签退');
    // Items read as sentences: the open shortfall with its kind in words and its amount in 分.
    expect(await page.locator('ul.items li[data-item-type="reconciliation"]').first().textContent()).toMatch(/^待处理对账：离线透支，\d+ 分。/);
    await shot('04-daily-close');

    await page.getByRole('button', { name: '生成日结' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: uiWaitMs }).toBe('该营业日已经日结。');

    const [printed] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: '打印日结报告' }).click()]);
    await printed.waitForURL(/^blob:/, { timeout: uiWaitMs });
    await printed.getByText('日结报告').first().waitFor({ timeout: uiWaitMs });
    expect(await printed.title()).toContain(today);
    await printed.close();
  });

  it('lists the open reconciliation item and resolves it with a note', async () => {
    await page.getByRole('button', { name: '对账' }).click();
    const card = page.locator('li.card', { hasText: '离线透支' });
    await card.waitFor({ timeout: uiWaitMs });
    expect(await card.textContent()).toContain('积分');
    const resolve = card.getByRole('button', { name: '标记为已处理' });
    await card.getByRole('textbox').fill('补');
    expect(await resolve.isDisabled()).toBe(true);
    await card.getByRole('textbox').fill('已与居民核对，站内公益池承担');
    await shot('05-reconciliation');
    await resolve.click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: uiWaitMs }).toBe('已处理该事项。');
    await page.getByText('没有待处理的对账事项。').waitFor({ timeout: uiWaitMs });
  });

  it('revokes the kiosk after a confirm step, and its next write is refused', async () => {
    await page.getByRole('button', { name: '一体机' }).click();
    await page.getByRole('button', { name: `停用 ${kioskName}` }).click();
    await page.getByRole('alertdialog').waitFor({ timeout: uiWaitMs });
    await shot('06-revoke-confirm');
    await page.getByRole('button', { name: '确认停用' }).click();
    await expect.poll(() => page.locator(`tr[data-kiosk-id="${nodeKiosk.kioskId}"]`).textContent(), { timeout: uiWaitMs }).toContain('已停用');
    const refused = await nodeKiosk.writeOffline('/api/v1/check-ins', { personId: 'x', activityId: 'y' }, Date.now());
    expect(refused.status).toBe(401);
  });

  it('switches to English and signs out; a reload asks for the password again', async () => {
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: uiWaitMs });
    await shot('07-english');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: uiWaitMs });
    await page.reload();
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: uiWaitMs });
  });
});
