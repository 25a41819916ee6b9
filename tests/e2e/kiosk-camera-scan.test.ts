// Camera scanning at the kiosk in real Chromium, whose fake camera plays a Y4M file: with no camera 扫描会员码 is not
// offered; with a camera showing nothing the camera screen passes the size audit (buttons ≥ 64 px, text ≥ 24 px) in
// both orientations and 取消 releases the camera; a refused permission is a plain message and opens no camera; with a
// camera showing a registered resident's real member code the kiosk identifies them by it (the same /identify {qr}
// call as a scanner), shows their menu with the masked name, and releases the camera (tracks ended, video gone). With
// a camera the jsQR chunk is fetched at boot and kept by the service worker, so an offline kiosk can still scan.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoVolunteerCard } from '../../hardware/card-reader/demo-cards.ts';
import { addNoise, drawQr, type GreyImage } from '../support/qr-image.ts';
import { encodeY4m } from '../support/y4m.ts';
import { openKiosk, screenshot, type KioskBrowser } from './support/kiosk-browser.ts';
import { auditScreenInPage, bodyTextPxMin, touchTargetPxMin } from './support/screen-audit.ts';
import { startStation, type StationServer } from './support/station-server.ts';
import { createEnrollmentCode, logInAdmin, type Staff } from './support/staff-api.ts';

const pin = '2468';
const cameraWidthPx = 640;
const cameraHeightPx = 480;
const waitMs = 15_000;
let station: StationServer;
let staff: Staff;
let folder = '';
let member: { code: string; displayName: string };
let kiosk: KioskBrowser | undefined;

beforeAll(async () => {
  station = await startStation();
  staff = await logInAdmin(station.url, station.adminPassword);
  // The seeded demo volunteer's member code, as the kiosk's 打印会员码 gets it: GET /people/{id}/member-qr.
  const found = await staff.call('POST', '/api/v1/identify', { card: { idNumber: demoVolunteerCard.idNumber } });
  expect(found.status).toBe(200);
  const qr = await staff.call('GET', `/api/v1/people/${found.body.person.id}/member-qr`);
  expect(qr.body.memberQr).toMatch(/^LL1\./);
  member = { code: qr.body.memberQr, displayName: found.body.person.displayName };
  folder = mkdtempSync(join(tmpdir(), 'linli-camera-'));
  const frames = (image: GreyImage) => [1, 2, 3].map((seed) => addNoise(image, 12, seed));
  const blank: GreyImage = { widthPx: cameraWidthPx, heightPx: cameraHeightPx, luma: new Uint8Array(cameraWidthPx * cameraHeightPx).fill(140) };
  writeFileSync(join(folder, 'blank.y4m'), encodeY4m(frames(blank), 10));
  writeFileSync(join(folder, 'member-code.y4m'), encodeY4m(frames(drawQr(member.code, { moduleSizePx: 10, widthPx: cameraWidthPx, heightPx: cameraHeightPx, darkLuma: 30, lightLuma: 230 })), 10));
});

