// The kiosk is a PWA that starts with no network: once enrolled, its service worker controls /kiosk/; with the network
// cut (page and worker alike), a reloaded page and a restarted one (new page, same browser storage) show the attract
// screen from the cache with the offline banner; a resident identified online before the cut checks in, queued and
// printed 【待同步】, and the services list is still there; when the network is back the outbox drains and the ledger has
// that check-in exactly once. The linked manifest is valid and Chromium's own check finds the kiosk installable.
// Real Chromium, the real service as `npm start` on a temp database, fake serial devices wired to the emulators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoResidentMale } from '../../hardware/card-reader/demo-cards.ts';
import { decodePrintout, type Printout } from '../../hardware/printer/printout.ts';
import { openKiosk, screenshot, tapCard, type KioskBrowser } from './support/kiosk-browser.ts';
import { kioskTransactions, openVerifyUrl, receiptPlace } from './support/ledger-reads.ts';
import { installabilityOf, linkedManifest, restartKioskPage, serviceWorkerState } from './support/offline-start.ts';
import { startStation, type StationServer } from './support/station-server.ts';
import { createEnrollmentCode, logInAdmin, type Staff } from './support/staff-api.ts';

const pin = '1357';
const resident = demoResidentMale;
const activityTitle = '手工编织小组（离线启动测试）';
const serviceName = '修伞券（离线启动测试）';
const attractActions = ['签到', '签退', '查询', '兑换', '注册'];
/** From the first drain attempt after the network returns to an empty queue: a heartbeat every 10 s, retries ≤ 60 s. */
const drainTimeoutMs = 70_000;
let station: StationServer;
let staff: Staff;
let kiosk: KioskBrowser;
let kioskUrl = '';
let kioskId = '';
let verifyUrl = '';

beforeAll(async () => {
  station = await startStation();
  staff = await logInAdmin(station.url, station.adminPassword);
  kiosk = await openKiosk();
  kioskUrl = `${station.url}/kiosk/`;
  // Listed by overlap with the business day, so this window is valid whether now is 23:50 or 00:10 in Shanghai.
  const nowMs = Date.now();
  const created = await staff.call('POST', '/api/v1/activities', { stationId: staff.stationId, title: activityTitle, startsAt: new Date(nowMs - 30 * 60_000).toISOString(), endsAt: new Date(nowMs + 3 * 3_600_000).toISOString() });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const service = await staff.call('POST', '/api/v1/services', { stationId: staff.stationId, name: serviceName, asset: 'points', price: 5 });
  expect(service.status, JSON.stringify(service.body)).toBe(201);
});

afterAll(async () => {
  await kiosk?.close();
  await station?.close();
});

/** Waits until the printer has cut a receipt, then decodes it; every Chinese byte must have come in Chinese mode. */
async function receiptPrinted(): Promise<Printout> {
  await expect.poll(() => decodePrintout(kiosk.printer.printedBytes()).cutCount, { timeout: 10_000 }).toBeGreaterThan(0);
  const printout = decodePrintout(kiosk.printer.printedBytes());
  expect(printout.bytesOutsideChineseMode).toBe(0);
  return printout;
}

/** The attract screen as a resident sees it: the station's name and each of the five actions once, by role and name. */
async function expectAttractScreen(): Promise<void> {
  const { page } = kiosk;
  await page.getByRole('button', { name: '签到', exact: true }).waitFor({ timeout: 30_000 });
  for (const name of attractActions) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
  expect(await page.locator('.station strong').textContent()).toBe(staff.stationName);
}

