// The admin console's browser tests' shared set-up: a real `npm start` station, its bootstrap admin's API session,
// Debian Chromium at desktop size in zh-CN / Asia/Shanghai, sign-in through the login form, and screenshots in
// test-results/admin-e2e/.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { rootDir } from '../../../ledger/src/server.ts';
import { chromiumArgs } from './kiosk-browser.ts';
import { logInAdmin, type Staff } from './staff-api.ts';
import { startStation, type StationServer } from './station-server.ts';

export const adminUiWaitMs = 15_000;
const screenshotsFolder = join(rootDir, 'test-results', 'admin-e2e');

export type AdminBrowser = {
  station: StationServer;
  staff: Staff;
  page: Page;
  signIn(username?: string, password?: string): Promise<void>;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
};

export async function openAdminBrowser(options: { acceptDownloads?: boolean } = {}): Promise<AdminBrowser> {
  const station = await startStation();
  let browser: Browser | undefined;
  try {
    const staff = await logInAdmin(station.url, station.adminPassword);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: options.acceptDownloads ?? false });
    const opened = browser;
    return {
      station, staff, page,
      async signIn(username = 'admin', password = station.adminPassword) {
        await page.goto(`${station.url}/admin/`);
        await page.getByLabel('用户名').fill(username);
        await page.getByLabel('密码').fill(password);
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByRole('button', { name: '退出' }).waitFor({ timeout: adminUiWaitMs });
      },
      async shot(name) {
        mkdirSync(screenshotsFolder, { recursive: true });
        await page.screenshot({ path: join(screenshotsFolder, `${name}.png`), fullPage: true });
      },
      async close() {
        await opened.close();
        await station.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await station.close();
    throw error;
  }
}
