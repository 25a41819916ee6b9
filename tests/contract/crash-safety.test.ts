// Proves the server process and its libSQL file survive SIGKILL at random moments (reliability.md G7): after every
// restart the file passes integrity_check, every write answered 2xx/409 before the kill is stored with the same body
// and answers 200 (never 201) when re-sent, a write whose answer was lost settles exactly once, the ledger balances,
// the chain verifies and each kiosk's sequence is continuous. CRASH_KILLS (default 15) and CRASH_SEED steer it.
// Also proves the server refuses to start on a read-only file system: a database whose journal cannot become WAL,
// and a migrated WAL database whose start-up write fails.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCrashKiosk, type CrashKiosk, type Json } from '../support/crash-kiosk.ts';
import { inspectLedgerFile, storedKioskSeqs } from '../support/crash-ledger-file.ts';
import { checkPersonChains, resendAndCompare } from '../support/crash-expectations.ts';
import { killAllServerProcesses, killDuringStart, startServerExpectingRefusal, startServerProcess, type ServerProcess } from '../support/crash-server-process.ts';
import { seededRandom } from '../../domain/seeded-random.ts';
import { runWorker, settleWorker, type Catalogue, type Worker } from '../support/crash-workload.ts';

const killCount = Number(process.env.CRASH_KILLS ?? 15);
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const workersPerKiosk = 2;
const startTimeoutMs = 30_000;
const fetchTimeoutMs = 10_000;
const killDelayMsMin = 20;
const killDelayMsMax = 500;
/** Share of restarts that are themselves killed part-way through start-up (migrations, sweeps) before the real one. */
const startKillShare = 0.3;
const startKillDelayMsMax = 1_200;
const adminPassword = 'crash-admin-password-1';