afterAll(async () => {
  await kiosk?.close();
  await station?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const fakeCamera = (file: string) => ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${join(folder, file)}`];

/** A fresh browser with an enrolled kiosk on its attract screen; every camera track it opens is recorded. */
async function enrolledKiosk(extraArgs: string[]): Promise<Page> {
  await kiosk?.close();
  kiosk = await openKiosk({ extraArgs });
  await kiosk.context.addInitScript(recordCameraTracks);
  const { page } = kiosk;
  const { enrollmentCode } = await createEnrollmentCode(staff, `摄像头一体机 ${extraArgs.length}`);
  await page.goto(`${station.url}/kiosk/?enroll=${encodeURIComponent(enrollmentCode)}`);
  await page.locator('input[type=password]').fill(pin);
  await page.getByRole('button', { name: '登记' }).click();
  await page.locator('main[data-screen=attract]').waitFor({ timeout: waitMs });
  return page;
}

/** Runs in the page: wraps getUserMedia so the test can see whether each track was stopped. */
function recordCameraTracks(): void {
  const media = navigator.mediaDevices;
  const tracks: MediaStreamTrack[] = [];
  (window as unknown as { __cameraTracks: MediaStreamTrack[] }).__cameraTracks = tracks;
  if (media === undefined) return;
  const getUserMedia = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    tracks.push(...stream.getTracks());
    return stream;
  };
}

/** Whether the page fetched the jsQR decoder chunk (vite names it after canvas-detector.ts). */
const hasDecoderChunk = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /\/assets\/canvas-detector-[\w-]+\.js$/.test(entry.name)));

/** Whether the service worker keeps the decoder chunk in Cache Storage, so an offline restart can still scan. */
const isDecoderChunkCached = (page: Page) => page.evaluate(async () => {
  for (const name of await caches.keys()) {
    const requests = await (await caches.open(name)).keys();
    if (requests.some((request) => /\/assets\/canvas-detector-[\w-]+\.js$/.test(request.url))) return true;
  }
  return false;
});

/** Resolves once the camera was opened and then released: every track ended and no video element left. */
async function cameraReleased(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const tracks = (window as unknown as { __cameraTracks: MediaStreamTrack[] }).__cameraTracks;
    return tracks.length > 0 && tracks.every((track) => track.readyState === 'ended') && document.querySelector('video') === null;
  }, undefined, { timeout: waitMs });
}

describe('camera scanning (扫码)', () => {
  it('does not offer 扫描会员码 when the browser lists no camera', async () => {
    const page = await enrolledKiosk([]);
    const kinds = await page.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).map((device) => device.kind));
    expect(kinds).not.toContain('videoinput');
    await page.getByRole('button', { name: /没带身份证/ }).waitFor();
    expect(await page.getByRole('button', { name: '扫描会员码' }).count()).toBe(0);
    expect(await hasDecoderChunk(page)).toBe(false);
  });

  it('shows the camera screen at kiosk sizes in both orientations, and 取消 releases the camera', async () => {
    const page = await enrolledKiosk(fakeCamera('blank.y4m'));
    await page.getByRole('button', { name: '扫描会员码' }).waitFor({ timeout: waitMs });
    expect(await page.evaluate(() => typeof (window as { BarcodeDetector?: unknown }).BarcodeDetector)).toBe('undefined');
    // With a camera and no BarcodeDetector, boot fetches the decoder chunk in idle time (cached for offline scanning).
    await expect.poll(() => hasDecoderChunk(page), { timeout: waitMs }).toBe(true);
    await expect.poll(() => isDecoderChunkCached(page), { timeout: waitMs }).toBe(true);
    await screenshot(page, 'screens-attract-with-camera-portrait');
    expect.soft(await page.evaluate(auditScreenInPage, { touchTargetPxMin, bodyTextPxMin }), 'attract with 扫码').toEqual([]);
    await page.getByRole('button', { name: '扫描会员码' }).click();
    await page.locator('main[data-screen=camera]').waitFor();
    await page.getByText('请把会员码对准摄像头').waitFor();
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2 && document.querySelector('.camera-starting') === null, undefined, { timeout: waitMs });
    for (const [orientation, viewport] of [['portrait', { width: 1080, height: 1920 }], ['landscape', { width: 1920, height: 1080 }]] as const) {
      await page.setViewportSize(viewport);
      await screenshot(page, `screens-camera-${orientation}`);
      expect.soft(await page.evaluate(auditScreenInPage, { touchTargetPxMin, bodyTextPxMin }), orientation).toEqual([]);
    }
    await page.getByRole('button', { name: '取消' }).click();
    await page.locator('main[data-screen=attract]').waitFor();
    await cameraReleased(page);
  });

  it('says so plainly when camera permission is refused, and opens no camera', async () => {
    // A fake camera but no auto-accepted prompt: the browser refuses the permission.
    const page = await enrolledKiosk(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${join(folder, 'blank.y4m')}`]);
    await page.getByRole('button', { name: '扫描会员码' }).click({ timeout: waitMs });
    await page.getByText('摄像头没有打开权限').waitFor({ timeout: waitMs });
    expect(await page.evaluate(() => ({ tracks: (window as unknown as { __cameraTracks: unknown[] }).__cameraTracks.length, videos: document.querySelectorAll('video').length }))).toEqual({ tracks: 0, videos: 0 });
    await page.getByRole('button', { name: '回首页' }).click();
    await page.locator('main[data-screen=attract]').waitFor();
  });

  it('identifies a resident by the member code held up to the camera, then releases the camera', async () => {
    const page = await enrolledKiosk(fakeCamera('member-code.y4m'));
    const identifyBodies: string[] = [];
    page.on('request', (request) => { if (request.url().endsWith('/api/v1/identify')) identifyBodies.push(request.postData() ?? ''); });
    await page.getByRole('button', { name: '扫描会员码' }).click({ timeout: waitMs });
    await page.locator('main[data-screen=menu]').waitFor({ timeout: waitMs });
    await page.getByText(`您好，${member.displayName}`).waitFor();
    expect(member.displayName).not.toBe(demoVolunteerCard.name);
    expect(identifyBodies.map((body) => JSON.parse(body))).toEqual([{ qr: member.code }]);
    await cameraReleased(page);
  });
});
