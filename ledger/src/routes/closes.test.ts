// Proves the daily close: a manager's close covers the ledgerSeq range since the previous close, runs the seven
// checks (kiosk counters from a signed day report), chains and signs, is one per station and date (already_closed),
// lists open reconciliation items and late offline uploads, prints as zh-CN HTML, and refuses clerks (403).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOperationsFixture, type OperationsFixture } from '../operations/redemption/operations-fixture.ts';
import { genesisCloseHash } from '../operations/close/close-seal.ts';

let f: OperationsFixture;
let person: { id: string };
beforeEach(async () => {
  f = await makeOperationsFixture();
  person = await f.person(1);
  await f.earn(person.id);
});
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const close = (businessDate: string, token = f.tokens.managerA) => f.call('POST', `/api/v1/stations/${f.stationA}/closes`, { token, body: { businessDate } });
const dayReport = (body: unknown) => f.kioskCall(f.kioskA, 'POST', '/api/v1/kiosks/day-report', body);

describe('POST /api/v1/stations/:stationId/closes', () => {
  it('closes a day with all seven checks passing when the kiosk counters match', async () => {
    const serviceId = await f.service({ asset: 'time', price: 30 });
    expect((await f.write('/api/v1/redemptions', { personId: person.id, serviceId })).response.status).toBe(201);
    const report = await dayReport({ businessDate: '2026-04-01', lastKioskSeq: 1, counters: { redemption: { count: 1, time: 30, points: 0 } } });
    expect(report.status).toBe(201);
    const response = await close('2026-04-01');
    expect(response.status).toBe(201);
    const { close: created } = await json(response);
    expect(created).toMatchObject({ businessDate: '2026-04-01', seqFrom: 1, seqTo: 3, prevCloseHash: genesisCloseHash, items: [] });
    expect(created.checks.map((check: { name: string }) => check.name)).toEqual(['trial_balance_zero', 'balances_match_postings', 'chain_verifies',
      'no_floor_violated', 'kiosk_sequences_and_counters', 'holds_resolved_once', 'reconciliation_items_listed']);
    expect(created.checks.every((check: { ok: boolean }) => check.ok)).toBe(true);
    expect(created.totals.byKind.redemption).toEqual({ count: 1, time: 30, points: 0 });
    expect(created.chainHead).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails the kiosk check when the reported counters differ from the ledger', async () => {
    await f.write('/api/v1/redemptions', { personId: person.id, serviceId: await f.service({ asset: 'points', price: 5 }) });
    await dayReport({ businessDate: '2026-04-01', lastKioskSeq: 1, counters: { redemption: { count: 1, time: 0, points: 6 } } });
    const { close: created } = await json(await close('2026-04-01'));
    const kioskCheck = created.checks.find((check: { name: string }) => check.name === 'kiosk_sequences_and_counters');
    expect(kioskCheck.ok).toBe(false);
    expect(kioskCheck.detail).toContain('redemption: 1/0/6≠1/0/5');
    expect(created.items).toContainEqual(expect.objectContaining({ type: 'check_failed', check: 'kiosk_sequences_and_counters' }));
  });

  it('allows one close per station and date (already_closed), chains the next one and never reopens', async () => {
    expect((await close('2026-04-01')).status).toBe(201);
    const again = await close('2026-04-01');
    expect(again.status).toBe(409);
    expect(await json(again)).toEqual({ code: 'already_closed' });
    const first = (await json(await f.call('GET', `/api/v1/stations/${f.stationA}/closes/2026-04-01`, { token: f.tokens.auditor }))).close;
    f.at('2026-04-02T09:05:00+08:00');
    const login = await f.call('POST', '/api/v1/staff/sessions', { body: { username: 'manager-a', password: 'correct horse battery' } });
    const token = (await json(login)).token as string;
    await f.earn(person.id, { time: 15, points: 0 });
    const second = (await json(await close('2026-04-02', token))).close;
    expect(second).toMatchObject({ seqFrom: first.seqTo + 1, seqTo: first.seqTo + 1, prevCloseHash: first.closeHash });
    const older = await close('2026-03-31', token);
    expect(older.status).toBe(409);
    expect((await json(older)).code).toBe('close_out_of_order');
    expect((await dayReport({ businessDate: '2026-04-01', lastKioskSeq: 0, counters: {} })).status).toBe(409);
  });

  it('refuses a business date in the future (422) and clerks (403)', async () => {
    expect((await close('2026-04-02')).status).toBe(422);
    expect((await close('2026-04-01', f.tokens.clerkA)).status).toBe(403);
    expect((await close('2026-04-01', f.tokens.managerB)).status).toBe(403);
  });

  it('lists open reconciliation items and flags a late offline upload; resolving is once and audited', async () => {
    f.at('2026-04-02T09:05:00+08:00');
    const token = (await json(await f.call('POST', '/api/v1/staff/sessions', { body: { username: 'manager-a', password: 'correct horse battery' } }))).token as string;
    const serviceId = await (async () => {
      const response = await f.call('POST', '/api/v1/services', { token, body: { stationId: f.stationA, name: '理发', asset: 'time', price: 200 } });
      return (await json(response)).service.id as string;
    })();
    const upload = await f.write('/api/v1/redemptions', { personId: person.id, serviceId, offline: true, occurredAt: '2026-04-01T18:00:00+08:00' });
    expect(upload.response.status).toBe(201);
    const { close: created } = await json(await close('2026-04-02', token));
    expect(created.totals.lateUploads).toBe(1);
    expect(created.items).toContainEqual(expect.objectContaining({ type: 'late_upload', transactionId: upload.body.id, occurredOn: '2026-04-01' }));
    const open = created.items.find((item: { type: string }) => item.type === 'reconciliation');
    expect(open).toMatchObject({ kind: 'offline_shortfall', amount: 80 });
    expect(created.checks.find((check: { name: string }) => check.name === 'reconciliation_items_listed').ok).toBe(false);
    const resolved = await f.call('POST', `/api/v1/reconciliation/${open.itemId}/resolve`, { token, body: { note: '居民已补足' } });
    expect(resolved.status).toBe(200);
    expect((await json(resolved)).item).toMatchObject({ status: 'resolved', resolution: { note: '居民已补足' } });
    const twice = await f.call('POST', `/api/v1/reconciliation/${open.itemId}/resolve`, { token, body: { note: '再次' } });
    expect(twice.status).toBe(409);
    const listed = await json(await f.call('GET', `/api/v1/reconciliation?stationId=${f.stationA}&status=open`, { token }));
    expect(listed.items).toEqual([]);
    const audit = await f.database.client.execute("SELECT event, target FROM audit_log WHERE event = 'reconciliation_resolved'");
    expect(audit.rows.map((row) => row.target)).toEqual([`reconciliation:${open.itemId}`]);
  });

  it('prints the close as a zh-CN A4 page', async () => {
    await close('2026-04-01');
    const page = await f.call('GET', `/api/v1/stations/${f.stationA}/closes/2026-04-01/print`, { token: f.tokens.managerA });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('甲站 日结报告');
    expect(html).not.toContain('测试1');
    expect(html).toMatch(/签署人：manager-a（[0-9A-Z]{26}）　签署时间：2026-04-0[12] \d\d:\d\d（北京时间）/);
    expect(html).toContain('<h2>待处理事项</h2><p>无</p>');
  });
});
