// Proves the admin console's 活动与服务 and 居民 screens and the readable close in real Chromium against the real
// service (`npm start` on a temp database with the demo seeds): create an activity in Beijing time and a service
// priced in hours and minutes and see both listed (and in the API), retire the service after a confirm step, find a
// seeded person, reveal their details with a reason (the audit log has it; the page forgets them on close), a
// clerk's reveal is refused plainly, and the close's items read as sentences.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateOf } from '../../domain/business-date.ts';
import { makeIdNumber } from '../../domain/id-number.ts';
import { adminUiWaitMs as uiWaitMs, openAdminBrowser, type AdminBrowser } from './support/admin-browser.ts';
import type { Staff } from './support/staff-api.ts';
import type { StationServer } from './support/station-server.ts';

const clerk = { username: 'clerk-e2e', password: 'clerk-e2e-password-1' };
let admin: AdminBrowser;
let station: StationServer;
let staff: Staff;
let page: Page;

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ station, staff, page } = admin);
});
afterAll(async () => { await admin?.close(); });
const shot = (name: string) => admin.shot(name);
const signIn = (username: string, password: string) => admin.signIn(username, password);

describe('admin console: activities, services, people and the readable close', () => {
  it('creates an activity in Beijing time and lists it, as the API does', async () => {
    const today = businessDateOf(Date.now());
    await signIn('admin', station.adminPassword);
    await page.getByRole('button', { name: '活动与服务' }).click();
    await page.getByLabel('活动名称').fill('社区读书会');
    await page.getByLabel('类型').selectOption({ label: '培训' });
    await page.getByLabel('活动日期').fill(today);
    await page.getByLabel('开始时间（北京时间）').fill('14:00');
    await page.getByLabel('结束时间（北京时间）').fill('16:30');
    await page.getByLabel(/^每小时积分/).fill('2000');
    expect(await page.getByRole('button', { name: '创建活动' }).isDisabled()).toBe(true);
    await page.getByText('每小时积分须为 0 到 1000 的整数。').waitFor({ timeout: uiWaitMs });
    await page.getByLabel(/^每小时积分/).fill('20');
    await page.getByLabel('认定方式').selectOption('manager');
    await page.getByRole('button', { name: '创建活动' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: uiWaitMs }).toBe('已创建活动“社区读书会”。');
    const row = page.locator('table.activities tr', { hasText: '社区读书会' });
    await expect.poll(() => row.textContent(), { timeout: uiWaitMs }).toContain(`${today} 14:00–16:30`);
    expect(await row.textContent()).toContain('站长审核后认定');
    const listed = await staff.call('GET', `/api/v1/activities?stationId=${staff.stationId}&date=${today}`);
    const activity = listed.body.activities.find((candidate: { title: string }) => candidate.title === '社区读书会');
    expect(activity).toMatchObject({ kind: 'training', startsAt: new Date(`${today}T14:00:00+08:00`).toISOString(), pointsPerHour: 20, approval: 'manager' });
  });

  it('adds a service priced in hours and minutes, lists it, and retires it after a confirm step', async () => {
    await page.getByLabel('服务名称').fill('助老理发');
    await page.getByLabel('价格：小时').fill('1');
    await page.getByLabel('价格：分钟').fill('30');
    await page.getByLabel('最低年龄（岁，可不填）').fill('60');
    await page.getByRole('button', { name: '添加服务' }).click();
    const row = page.locator('table.services tr', { hasText: '助老理发' });
    await expect.poll(() => row.textContent(), { timeout: uiWaitMs }).toContain('时间币 · 1 小时 30 分钟');
    expect(await row.textContent()).toContain('60 岁及以上');
    const listed = await staff.call('GET', `/api/v1/services?stationId=${staff.stationId}`);
    expect(listed.body.services.find((service: { name: string }) => service.name === '助老理发')).toMatchObject({ asset: 'time', price: 90, minAge: 60, status: 'active' });
    await shot('11-activities-and-services');

    await row.getByRole('button', { name: '停用服务 助老理发' }).click();
    await page.getByRole('alertdialog').waitFor({ timeout: uiWaitMs });
    await page.getByRole('button', { name: '确认停用服务' }).click();
    await expect.poll(() => row.textContent(), { timeout: uiWaitMs }).toContain('已停用');
    const after = await staff.call('GET', `/api/v1/services?stationId=${staff.stationId}`);
    expect(after.body.services.find((service: { name: string }) => service.name === '助老理发').status).toBe('retired');
  });

  it('finds a seeded person, reveals their details with a reason, and the audit log has the reveal', async () => {
    const people = await staff.call('GET', `/api/v1/people?stationId=${staff.stationId}&limit=200`);
    const volunteer = people.body.people.at(-1) as { id: string; volunteerNo: string; displayName: string; idNumberMasked: string };
    expect(volunteer, JSON.stringify(people.body)).toBeDefined();
    const [maskedHead, maskedTail] = [volunteer.idNumberMasked.slice(0, 3), volunteer.idNumberMasked.slice(-4)];
    await page.getByRole('button', { name: '居民' }).click();
    await page.getByLabel(/^查找/).fill(volunteer.volunteerNo);
    await expect.poll(() => page.locator('table.people tbody tr').count(), { timeout: uiWaitMs }).toBe(1);
    expect(await page.locator('table.people').textContent()).toContain(volunteer.idNumberMasked);
    await page.getByRole('button', { name: `查看 ${volunteer.displayName}（${volunteer.volunteerNo}）` }).click();
    await page.locator('dl.balances').waitFor({ timeout: uiWaitMs });
    expect(await page.locator('dl.balances').textContent()).toMatch(/时间币.*(小时|分钟).*积分\d+ 分/);
    await page.getByRole('button', { name: '查看完整信息' }).click();
    const dialog = page.getByRole('dialog', { name: '查看完整信息' });
    await dialog.waitFor({ timeout: uiWaitMs });
    expect(await dialog.textContent()).toContain('此操作会记入审计日志');
    await dialog.getByLabel('查看事由（4–200 字）').fill('核对');
    expect(await dialog.getByRole('button', { name: '确认查看' }).isDisabled()).toBe(true);
    await dialog.getByLabel('查看事由（4–200 字）').fill('居民来站核对身份信息');
    await dialog.getByRole('button', { name: '确认查看' }).click();
    await expect.poll(() => dialog.locator('.id-number').count(), { timeout: uiWaitMs }).toBe(1);
    const idNumber = (await dialog.locator('.id-number').textContent())!;
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    expect([idNumber.slice(0, 3), idNumber.slice(-4)]).toEqual([maskedHead, maskedTail]);
    await shot('12-person-revealed');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: uiWaitMs }).toBe(0);
    // The dialog hides at once and leaves the page on its close event's re-render.
    await expect.poll(async () => (await page.content()).includes(idNumber), { timeout: uiWaitMs }).toBe(false);
    await shot('13-person-page');

    const audit = await staff.call('GET', '/api/v1/audit?limit=1000');
    const reveal = audit.body.records.find((record: { event: string; target: string }) => record.event === 'personal_data_reveal' && record.target === volunteer.id);
    expect(reveal, JSON.stringify(audit.body.records.map((record: { event: string }) => record.event))).toMatchObject({ detail: { reason: '居民来站核对身份信息' } });
  });

  it('reads the close items as sentences', async () => {
    await page.getByRole('button', { name: '日结' }).click();
    await page.getByRole('button', { name: '生成日结' }).click();
    await page.locator('.close-report').waitFor({ timeout: uiWaitMs });
    const items = await page.locator('ul.items li').allTextContents();
    expect(items.length, await page.locator('.close-report').textContent() ?? '').toBeGreaterThan(0);
    for (const item of items) expect(item).toMatch(/^(补传|待处理对账|核对未通过)：[^:]*$/);
    await shot('14-close-items');
  });

  it('finds a person beyond the loaded list by ID number on the server (全站查找), masked', async () => {
    const idNumber = makeIdNumber('11010119660606123');
    const registered = await staff.call('POST', '/api/v1/people', { stationId: staff.stationId, card: { idNumber, name: '欧阳查找' }, phone: '13611112222', consentVersion: 'v1' });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    await page.getByRole('button', { name: '居民' }).click();
    await page.getByLabel(/^查找/).fill(idNumber);
    await page.getByRole('button', { name: '全站查找' }).click();
    await expect.poll(() => page.getByText('全站查找：找到 1 人').count(), { timeout: uiWaitMs }).toBe(1);
    const row = page.locator(`table.people tbody tr[data-person-id="${registered.body.person.id}"]`);
    expect(await row.textContent()).toContain('欧**找');
    // The ID number typed stays in the search box only: no other text on the page repeats it.
    expect(await page.locator('main').textContent()).not.toContain(idNumber);
    await shot('16-station-search');
    await page.getByRole('button', { name: '显示名单' }).click();
  });

  it('tells a clerk plainly that revealing is not for their role (403)', async () => {
    const created = await staff.call('POST', '/api/v1/staff', { ...clerk, displayName: '社区工作者', role: 'clerk', stationIds: [staff.stationId] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await page.getByRole('button', { name: '退出' }).click();
    await signIn(clerk.username, clerk.password);
    await page.getByRole('button', { name: '居民' }).click();
    await page.locator('table.people tbody tr').first().getByRole('button').click();
    await page.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByLabel('查看事由（4–200 字）').fill('想看一下完整信息');
    await page.getByRole('button', { name: '确认查看' }).click();
    await expect.poll(() => page.getByRole('dialog').getByRole('alert').textContent(), { timeout: uiWaitMs }).toBe('只有站长或管理员可以查看完整信息，您的角色没有此权限。');
    await shot('15-clerk-reveal-refused');
  });
});