describe('kiosk, offline start (PWA)', () => {
  it('enrols, and its service worker becomes active and controls /kiosk/ after a reload', async () => {
    const { page } = kiosk;
    const enrollment = await createEnrollmentCode(staff, '离线启动一体机');
    kioskId = enrollment.kioskId;
    await page.goto(`${kioskUrl}?enroll=${encodeURIComponent(enrollment.enrollmentCode)}`);
    await expect.poll(() => page.getByRole('textbox').first().inputValue()).toBe(enrollment.enrollmentCode);
    await page.locator('input[type=password]').fill(pin);
    await page.getByRole('button', { name: '登记' }).click();
    await expect.poll(() => page.locator('.station strong').textContent(), { timeout: 70_000 }).toBe(staff.stationName);

    const registered = await serviceWorkerState(page);
    expect(registered.scope).toBe(kioskUrl);
    expect(registered.activeScriptUrl).toMatch(/\/assets\/sw-[A-Za-z0-9_-]+\.js$/);
    await page.reload();
    await expectAttractScreen();
    const controlled = await serviceWorkerState(page);
    expect(controlled.controllerScriptUrl).toBe(registered.activeScriptUrl);
  });

  it('identifies a resident online once (registration, 查询, 兑换), so the offline cache knows them and the services', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: '同意', exact: true }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '不留手机号，直接注册' }).click();
    await page.getByText('注册成功').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await tapCard(kiosk, resident);
    await page.getByText('余额和最近记录').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '兑换' }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: /修伞券/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '签到', exact: true }).waitFor();
  });

  it('with the network cut, a reload and a restart in a new page show the attract screen from the cache and the offline banner', async () => {
    await kiosk.context.setOffline(true);
    // The cut reaches the service worker too, so the shell below can only have come from its cache.
    const [worker] = kiosk.context.serviceWorkers();
    expect(worker).toBeDefined();
    expect(await worker!.evaluate(() => fetch('/kiosk/', { cache: 'no-store' }).then(() => 'reached', () => 'cut'))).toBe('cut');

    const reloaded = await kiosk.page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expectAttractScreen();
    await kiosk.page.getByText('网络已断开').waitFor({ timeout: 30_000 });
    await screenshot(kiosk.page, 'offline-start-01-reloaded');

    kiosk = await restartKioskPage(kiosk, kioskUrl);
    await expectAttractScreen();
    await kiosk.page.getByText('网络已断开').waitFor({ timeout: 30_000 });
    expect((await serviceWorkerState(kiosk.page)).controllerScriptUrl).not.toBeNull();
    await screenshot(kiosk.page, 'offline-start-02-restarted');
  });

  it('checks the known resident in while still cut off: queued (banner count 1) and printed 【待同步】', async () => {
    const { page } = kiosk;
    kiosk.printer.clear();
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await tapCard(kiosk, resident);
    await page.getByRole('button', { name: /手工编织小组/ }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('待同步').first().waitFor({ timeout: 15_000 });
    await page.getByText('网络已断开，1 条记录待同步').waitFor();
    await screenshot(page, 'offline-start-03-check-in-queued');
    const printout = await receiptPrinted();
    expect(printout.lines).toContain('【待同步】');
    expect(printout.lines.join('\n')).toContain(activityTitle);
    const found = printout.qrPayloads.find((payload) => payload.startsWith(`${station.url}/api/v1/receipts/${kioskId}/`));
    expect(found, printout.qrPayloads.join(' ')).toBeDefined();
    verifyUrl = found!;
    expect((await openVerifyUrl(verifyUrl)).status).toBe(404);
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('still lists the station\'s services offline after the restart (redeeming is refused: the last balance seen is 0)', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '兑换' }).click();
    await tapCard(kiosk, resident);
    const serviceButton = page.getByRole('button', { name: /修伞券/ });
    await serviceButton.waitFor({ timeout: 15_000 });
    expect(await serviceButton.isDisabled()).toBe(true);
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByText('网络已断开，1 条记录待同步').waitFor();
  });

  it('drains when the network is back, and the ledger has the check-in exactly once', async () => {
    const { page, context } = kiosk;
    await context.setOffline(false);
    await page.getByText(/网络已断开/).waitFor({ state: 'detached', timeout: drainTimeoutMs });
    await screenshot(page, 'offline-start-04-drained');
    const { kioskSeq } = receiptPlace(verifyUrl);
    const written = (await kioskTransactions(staff, kioskId)).filter((transaction) => transaction.kioskSeq === kioskSeq);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ kind: 'check_in', kioskId });
    expect(await openVerifyUrl(verifyUrl)).toMatchObject({ status: 200, body: { valid: true, kind: 'check_in' } });
  });

  it('links a manifest that makes the kiosk installable: name, start_url within /kiosk/, standalone or fullscreen, icons', async () => {
    const { url, status, manifest } = await linkedManifest(kiosk.page);
    expect(status).toBe(200);
    expect(manifest.name).toBe('邻里服务一体机');
    expect(typeof manifest.short_name).toBe('string');
    const startUrl = new URL(String(manifest.start_url), url);
    const scope = new URL(String(manifest.scope ?? './'), url);
    expect(startUrl.origin).toBe(new URL(kioskUrl).origin);
    expect(startUrl.pathname.startsWith('/kiosk/')).toBe(true);
    expect(startUrl.pathname.startsWith(scope.pathname)).toBe(true);
    expect(['standalone', 'fullscreen']).toContain(manifest.display);
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      const body = await (await fetch(new URL(icon.src, url))).text();
      expect(icon.type).toBe('image/svg+xml');
      expect(body).toContain('<svg');
    }
    expect(icons.some((icon) => (icon.purpose ?? 'any').split(' ').includes('any') && icon.sizes.split(' ').includes('any'))).toBe(true);
  });

  it('is installable by Chromium\'s own check, which does find fault with a page that has no manifest (/admin/)', async () => {
    expect(await installabilityOf(kioskUrl, true)).toEqual({ installabilityErrorIds: [], manifestErrors: [] });
    expect((await installabilityOf(`${station.url}/admin/`, false)).installabilityErrorIds).not.toEqual([]);
  });
});
