// POST /api/v1/kiosks/sequence-voids (signed kiosk): fills a kioskSeq whose write the kiosk lost (a registration
// whose card lived only in memory, rule 18) with a value-free `sequence_void` transaction, so the kiosk's sequence
// stays continuous (close check 5). Idempotent by `id`. When the lost write did reach the ledger, nothing is voided
// and the answer names the transaction that holds the kioskSeq: `200 {voided:false, transactionId, kind, status, code}`.

import { Hono, type Context } from 'hono';
import type { JsonValue } from '../core/canonical.ts';
import type { Plan, SubmitOutcome } from '../core/transaction.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import type { LedgerReader, Unit } from '../db/ledger/unit.ts';
import { failKioskWrite, kioskFieldsOf, readKioskWrite, respondToOutcome, withWriteNonce, type KioskWrite } from '../operations/kiosk-write.ts';
import { requireKiosk } from './auth.ts';
import { noStore, type AppEnv } from './http.ts';
import { oneOf } from './validate.ts';

/** Why a kioskSeq may be voided: only a write the kiosk could not keep by design. */
export const sequenceVoidReasons = ['registration_lost'] as const;
export type SequenceVoidReason = (typeof sequenceVoidReasons)[number];

/** The transaction already holding a kioskSeq: ids, kind and outcome only, never personal data. */
export type SeqHolder = { transactionId: string; kind: string; status: 'posted' | 'rejected'; code: string | null };

/**
 * Voids share the registrations' conflict key, so a registration and the void of its kioskSeq never share a commit
 * group: the void's load always sees a registration that committed before it.
 */
const registrationConflictKey = 'person_registration';

export function kioskSequenceRoutes(engine: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The request's nonce is stored in the void's own ledger batch, like every signed kiosk write.
  app.post('/sequence-voids', requireKiosk({ nonce: 'defer' }), async (c) => {
    const write = await readKioskWrite(c, { reason: oneOf(sequenceVoidReasons) });
    if (!write.ok) return failKioskWrite(c, write);
    noStore(c);
    return respondToVoid(c, write.value.kioskSeq, await engine.submit(withWriteNonce(write.value, sequenceVoidUnit(write.value))));
  });
  return app;
}

/** The unit: reads who holds the kioskSeq inside the writer, then voids it or records that it is taken. */
export function sequenceVoidUnit(write: KioskWrite<{ reason: SequenceVoidReason }>): Unit<SeqHolder | null> {
  return {
    id: write.id,
    requestHash: write.requestHash,
    conflictKeys: [registrationConflictKey],
    load: (reader) => findSeqHolder(reader, write.kiosk.id, write.kioskSeq),
    plan: (holder) => planSequenceVoid(write, holder),
  };
}

/** Pure: a taken kioskSeq is a stored `kiosk_seq_reused` naming its holder; a free one gets a value-free void. */
export function planSequenceVoid(write: KioskWrite<{ reason: SequenceVoidReason }>, holder: SeqHolder | null): Plan<never> {
  const kiosk = kioskFieldsOf(write, 'sequence_void');
  if (holder !== null) return { reject: 'kiosk_seq_reused', response: { code: 'kiosk_seq_reused', holder }, ...kiosk };
  return {
    ...kiosk, mode: 'record', transfers: [], metadata: { reason: write.fields.reason },
    respond: ({ transactionId, ledgerSeq }) => ({ voided: true, transactionId, kioskSeq: write.kioskSeq, ledgerSeq }),
  };
}

/**
 * created/exists → the void (201/200). A stored `kiosk_seq_reused` that names the holder → 200 `{voided:false, …}`,
 * on the first answer and every replay alike. A `kiosk_seq_reused` without a holder (the engine's own check, only
 * when another writer raced) and everything else → the usual stored outcome.
 */
export function respondToVoid(c: Context<AppEnv>, kioskSeq: number, outcome: SubmitOutcome): Response {
  const holder = outcome.status === 'rejected' && outcome.code === 'kiosk_seq_reused' ? holderOf(outcome.response) : null;
  if (holder === null) return respondToOutcome(c, outcome);
  return c.json({ voided: false, kioskSeq, ...holder }, 200);
}

async function findSeqHolder(reader: LedgerReader, kioskId: string, kioskSeq: number): Promise<SeqHolder | null> {
  const result = await reader.client.execute({ sql: 'SELECT id, kind, status, code FROM transactions WHERE kiosk_id = ? AND kiosk_seq = ?', args: [kioskId, kioskSeq] });
  const row = result.rows[0];
  if (!row) return null;
  const status = String(row.status);
  return { transactionId: String(row.id), kind: String(row.kind), status: status === 'posted' ? 'posted' : 'rejected', code: row.code === null ? null : String(row.code) };
}

function holderOf(response: JsonValue): SeqHolder | null {
  const stored = isObject(response) ? response.holder ?? null : null;
  if (!isObject(stored)) return null;
  const { transactionId, kind, status, code } = stored;
  if (typeof transactionId !== 'string' || typeof kind !== 'string' || (status !== 'posted' && status !== 'rejected')) return null;
  return { transactionId, kind, status, code: typeof code === 'string' ? code : null };
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