let dataDir: string;
let server: ServerProcess | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'linli-crash-'));
});
afterAll(async () => {
  await killAllServerProcesses();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety of the server process and its libSQL file', () => {
  it(`keeps every acknowledged write and the ledger invariants across ${killCount} SIGKILLs`, async () => {
    const random = seededRandom(seed);
    const databasePath = join(dataDir, 'linli.db');
    const env = { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${databasePath}`, LINLI_SECRET: 'crash-test-secret-0123456789abcdefghijkl', BOOTSTRAP_ADMIN_PASSWORD: adminPassword, SEED: 'demo' };
    try {
      server = await startServerProcess(env, startTimeoutMs);
      const setup = await setUpStation(server.url);
      const kiosks = setup.kiosks;
      const workers: Worker[] = kiosks.flatMap((kiosk) => Array.from({ length: workersPerKiosk }, () => ({ kiosk, personIndex: 0, step: 0 })));
      let personCount = 0;
      const resent = new Set<string>();
      const settledCounts = { none: 0, absent: 0, present: 0, refused: 0, lost: 0 };

      for (let kill = 1; kill <= killCount; kill++) {
        let isStopping = false;
        const running = workers.map((worker) => runWorker(worker, setup.catalogue, () => server!.url, () => personCount++, () => isStopping));
        await sleep(killDelayMsMin + random() * (killDelayMsMax - killDelayMsMin));
        await server.kill();
        isStopping = true;
        await Promise.all(running);

        if (random() < startKillShare) await killDuringStart(env, random() * startKillDelayMsMax, startTimeoutMs);
        server = await startServerProcess(env, startTimeoutMs);
        const context = `after kill ${kill}/${killCount}`;
        expectSoundFile(databasePath, kiosks, context);
        for (const worker of workers) {
          const settled = await settleWorker(worker, server.url);
          expect(settled, `${context}: the write in flight settles when re-sent`).not.toBe('lost');
          settledCounts[settled] += 1;
        }
        await resendAndCompare(server.url, kiosks, resent, context);
        expectSoundFile(databasePath, kiosks, context, { allSettled: true });
        expect(await staffCall(server.url, 'GET', '/api/v1/ledger/verify', setup.token), `${context}: chain`).toMatchObject({ status: 200, body: { ok: true } });
        checkPersonChains(kiosks, context);
      }

      resent.clear();
      await resendAndCompare(server.url, kiosks, resent, 'final re-send of every write');
      const written = kiosks.reduce((sum, kiosk) => sum + kiosk.entries.length, 0);
      expect(written, 'the load wrote something between kills').toBeGreaterThan(killCount);
      expect(settledCounts.absent + settledCounts.present + settledCounts.refused, `kills caught writes in flight ${JSON.stringify(settledCounts)}`).toBeGreaterThan(0);
      expect(await server.stop(), 'SIGTERM exit code').toBe(0);
      expectSoundFile(databasePath, kiosks, 'after a clean stop', { allSettled: true });
    } catch (error) {
      if (error instanceof Error) error.message = `CRASH_SEED=${seed} CRASH_KILLS=${killCount}: ${error.message}\n--- server output ---\n${server?.output() ?? ''}`;
      throw error;
    }
  }, 60_000 + killCount * 8_000);
});

describe('durability settings at start-up', () => {
  it('refuses to start when the database on a read-only file system cannot switch to WAL', async () => {
    const readOnlyDir = join(dataDir, 'read-only');
    mkdirSync(readOnlyDir);
    const databasePath = join(readOnlyDir, 'linli.db');
    const rollbackJournal = new Database(databasePath);
    rollbackJournal.exec('CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES (\'before\')');
    expect(rollbackJournal.prepare('PRAGMA journal_mode').get()).toMatchObject({ journal_mode: 'delete' });
    rollbackJournal.close();
    const bytesBefore = readFileSync(databasePath);

    const env = { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${databasePath}`, LINLI_SECRET: 'crash-test-secret-0123456789abcdefghijkl', BOOTSTRAP_ADMIN_PASSWORD: adminPassword, SEED: 'none' };
    const refused = await startServerExpectingRefusal(env, startTimeoutMs, readOnlyDir);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toMatch(/readonly database/);
    expect(readFileSync(databasePath).equals(bytesBefore), 'the file is untouched').toBe(true);
  }, 60_000);

  it('refuses to start when a migrated WAL database sits on a read-only file system (the start-up write fails)', async () => {
    const readOnlyDir = join(dataDir, 'read-only-wal');
    mkdirSync(readOnlyDir);
    const databasePath = join(readOnlyDir, 'linli.db');
    const env = { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${databasePath}`, LINLI_SECRET: 'crash-test-secret-0123456789abcdefghijkl', BOOTSTRAP_ADMIN_PASSWORD: adminPassword, SEED: 'none' };
    const first = await startServerProcess(env, startTimeoutMs);
    await first.stop();
    const wal = new Database(databasePath);
    expect(wal.prepare('PRAGMA journal_mode').get()).toMatchObject({ journal_mode: 'wal' });
    wal.close();

    const refused = await startServerExpectingRefusal(env, startTimeoutMs, readOnlyDir);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toMatch(/readonly database|not writable/);
  }, 90_000);
});

/** The file checks after a restart; with `allSettled` every write of every kiosk must be stored at its kioskSeq. */
function expectSoundFile(databasePath: string, kiosks: CrashKiosk[], context: string, options: { allSettled?: boolean } = {}): void {
  const report = inspectLedgerFile(databasePath);
  expect(report.integrity, `${context}: integrity_check`).toEqual(['ok']);
  expect(Object.values(report.postingTotals).every((total) => total === 0), `${context}: postings per asset sum to 0 ${JSON.stringify(report.postingTotals)}`).toBe(true);
  expect(Object.values(report.balanceTotals).every((total) => total === 0), `${context}: balances per asset sum to 0 ${JSON.stringify(report.balanceTotals)}`).toBe(true);
  expect(report.unbalancedSeqs, `${context}: transactions whose legs do not balance`).toEqual([]);
  expect(report.balanceMismatches, `${context}: balances that are not the fold of their postings`).toEqual([]);
  expect(report.isLedgerSeqContinuous, `${context}: ledgerSeq has no hole`).toBe(true);
  for (const kiosk of kiosks) {
    for (const entry of kiosk.entries) {
      const stored = report.byId.get(entry.id);
      if (entry.answer === undefined && !options.allSettled) continue;
      expect(stored, `${context}: write ${entry.path} kioskSeq ${entry.kioskSeq} answered ${entry.answer?.status} is stored`).toBeDefined();
      expect(stored!.kioskSeq, `${context}: stored at its kioskSeq`).toBe(entry.kioskSeq);
      if (entry.answer !== undefined && entry.answer.status < 300) expect(stored!.response, `${context}: stored body of ${entry.path} seq ${entry.kioskSeq}`).toEqual(entry.answer.body);
      if (entry.answer?.status === 409) expect(stored!.code, `${context}: stored rejection`).toBe(entry.answer.body.code);
    }
    if (options.allSettled) {
      const expected = kiosk.entries.map((entry) => entry.kioskSeq);
      expect(storedKioskSeqs(report, kiosk.kioskId), `${context}: kiosk ${kiosk.kioskId} sequence is 1..${expected.length}`).toEqual(expected);
    }
  }
}

async function setUpStation(baseUrl: string): Promise<{ token: string; catalogue: Catalogue; kiosks: CrashKiosk[] }> {
  const login = await staffCall(baseUrl, 'POST', '/api/v1/staff/sessions', undefined, { username: 'admin', password: adminPassword });
  expect(login.status).toBe(201);
  const token = login.body.token as string;
  const stationId = (await staffCall(baseUrl, 'GET', '/api/v1/stations', token)).body.stations[0].id as string;
  const services = (await staffCall(baseUrl, 'GET', `/api/v1/services?stationId=${stationId}`, token)).body.services as Json[];
  const haircut = services.find((service) => service.asset === 'time' && service.price === 30 && service.minAge == null);
  const consult = services.find((service) => service.asset === 'points' && service.price === 10 && service.minAge == null);
  expect(haircut && consult, 'the demo station offers a 30-minute and a 10-point service').toBeTruthy();
  const nowMs = Date.now();
  const activity = await staffCall(baseUrl, 'POST', '/api/v1/activities', token, {
    stationId, title: '崩溃测试活动', startsAt: new Date(nowMs - 90 * 60_000).toISOString(), endsAt: new Date(nowMs + 180 * 60_000).toISOString(), rounding: { mode: 'exact' },
  });
  expect(activity.status).toBe(201);
  const kiosks: CrashKiosk[] = [];
  for (const name of ['崩溃测试机甲', '崩溃测试机乙']) {
    const created = await staffCall(baseUrl, 'POST', '/api/v1/kiosks', token, { stationId, name });
    const kiosk = await makeCrashKiosk(fetchTimeoutMs);
    const enrolled = await staffCall(baseUrl, 'POST', '/api/v1/kiosks/enroll', undefined, { enrollmentCode: created.body.enrollmentCode, publicKeyJwk: kiosk.signer.publicKeyJwk });
    expect(enrolled.status).toBe(201);
    kiosk.signer.kioskId = created.body.kioskId as string;
    kiosks.push(kiosk);
  }
  return { token, kiosks, catalogue: { activityId: activity.body.activity.id as string, haircutServiceId: haircut!.id as string, consultServiceId: consult!.id as string } };
}

async function staffCall(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(baseUrl + path, {
    method, signal: AbortSignal.timeout(fetchTimeoutMs),
    headers: { ...(token && { Authorization: `Bearer ${token}` }), ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
