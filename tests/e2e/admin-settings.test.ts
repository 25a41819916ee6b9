// Proves the admin console's 站点设置 tab in real Chromium against the real service (`npm start` on a temp database):
// changed settings are saved (only those), read back after the tab reloads and through the API, 恢复默认 after its
// confirm puts one setting back, and an out-of-range value shows the server's refusal with nothing stored.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUiWaitMs as uiWaitMs, openAdminBrowser, type AdminBrowser } from './support/admin-browser.ts';
import type { Staff } from './support/staff-api.ts';

let admin: AdminBrowser;
let staff: Staff;
let page: Page;

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ staff, page } = admin);
  await admin.signIn();
  await openTab();
});
afterAll(async () => { await admin?.close(); });

const pairs = () => page.getByRole('textbox', { name: '每人每项活动每天最多签到次数', exact: true });
const storageCap = () => page.getByRole('textbox', { name: '时间币存储上限', exact: true });

async function openTab(): Promise<void> {
  await page.getByRole('button', { name: '站点设置' }).click({ timeout: uiWaitMs });
  await pairs().waitFor({ timeout: uiWaitMs });
}

async function settingsByApi(): Promise<Record<string, unknown>> {
  const answer = await staff.call('GET', `/api/v1/stations/${staff.stationId}/settings`);
  expect(answer.status).toBe(200);
  return answer.body.settings;
}

describe('admin console: the 站点设置 tab', () => {
  it('shows the defaults in words, 1,500 小时 for the storage cap', async () => {
    expect(await pairs().inputValue()).toBe('3');
    expect(await storageCap().inputValue()).toBe('1500');
    expect(await page.getByText('当前：1,500 小时（默认）').count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: '年末过期上一年未用完的积分' }).isChecked()).toBe(false);
  });

  it('saves 每天最多签到次数 2 and a 1,000 小时 storage cap, seen after the tab reloads and through the API', async () => {
    await pairs().fill('2');
    await storageCap().fill('1,000');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存。').waitFor({ timeout: uiWaitMs });
    await page.getByRole('button', { name: '报表' }).click();
    await openTab();
    expect(await pairs().inputValue()).toBe('2');
    expect(await storageCap().inputValue()).toBe('1000');
    expect(await page.getByText('当前：1,000 小时').count()).toBe(1);
    expect(await settingsByApi()).toMatchObject({ pairsPerDayMax: 2, timeStorageCapMinutes: 60_000, pointsDailyCapDefault: 40, giftYearlyCapMinutes: 6_000, pointsExpiryEnabled: false });
    await admin.shot('30-settings');
  });

  it('puts the storage cap back to its default after the confirm, leaving the other setting', async () => {
    await page.getByRole('button', { name: '将“时间币存储上限”恢复默认（1,500 小时）' }).click();
    await page.getByRole('button', { name: '确认恢复默认' }).click();
    await page.getByText('“时间币存储上限”已恢复默认。').waitFor({ timeout: uiWaitMs });
    expect(await storageCap().inputValue()).toBe('1500');
    expect(await settingsByApi()).toMatchObject({ pairsPerDayMax: 2, timeStorageCapMinutes: 90_000 });
  });

  it('shows the server’s refusal of an out-of-range value beside the form and stores nothing', async () => {
    await pairs().fill('21');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: uiWaitMs })
      .toBe('“每人每项活动每天最多签到次数”超出可设范围（1–20 次），未保存。服务器说明：pairsPerDayMax: must be an integer 1–20');
    expect(await pairs().inputValue()).toBe('21');
    expect(await settingsByApi()).toMatchObject({ pairsPerDayMax: 2 });
    await admin.shot('31-settings-refused');
  });

  it('names the tab and its controls in English after the switch', async () => {
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('button', { name: 'Station settings' }).waitFor({ timeout: uiWaitMs });
    expect(await page.getByRole('textbox', { name: 'Time credit storage cap', exact: true }).inputValue()).toBe('1500');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Switch language' }).click();
  });
});
