// Proves the demo start-up link: on a demo database the printed link's code enrols a kiosk at the first demo
// station through POST /api/v1/kiosks/enroll (once), each start replaces an unused code, and SEED=none or a
// database without the demo seeds gets no link.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createServiceContext } from './app.ts';
import { openDatabase, type Database } from './db/client.ts';
import { writeMeta } from './db/meta.ts';
import { listKiosks } from './db/station/kiosks.ts';
import { listStationPlaces } from './db/station/stations.ts';
import { deriveKeys } from './services/crypto.ts';
import type { ServiceContext } from './services/context.ts';
import { demoEnrollUrlPattern, demoKioskLine, demoKioskName, prepareDemoKiosk } from './demo-kiosk.ts';
import { demoStationNames, seedDemo } from '../../seeds/demo.ts';
import { makeTestKiosk } from '../../tests/support/kiosk-signer.ts';

let database: Database;
let ctx: ServiceContext;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await openDatabase({ url: ':memory:' });
  const keys = await deriveKeys('demo-kiosk-test-secret-0123456789abcdef');
  ctx = createServiceContext({ database, keys, passwordIterations: 1_000 });
  await seedDemo(ctx);
  await writeMeta(database, 'demo_seed', 'completed');
  app = createApp({ database, keys, passwordIterations: 1_000 });
});
afterAll(() => database.close());

async function enrollWith(line: string) {
  const url = new URL(demoEnrollUrlPattern.exec(line)?.[1] ?? 'http://missing/');
  const enrollmentCode = url.searchParams.get('enroll') ?? '';
  const body = JSON.stringify({ enrollmentCode, publicKeyJwk: (await makeTestKiosk()).publicKeyJwk });
  return app.request('/api/v1/kiosks/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('prepareDemoKiosk', () => {
  it('prints a link whose code enrols the demo kiosk at the first demo station, once', async () => {
    const outcome = await prepareDemoKiosk(ctx, 'http://127.0.0.1:8787', 'demo');
    expect(outcome.status).toBe('created');
    if (outcome.status !== 'created') return;
    const line = demoKioskLine(outcome.link);
    expect(line).toMatch(/^demo kiosk \(演示一体机\): open http:\/\/127\.0\.0\.1:8787\/kiosk\/\?enroll=\S+ in Chromium/);
    const enrolled = await enrollWith(line);
    expect(enrolled.status).toBe(201);
    const firstStation = (await listStationPlaces(database)).find((station) => station.name === demoStationNames[0]);
    expect(await enrolled.json()).toMatchObject({ kioskId: outcome.link.kioskId, stationId: firstStation?.id });
    expect(await (await enrollWith(line)).json()).toMatchObject({ code: 'enrollment_code_invalid' });
    const audited = await database.client.execute({ sql: "SELECT event FROM audit_log WHERE target = ? ORDER BY seq", args: [outcome.link.kioskId] });
    expect(audited.rows.map((row) => row.event)).toEqual(['kiosk_created', 'kiosk_enrolled']);
  });

  it('replaces an unused code on the next start and leaves an enrolled demo kiosk as it is', async () => {
    const first = await prepareDemoKiosk(ctx, 'http://host:1', 'demo');
    const second = await prepareDemoKiosk(ctx, 'http://host:1', 'demo');
    if (first.status !== 'created' || second.status !== 'created') throw new Error('expected two links');
    expect(await (await enrollWith(demoKioskLine(first.link))).json()).toMatchObject({ code: 'enrollment_code_invalid' });
    expect((await enrollWith(demoKioskLine(second.link))).status).toBe(201);
    const kiosks = (await listKiosks(database, [second.link.stationId])).filter((kiosk) => kiosk.name === demoKioskName);
    expect(kiosks.filter((kiosk) => kiosk.revokedAtMs === null && kiosk.enrolledAtMs !== null)).toHaveLength(2);
    expect(kiosks.filter((kiosk) => kiosk.enrolledAtMs === null && kiosk.revokedAtMs === null)).toHaveLength(0);
  });

  it('makes no link with SEED=none or on a database the demo seeds did not load', async () => {
    expect(await prepareDemoKiosk(ctx, 'http://host:1', 'none')).toEqual({ status: 'not_demo' });
    const empty = await openDatabase({ url: ':memory:' });
    const emptyCtx = createServiceContext({ database: empty, keys: ctx.keys });
    expect(await prepareDemoKiosk(emptyCtx, 'http://host:1', 'demo')).toEqual({ status: 'not_demo' });
    expect(await listKiosks(empty, [])).toEqual([]);
    empty.close();
  });
});
