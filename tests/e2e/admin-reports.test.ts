// Proves the admin console's 报表 tab in real Chromium against the real service (`npm start` on a temp database with
// the demo seeds): the transaction CSV downloads through the UI with a UTF-8 BOM and its header line, a too-long
// period is refused in words with its code, the 双报到 table for the seeded history matches the API, both chain
// checks read 通过, and the English switch renames the controls and rewords the results.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFileName } from '../../admin/src/features/reports/report-range.ts';
import { businessDateOf } from '../../domain/business-date.ts';
import { demoHistoryDays } from '../../seeds/demo-history.ts';
import { adminUiWaitMs as uiWaitMs, openAdminBrowser, type AdminBrowser } from './support/admin-browser.ts';
import type { Staff } from './support/staff-api.ts';
import type { StationServer } from './support/station-server.ts';

const dayMs = 86_400_000;
let admin: AdminBrowser;
let station: StationServer;
let staff: Staff;
let page: Page;
// The demo history covers the days before today; the period runs from its first day through today.
const range = { from: businessDateOf(Date.now() - demoHistoryDays * dayMs), to: businessDateOf(Date.now()) };

beforeAll(async () => {
  admin = await openAdminBrowser({ acceptDownloads: true });
  ({ station, staff, page } = admin);
  await admin.signIn();
  await page.getByRole('button', { name: '报表' }).click({ timeout: uiWaitMs });
});
afterAll(async () => { await admin?.close(); });
const shot = (name: string) => admin.shot(name);

async function choosePeriod(from: string, to: string): Promise<void> {
  await page.getByLabel('开始日期').fill(from);
  await page.getByLabel('结束日期').fill(to);
}

describe('admin console: the 报表 tab', () => {
  it('downloads the transaction CSV through the UI, with a UTF-8 BOM and a header line', async () => {
    await choosePeriod(range.from, range.to);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: uiWaitMs }), page.getByRole('button', { name: '导出交易 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(reportFileName('transactions', staff.stationName, range));
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^账本序号,交易号,类型,/);
    expect(lines.length).toBeGreaterThan(2);
    await page.getByText(`已下载“${download.suggestedFilename()}”。`).waitFor({ timeout: uiWaitMs });
    await shot('20-reports-export');
  });

  it('says plainly when the period is longer than the server allows, with its code', async () => {
    await choosePeriod('2024-01-01', range.to);
    await page.getByRole('button', { name: '导出交易 CSV' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: uiWaitMs }).toBe('日期范围太长：最多 366 天，请缩短后重试。（代码 date_range_invalid）');
    await shot('21-reports-range-too-long');
  });

  it('shows the 双报到 table for the seeded history, as the API reports it, and downloads it', async () => {
    await choosePeriod(range.from, range.to);
    await page.getByRole('button', { name: '生成报表' }).click();
    const table = page.locator('table.work-units');
    await table.waitFor({ timeout: uiWaitMs });
    const api = await staff.call('GET', `/api/v1/reports/work-units?stationId=${staff.stationId}&from=${range.from}&to=${range.to}`);
    expect(api.status).toBe(200);
    expect(api.body.workUnits.length).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBe(api.body.workUnits.length);
    const total = (await table.locator('tfoot tr').innerText()).split('\t').map((cell) => cell.trim());
    expect(total.slice(0, 3)).toEqual(['合计', String(api.body.totals.members), String(api.body.totals.attendances)]);
    expect(total[4]).toBe(`${api.body.totals.creditedPoints} 分`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: uiWaitMs }), page.getByRole('button', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(reportFileName('work-units', staff.stationName, range));
    expect(readFileSync(await download.path()).toString('utf8')).toMatch(/^\uFEFF工作单位,/);
    await shot('22-reports-work-units');
  });

  it('checks the ledger and the audit log and says both 通过', async () => {
    await page.getByRole('button', { name: '校验账本与审计日志' }).click();
    const results = page.locator('.verify-results dd');
    await expect.poll(() => results.allTextContents(), { timeout: uiWaitMs }).toEqual([
      expect.stringMatching(/^通过：账本序号 1–\d+ 全部一致。$/),
      expect.stringMatching(/^通过：审计序号 1–\d+ 全部一致。$/),
    ]);
    await shot('23-reports-verify');
  });

  it('names the tab, its controls and the results in English after the switch', async () => {
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('button', { name: 'Reports' }).waitFor({ timeout: uiWaitMs });
    for (const name of ['Export transactions (CSV)', 'Show report', 'Download CSV', 'Check the ledger and audit log']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(1);
    }
    expect(await page.getByLabel('From').inputValue()).toBe(range.from);
    expect(await page.locator('.verify-results dd').first().textContent()).toMatch(/^Passed: ledger seq 1–\d+ all consistent\.$/);
    await shot('24-reports-english');
    await page.getByRole('button', { name: 'Switch language' }).click();
  });
});
