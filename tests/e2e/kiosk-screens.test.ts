// Every kiosk screen in portrait 1080×1920 and landscape 1920×1080, saved to test-results/kiosk-e2e/screens-*.png,
// each measured in Chromium: every button at least 64 × 64 px, every visible text at least 24 px. On the way it
// registers with the optional mobile number and finds the person again by that number and year of birth, and after
// that turn no browser storage (localStorage, sessionStorage, IndexedDB, Cache Storage, cookies) holds the name,
// ID number, address or phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoResidentFemale, demoResidentMale } from '../../hardware/card-reader/demo-cards.ts';
import { decodePrintout } from '../../hardware/printer/printout.ts';
import type { IdCard } from '../../hardware/card-reader/card-text.ts';
import { dumpBrowserStorage, openKiosk, personalDataIn, screenshot, tapCard as tapKioskCard, type KioskBrowser } from './support/kiosk-browser.ts';
import { auditScreenInPage, bodyTextPxMin, touchTargetPxMin } from './support/screen-audit.ts';
import { startStation, type StationServer } from './support/station-server.ts';
import { createEnrollmentCode, logInAdmin, type Staff } from './support/staff-api.ts';

const pin = '2468';
const phone = '13912345678';
const portrait = { width: 1080, height: 1920 };
const landscape = { width: 1920, height: 1080 };
let station: StationServer;
let staff: Staff;
let kiosk: KioskBrowser;
const audited: string[] = [];

beforeAll(async () => {
  station = await startStation();
  staff = await logInAdmin(station.url, station.adminPassword);
  kiosk = await openKiosk();
});

afterAll(async () => {
  await kiosk?.close();
  await station?.close();
});

/** Screenshots the screen as it stands in both orientations and checks sizes in each. */
async function capture(name: string): Promise<void> {
  const { page } = kiosk;
  for (const [orientation, viewport] of [['portrait', portrait], ['landscape', landscape]] as const) {
    await page.setViewportSize(viewport);
    await screenshot(page, `screens-${name}-${orientation}`);
    const problems = await page.evaluate(auditScreenInPage, { touchTargetPxMin, bodyTextPxMin });
    expect.soft(problems, `${name} (${orientation})`).toEqual([]);
  }
  await page.setViewportSize(portrait);
  audited.push(name);
}

async function tapCard(card: IdCard = demoResidentFemale): Promise<void> {
  await tapKioskCard(kiosk, card);
}

/** Holds requests to `path` for a moment, so the waiting screen can be seen. */
async function slowDown(page: Page, path: string): Promise<() => Promise<void>> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => { release = resolve; });
  const continued: Promise<void>[] = [];
  await page.route(`**${path}`, (route) => { const sent = held.then(() => route.continue()); continued.push(sent); return sent; });
  return async () => {
    release();
    await Promise.all(continued);
    await page.unroute(`**${path}`);
  };
}

async function typeDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).click();
}

