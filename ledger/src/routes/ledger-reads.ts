// Ledger routes for staff (design.md §5): balances now or at a ledgerSeq, the change feed, chain verification and
// reversals (冲正, managers, audited). Permissions per role live in services/scope.ts.

import { Hono } from 'hono';
import { isId } from '../../../domain/ids.ts';
import { err, ok } from '../../../domain/result.ts';
import { hashRequest } from '../core/canonical.ts';
import { findTransactionById, ledgerHeadSeq } from '../db/operations/attendance-ledger-reads.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { findPersonById } from '../db/station/people.ts';
import { respondToOutcome } from '../operations/kiosk-write.ts';
import { denyUnlessStation, requireStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { optional, queryInteger, readBody, readQuery, text, type Check } from './validate.ts';

/** Longest change-feed page. */
export const feedLimitMax = 1_000;
const feedLimitDefault = 100;
const idCheck: Check<string> = (value, field) => (isId(value) ? ok(value) : err('invalid_input', `${field}: must be a time-ordered id`));

export function ledgerReadRoutes(ledger: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/people/:personId/balances', requireStaff('ledger:read'), async (c) => {
    const query = readQuery(c, { asOfSeq: optional(queryInteger(0, Number.MAX_SAFE_INTEGER)) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const ctx = c.get('ctx');
    const person = await findPersonById(ctx.database, c.req.param('personId') ?? '');
    if (!person) return fail(c, 'person_not_found');
    const denial = await denyUnlessStation(c, person.stationId);
    if (denial) return denial;
    const asOfSeq = query.value.asOfSeq ?? (await ledgerHeadSeq(ctx.database));
    const balances = await ledger.getBalances(person.id, asOfSeq);
    noStore(c);
    return c.json({ time: balances.time, points: balances.points, asOfSeq });
  });

  app.get('/ledger/transactions', requireStaff('ledger:feed'), async (c) => {
    const query = readQuery(c, { afterSeq: optional(queryInteger(0, Number.MAX_SAFE_INTEGER)), limit: optional(queryInteger(1, feedLimitMax)) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const afterSeq = query.value.afterSeq ?? 0;
    const rows = await ledger.listTransactionsAfter(afterSeq, query.value.limit ?? feedLimitDefault);
    noStore(c);
    return c.json({
      transactions: rows.map((row) => ({
        ledgerSeq: row.ledgerSeq, id: row.id, kind: row.kind, status: row.status, code: row.code, stationId: row.stationId, kioskId: row.kioskId, kioskSeq: row.kioskSeq,
        occurredAt: row.occurredAtMs === null ? null : new Date(row.occurredAtMs).toISOString(), recordedAt: new Date(row.recordedAtMs).toISOString(),
        reversesId: row.reversesId, memo: row.memo,
        postings: row.postings.map((posting) => ({ account: posting.accountKey, asset: posting.asset, amount: Math.abs(posting.amount), side: posting.amount > 0 ? 'credit' : 'debit', balanceAfter: posting.balanceAfter })),
        hash: row.hash, prevHash: row.prevHash,
      })),
      nextAfterSeq: rows.at(-1)?.ledgerSeq ?? afterSeq,
    });
  });

  app.get('/ledger/verify', requireStaff('ledger:feed'), async (c) => c.json(await ledger.verifyChain()));

  app.post('/transactions/:transactionId/reversal', requireStaff('ledger:correct'), async (c) => {
    const body = await readBody(c, { id: idCheck, reason: text({ min: 2, max: 200 }) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const ctx = c.get('ctx');
    const original = await findTransactionById(ctx.database, c.req.param('transactionId') ?? '');
    if (!original || original.stationId === null) return fail(c, 'transaction_not_found');
    const denial = await denyUnlessStation(c, original.stationId);
    if (denial) return denial;
    const principal = c.get('principal');
    const staffId = principal.kind === 'staff' ? principal.staff.id : '';
    const nowMs = ctx.nowMs();
    const outcome = await ledger.submit({
      id: body.value.id,
      requestHash: hashRequest({ kind: 'reversal', reversesId: original.id, reason: body.value.reason, staffId }),
      conflictKeys: [`reverse:${original.id}`],
      plan: () => ({
        kind: 'reversal', stationId: original.stationId!, actorId: staffId, occurredAtMs: nowMs, mode: 'authorize', transfers: [], reversesId: original.id,
        memo: body.value.reason, metadata: { reversesKind: original.kind },
        respond: ({ ledgerSeq }) => ({ reversal: { id: body.value.id, reversesId: original.id, ledgerSeq } }),
      }),
    });
    if (outcome.status === 'created' || outcome.status === 'rejected') {
      await ctx.audit.append({
        actorType: 'staff', actorId: staffId, stationId: original.stationId, event: 'reversal', outcome: outcome.status === 'created' ? 'success' : 'failure',
        target: original.id, detail: { reason: body.value.reason, ...(outcome.status === 'rejected' && { code: outcome.code }) },
      });
    }
    return respondToOutcome(c, outcome);
  });

  return app;
}
