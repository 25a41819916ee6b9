// The demo walk-up: `npm start` on a fresh demo database prints an enrol link; Chromium opens it with no serial
// device at all, so the kiosk runs its own demo mode (演示模式 badge). With the 模拟刷卡 picker a person checks the
// demo volunteer in and out, redeems a service as the demo elder and registers the unregistered card, and the
// 演示凭条 panel shows each receipt with a verify link that answers valid; the wipe (完成) clears the panel.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir } from '../../ledger/src/server.ts';
import { demoEnrollUrlPattern } from '../../ledger/src/demo-kiosk.ts';
import { chromiumArgs, screenshot } from './support/kiosk-browser.ts';
import { logInAdmin, type Staff } from './support/staff-api.ts';

const adminPassword = 'walk-up-admin-password-1';
/** Covers a cold start that rebuilds the web apps on a 2-core machine. */
const startTimeoutMs = 180_000;
let folder = '';
let child: ChildProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl = '';
let enrollUrl = '';
let staff: Staff;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'linli-walk-up-'));
  const env = { ...process.env, DATABASE_URL: `file:${join(folder, 'linli.db')}`, BOOTSTRAP_ADMIN_PASSWORD: adminPassword, LINLI_SECRET: 'walk-up-secret-0123456789abcdef-0123456789', PORT: '0', HOST: '127.0.0.1', SEED: 'demo' };
  child = spawn('npm', ['start', '--silent'], { cwd: rootDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  enrollUrl = await printedEnrollUrl(child);
  baseUrl = new URL(enrollUrl).origin;
  staff = await logInAdmin(baseUrl, adminPassword);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await context.newPage();
}, startTimeoutMs + 30_000);

afterAll(async () => {
  await browser?.close();
  if (child?.pid !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Reads `npm start`'s output until the demo kiosk's enrol link appears (it is printed after "listening on"). */
function printedEnrollUrl(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let isFound = false;
    const timer = setTimeout(() => reject(new Error(`no enrol link within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
    const read = (chunk: Buffer) => {
      if (isFound) return;
      output += chunk.toString('utf8');
      const match = demoEnrollUrlPattern.exec(output);
      if (!match) return;
      isFound = true;
      clearTimeout(timer);
      resolve(match[1]!);
    };
    process.stdout?.on('data', read);
    process.stderr?.on('data', read);
    process.once('exit', (code) => { clearTimeout(timer); if (!isFound) reject(new Error(`npm start exited with ${code}:\n${output}`)); });
  });
}

async function pickDemoCard(maskedName: string): Promise<void> {
  await page.getByRole('button', { name: '模拟刷卡', exact: true }).click();
  await page.getByRole('button', { name: `模拟刷卡：${maskedName}` }).click();
}

/** The 演示凭条 panel's text and its verify link, after the demo printer has the receipt. */
async function receiptPreview(): Promise<{ text: string; verifyUrl: string | null }> {
  const panel = page.getByRole('complementary', { name: '演示凭条' });
  await panel.waitFor({ timeout: 15_000 });
  const link = panel.locator('a.demo-link');
  return { text: (await panel.locator('.paper').textContent()) ?? '', verifyUrl: (await link.count()) > 0 ? await link.first().getAttribute('href') : null };
}

async function expectVerifies(verifyUrl: string | null): Promise<void> {
  expect(verifyUrl).toMatch(/^http:\/\/.+/);
  const path = new URL(verifyUrl!).pathname;
  const kioskAndSeq = /\/(?:api\/v1\/)?receipts\/([^/]+)\/(\d+)/.exec(path) ?? /\/r\/([^/]+)\/(\d+)/.exec(path);
  const answer = await fetch(`${baseUrl}/api/v1/receipts/${kioskAndSeq?.[1]}/${kioskAndSeq?.[2]}`);
  expect(answer.status).toBe(200);
  expect(await answer.json()).toMatchObject({ valid: true });
}

async function finish(): Promise<void> {
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByRole('button', { name: '签到', exact: true }).waitFor();
  await expect.poll(() => page.getByRole('complementary', { name: '演示凭条' }).count()).toBe(0);
}

describe('demo walk-up', () => {
  it('enrols from the printed link and runs in demo mode with no device attached', async () => {
    await page.goto(enrollUrl);
    await page.locator('input[type=password]').fill('2468');
    await screenshot(page, 'walk-up-01-enrol');
    await page.getByRole('button', { name: '登记' }).click();
    await page.getByRole('button', { name: '签到', exact: true }).waitFor({ timeout: 15_000 });
    await page.getByText('演示模式').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '模拟刷卡', exact: true }).click();
    for (const name of ['王*华', '赵*明', '孙*雨']) await page.getByRole('button', { name: `模拟刷卡：${name}` }).waitFor();
    await screenshot(page, 'walk-up-02-picker');
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('checks the demo volunteer in and out with the picker and previews each receipt', async () => {
    const station = (await staff.call('GET', '/api/v1/stations')).body.stations.find((row: { name: string }) => row.name === '幸福里党群服务站');
    const nowMs = Date.now();
    const created = await staff.call('POST', '/api/v1/activities', { stationId: station.id, title: '演示走访活动', startsAt: new Date(nowMs - 3_600_000).toISOString(), endsAt: new Date(nowMs + 3_600_000).toISOString() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The kiosk refreshes today's activities when a resident picks check-in.
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await pickDemoCard('王*华');
    await page.getByRole('button', { name: /演示走访活动/ }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('签到成功').first().waitFor({ timeout: 15_000 });
    const checkIn = await receiptPreview();
    expect(checkIn.text).toContain('演示走访活动');
    expect(checkIn.text).not.toContain('王丽华');
    await expectVerifies(checkIn.verifyUrl);
    await screenshot(page, 'walk-up-03-check-in-receipt');
    await finish();

    await page.getByRole('button', { name: '签退', exact: true }).click();
    await pickDemoCard('王*华');
    // With one open attendance the kiosk checks out at once (no list to choose from).
    await page.getByText('签退成功').first().waitFor({ timeout: 15_000 });
    await expectVerifies((await receiptPreview()).verifyUrl);
    await screenshot(page, 'walk-up-04-check-out-receipt');
    await finish();
  });

  it('redeems the elder-only service as the demo elder', async () => {
    await page.getByRole('button', { name: '兑换', exact: true }).click();
    await pickDemoCard('赵*明');
    await page.getByRole('button', { name: /居家保洁/ }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('兑换成功').first().waitFor({ timeout: 15_000 });
    const redemption = await receiptPreview();
    expect(redemption.text).toContain('居家保洁');
    await expectVerifies(redemption.verifyUrl);
    await screenshot(page, 'walk-up-05-redeem-receipt');
    await finish();
  });

  it('registers the unregistered demo card', async () => {
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await pickDemoCard('孙*雨');
    await page.getByRole('button', { name: '同意', exact: true }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '不留手机号，直接注册' }).click();
    await page.getByText('注册成功').waitFor({ timeout: 15_000 });
    await screenshot(page, 'walk-up-06-registered');
    const found = await staff.call('POST', '/api/v1/identify', { card: { idNumber: '110105199609230687', name: '孙小雨' } });
    expect(found.status).not.toBe(404);
    await finish();
  });
});
