// GET /api/v1/ledger/export.csv?stationId=&from=&to=: a station's transactions over business dates as CSV, UTF-8
// with a BOM so Excel opens it in Chinese. Names masked, volunteer numbers only; no ID numbers or phones.

import { Hono } from 'hono';
import { businessDayEndMs, businessDayStartMs } from '../../../domain/business-date.ts';
import { parseAccountKey } from '../core/accounts.ts';
import { listStationTransactions, type ExportRow } from '../db/operations/attendance-ledger-reads.ts';
import { findPersonById } from '../db/station/people.ts';
import { formatShanghaiTime } from '../operations/receipts.ts';
import { denyUnlessStation, requireStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { calendarDate, idText, readQuery } from './validate.ts';

/** Most rows in one export; a longer range must be split. */
export const exportRowsMax = 10_000;
const exportDaysMax = 366;
const header = ['账本序号', '交易号', '类型', '状态', '代码', '发生时间', '记账时间', '一体机', '一体机序号', '志愿者编号', '姓名', '时间（分钟）', '积分', '冲正对象', '备注'];

export function exportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/export.csv', requireStaff('ledger:export'), async (c) => {
    const query = readQuery(c, { stationId: idText, from: calendarDate, to: calendarDate });
    if (!query.ok) return fail(c, query.code, query.detail);
    const fromMs = businessDayStartMs(query.value.from);
    const toMs = businessDayEndMs(query.value.to);
    if (toMs <= fromMs || toMs - fromMs > exportDaysMax * 86_400_000) return fail(c, 'date_range_invalid', `to: must be on or after from, at most ${exportDaysMax} days`);
    const denial = await denyUnlessStation(c, query.value.stationId);
    if (denial) return denial;
    const database = c.get('ctx').database;
    const rows = await listStationTransactions(database, query.value.stationId, fromMs, toMs, exportRowsMax + 1);
    if (rows.length > exportRowsMax) return fail(c, 'export_too_large', `more than ${exportRowsMax} rows: choose a shorter range`);
    const people = new Map<string, { volunteerNo: string; displayName: string } | undefined>();
    const lines = [header.map(csvField).join(',')];
    for (const row of rows) {
      const personId = personOf(row);
      if (personId !== null && !people.has(personId)) people.set(personId, await findPersonById(database, personId));
      const person = personId === null ? undefined : people.get(personId);
      lines.push(csvLine(row, person));
    }
    noStore(c);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="ledger-${query.value.stationId}-${query.value.from}-${query.value.to}.csv"`);
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`);
  });
  return app;
}

/** The person a transaction is about: the owner of its first person posting, else the metadata's personId. */
function personOf(row: ExportRow): string | null {
  for (const posting of row.postings) {
    const { account } = parseAccountKey(posting.accountKey);
    if (account.ownerKind === 'person') return account.ownerId;
  }
  const metadata = row.metadata === null ? null : (JSON.parse(row.metadata) as { personId?: unknown });
  return typeof metadata?.personId === 'string' ? metadata.personId : null;
}

function csvLine(row: ExportRow, person: { volunteerNo: string; displayName: string } | undefined): string {
  const net = (asset: string) => row.postings
    .filter((posting) => posting.asset === asset && parseAccountKey(posting.accountKey).account.ownerKind === 'person')
    .reduce((total, posting) => total + posting.amount, 0);
  return [
    row.ledgerSeq, row.id, row.kind, row.status === 'posted' ? '已记账' : '已拒绝', row.code ?? '',
    row.occurredAtMs === null ? '' : formatShanghaiTime(row.occurredAtMs), formatShanghaiTime(row.recordedAtMs), row.kioskId ?? '', row.kioskSeq ?? '',
    person?.volunteerNo ?? '', person?.displayName ?? '', net('time'), net('points'), row.reversesId ?? '', row.memo ?? '',
  ].map(csvField).join(',');
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