describe('kiosk screens for people', () => {
  it('enrols, then shows the attract screen and the keypad path', async () => {
    const { page } = kiosk;
    const { enrollmentCode } = await createEnrollmentCode(staff);
    await page.goto(`${station.url}/kiosk/?enroll=${encodeURIComponent(enrollmentCode)}`);
    await page.locator('input[type=password]').waitFor();
    await capture('enrol');
    await page.locator('input[type=password]').fill(pin);
    await page.getByRole('button', { name: '登记' }).click();
    await page.locator('main[data-screen=attract]').waitFor({ timeout: 15_000 });
    const nowMs = Date.now();
    await staff.call('POST', '/api/v1/activities', { stationId: staff.stationId, title: '社区读报会', startsAt: new Date(nowMs - 10 * 60_000).toISOString(), endsAt: new Date(nowMs + 3 * 3_600_000).toISOString() });
    await page.reload();
    await page.locator('main[data-screen=attract]').waitFor({ timeout: 15_000 });
    await page.getByText('社区读报会').waitFor({ timeout: 15_000 });
    await capture('attract');
    // The audit sees this screen's buttons and text: with limits no screen can meet, it reports them.
    const impossible = await page.evaluate(auditScreenInPage, { touchTargetPxMin: 10_000, bodyTextPxMin: 1_000 });
    expect(impossible.some((line) => line.startsWith('button') && line.includes('签到'))).toBe(true);
    expect(impossible.some((line) => line.startsWith('text "今日活动'))).toBe(true);
    await page.getByRole('button', { name: /没带身份证/ }).click();
    await typeDigits(page, '139');
    await page.getByText('还差 8 位').waitFor();
    await capture('phone');
    await typeDigits(page, phone.slice(3));
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('main[data-screen=check-question]').waitFor();
    await capture('check-question');
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    await page.locator('main[data-screen=attract]').waitFor();
  });

  it('registers with the optional mobile number after 同意, sending it only then and keeping it out of browser storage', async () => {
    const { page } = kiosk;
    const sent: string[] = [];
    page.on('request', (request) => { if (request.url().endsWith('/api/v1/people')) sent.push(request.postData() ?? ''); });
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await capture('register-tap');
    await tapCard();
    await page.getByRole('button', { name: '同意', exact: true }).waitFor({ timeout: 15_000 });
    await capture('consent');
    await page.getByRole('button', { name: '同意', exact: true }).click();
    await page.locator('main[data-screen=register-phone]').waitFor();
    await typeDigits(page, phone);
    await page.getByText('已输完，请点“完成注册”').waitFor();
    await capture('register-phone');
    expect(sent).toEqual([]);
    const release = await slowDown(page, '/api/v1/people');
    await page.getByRole('button', { name: '完成注册' }).click();
    await page.locator('main[data-screen=working]').waitFor();
    await capture('working');
    await release();
    await page.getByText('注册成功').waitFor({ timeout: 15_000 });
    await capture('registered');
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!)).toMatchObject({ phone, consentVersion: expect.any(String), card: { idNumber: demoResidentFemale.idNumber } });
    expect(await dumpBrowserStorage(page)).not.toContain(phone);
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('tells an unknown card it is not registered, after a visible wait', async () => {
    const { page } = kiosk;
    const release = await slowDown(page, '/api/v1/identify');
    await tapCard(demoResidentMale);
    await page.locator('main[data-screen=identifying]').waitFor({ timeout: 15_000 });
    await capture('identifying');
    await release();
    await page.getByText('没有找到您的信息').waitFor({ timeout: 15_000 });
    await capture('not-found');
    await page.getByRole('button', { name: '回首页' }).click();
  });

  it('finds the person by mobile number and year of birth, and prints the member QR with feedback', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: /没带身份证/ }).click();
    await typeDigits(page, phone);
    await page.getByRole('button', { name: '下一步' }).click();
    await typeDigits(page, demoResidentFemale.birthDate.slice(0, 4));
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('main[data-screen=menu]').waitFor({ timeout: 15_000 });
    kiosk.printer.clear();
    await page.getByRole('button', { name: '打印会员码' }).click();
    await page.getByText('会员码已打印').waitFor({ timeout: 15_000 });
    expect(decodePrintout(kiosk.printer.printedBytes()).qrPayloads.some((payload) => payload.startsWith('LL1.'))).toBe(true);
    await capture('menu-member-qr-printed');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('main[data-screen=statement]').waitFor();
    await page.getByRole('button', { name: '打印对账单' }).and(page.locator(':not([disabled])')).waitFor({ timeout: 15_000 });
    await capture('statement');
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    await page.locator('main[data-screen=attract]').waitFor();
    // The turn is over: nothing typed or read (name, ID number, address, the phone used to identify) stayed behind.
    expect(personalDataIn(await dumpBrowserStorage(page), { ...demoResidentFemale, phone })).toEqual([]);
  });

  it('checks in and out: activities, confirmation and both results', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await tapCard();
    await page.locator('main[data-screen=activities]').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: /社区读报会/ }).waitFor({ timeout: 15_000 });
    await capture('activities');
    await page.getByRole('button', { name: /社区读报会/ }).click();
    await capture('confirm-check-in');
    await page.getByRole('button', { name: '确认' }).click();
    await page.locator('main[data-screen=checked-in]').waitFor({ timeout: 15_000 });
    await capture('checked-in');
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '签退', exact: true }).click();
    await tapCard();
    await page.locator('main[data-screen=checked-out]').waitFor({ timeout: 15_000 });
    await capture('checked-out');
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('redeems a service: the list, the confirmation and the pickup code', async () => {
    const { page } = kiosk;
    const found = await staff.call('POST', '/api/v1/identify', { card: { idNumber: demoResidentFemale.idNumber } });
    const activities = await staff.call('GET', `/api/v1/activities?stationId=${staff.stationId}&date=${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}`);
    const activity = (activities.body.activities as { id: string; title: string }[]).find((candidate) => candidate.title === '社区读报会')!;
    expect((await staff.call('POST', '/api/v1/attendances/supplementary', { personId: found.body.person.id, activityId: activity.id, minutes: 120, reason: '截图补录' })).status).toBe(201);
    for (const [name, price] of [['理发券', 10], ['助浴服务', 500]] as const) expect((await staff.call('POST', '/api/v1/services', { stationId: staff.stationId, name, asset: 'points', price })).status).toBe(201);
    await page.getByRole('button', { name: '兑换', exact: true }).click();
    await tapCard();
    await page.getByRole('button', { name: /理发券/ }).waitFor({ timeout: 15_000 });
    await capture('services');
    await page.getByRole('button', { name: /理发券/ }).click();
    await capture('confirm-redeem');
    await page.getByRole('button', { name: '确认' }).click();
    await page.locator('main[data-screen=redeemed]').waitFor({ timeout: 15_000 });
    await capture('redeemed');
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('shows the maintenance screens behind the PIN', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '维护' }).click();
    await capture('maintenance-pin');
    await page.locator('input[type=password]').fill(pin);
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('本机编号').waitFor();
    await capture('maintenance');
    await page.getByRole('button', { name: '返回' }).click();
    expect(audited).toHaveLength(22);
  });
});
