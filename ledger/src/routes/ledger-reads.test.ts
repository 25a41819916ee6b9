// Proves the staff ledger routes: balances now and at a ledgerSeq, the change feed (pages, limit ≤ 1000), chain
// verification, reversals by managers (second → already_reversed, audited) and the CSV export (BOM, masked names,
// no ID numbers), plus who may call each.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAttendanceFixture, type AttendanceFixture } from '../operations/attendance/attendance-fixture.ts';

let f: AttendanceFixture;
let person: { id: string; volunteerNo: string; idNumber: string };
let checkOutId: string;
let admin: string;
let manager: string;
beforeEach(async () => {
  f = await makeAttendanceFixture();
  const activityId = await f.activity();
  person = await f.person(1);
  await f.write('/api/v1/check-ins', { personId: person.id, activityId });
  f.at('2026-04-01T10:00:00+08:00');
  checkOutId = (await f.write('/api/v1/check-outs', { personId: person.id, activityId })).body.id as string;
  admin = await f.login('admin');
  manager = await f.login('manager-a');
});
afterEach(() => f.close());
const json = async (response: Response) => (await response.json()) as Record<string, any>;

describe('ledger reads', () => {
  it('answers balances now and as of an earlier ledgerSeq', async () => {
    expect(await json(await f.call('GET', `/api/v1/people/${person.id}/balances`, { token: manager }))).toEqual({ time: 60, points: 10, asOfSeq: 2 });
    expect(await json(await f.call('GET', `/api/v1/people/${person.id}/balances?asOfSeq=1`, { token: manager }))).toEqual({ time: 0, points: 0, asOfSeq: 1 });
    expect((await f.call('GET', `/api/v1/people/${person.id}/balances`, { token: await f.login('manager-b') })).status).toBe(403);
  });

  it('pages the change feed with postings as account, asset, amount and side; limit 1000 passes, 1001 is 422', async () => {
    const first = await json(await f.call('GET', '/api/v1/ledger/transactions?afterSeq=0&limit=1', { token: admin }));
    expect(first.transactions).toHaveLength(1);
    expect(first.transactions[0]).toMatchObject({ ledgerSeq: 1, kind: 'check_in', status: 'posted', postings: [] });
    const next = await json(await f.call('GET', `/api/v1/ledger/transactions?afterSeq=${first.nextAfterSeq}&limit=1000`, { token: admin }));
    expect(next.transactions[0].postings).toContainEqual({ account: `person:${person.id}:main:time`, asset: 'time', amount: 60, side: 'credit', balanceAfter: 60 });
    expect(next.transactions[0].prevHash).toBe(first.transactions[0].hash);
    expect(next.nextAfterSeq).toBe(2);
    expect((await f.call('GET', '/api/v1/ledger/transactions?limit=1001', { token: admin })).status).toBe(422);
  });

  it('verifies the chain', async () => {
    expect(await json(await f.call('GET', '/api/v1/ledger/verify', { token: admin }))).toEqual({ ok: true, checkedThroughSeq: 2 });
  });
});

describe('reversals', () => {
  it('reverses a credit once (201), answers a second reversal with already_reversed, and audits both', async () => {
    const first = await f.call('POST', `/api/v1/transactions/${checkOutId}/reversal`, { token: manager, body: { id: f.newId(), reason: '重复签退' } });
    expect(first.status).toBe(201);
    expect(await json(await f.call('GET', `/api/v1/people/${person.id}/balances`, { token: manager }))).toMatchObject({ time: 0, points: 0 });
    const second = await f.call('POST', `/api/v1/transactions/${checkOutId}/reversal`, { token: manager, body: { id: f.newId(), reason: '再次冲正' } });
    expect(second.status).toBe(409);
    expect(await json(second)).toEqual({ code: 'already_reversed' });
    const audit = await json(await f.call('GET', '/api/v1/audit?afterSeq=0&limit=200', { token: await f.login('auditor') }));
    const reversals = (audit.records ?? audit.audit ?? audit.entries ?? []).filter((row: Record<string, unknown>) => row.event === 'reversal');
    expect(reversals.map((row: Record<string, unknown>) => row.outcome)).toEqual(['success', 'failure']);
  });

  it('refuses clerks and auditors (403), and answers 404 for an unknown transaction', async () => {
    for (const username of ['clerk-a', 'auditor'] as const) {
      expect((await f.call('POST', `/api/v1/transactions/${checkOutId}/reversal`, { token: await f.login(username), body: { id: f.newId(), reason: '测试' } })).status).toBe(403);
    }
    expect((await f.call('POST', '/api/v1/transactions/NOPE/reversal', { token: manager, body: { id: f.newId(), reason: '测试' } })).status).toBe(404);
  });
});

describe('CSV export', () => {
  it('exports UTF-8 with a BOM, masked names and volunteer numbers, never ID numbers', async () => {
    const response = await f.call('GET', `/api/v1/ledger/export.csv?stationId=${f.stationA}&from=2026-04-01&to=2026-04-01`, { token: manager });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('账本序号');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(`${person.volunteerNo},测*1,60,10`);
    expect(text).not.toContain(person.idNumber);
    expect(text).not.toContain('测试1');
  });

  it('refuses another station (403) and a reversed range (422)', async () => {
    expect((await f.call('GET', `/api/v1/ledger/export.csv?stationId=${f.stationA}&from=2026-04-01&to=2026-04-01`, { token: await f.login('manager-b') })).status).toBe(403);
    expect((await f.call('GET', `/api/v1/ledger/export.csv?stationId=${f.stationA}&from=2026-04-02&to=2026-04-01`, { token: manager })).status).toBe(422);
  });
});
