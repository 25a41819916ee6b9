// /api/v1/audit: the audit chain for auditors and district admins (read-only), and its verification.

import { Hono } from 'hono';
import { listAuditRows } from '../db/station/audit.ts';
import { verifyAuditChain } from '../services/audit.ts';
import { requireStaff } from './auth.ts';
import { fail, type AppEnv } from './http.ts';
import { optional, queryInteger, readQuery } from './validate.ts';

const auditPageMax = 1_000;

export function auditRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requireStaff('audit:read'), async (c) => {
    const query = readQuery(c, { afterSeq: optional(queryInteger(0, Number.MAX_SAFE_INTEGER)), limit: optional(queryInteger(1, auditPageMax)) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const rows = await listAuditRows(c.get('ctx').database, query.value.afterSeq ?? 0, query.value.limit ?? 100);
    const records = rows.map((row) => ({ ...row, at: new Date(row.atMs).toISOString(), detail: JSON.parse(row.detail) as unknown }));
    return c.json({ records, nextAfterSeq: rows.at(-1)?.seq ?? query.value.afterSeq ?? 0 });
  });
  app.get('/verify', requireStaff('audit:read'), async (c) => c.json(await verifyAuditChain(c.get('ctx').database)));
  return app;
}
