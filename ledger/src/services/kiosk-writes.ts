// Idempotent kiosk writes this service records itself (registration): the outcome of each `id` is stored
// once, rejections included; a retry gets it again (200), the same id with another body gets `id_reused`.

import { findKioskWrite, insertKioskWrite, type KioskWriteRow } from '../db/station/people.ts';
import { isUniqueViolation } from '../db/station/errors.ts';
import type { ServiceContext } from './context.ts';
import { sha256B64url } from './crypto.ts';

export type KioskWriteKey = { id: string; kioskId: string; kioskSeq: number; kind: string; requestHash: string };
export type WriteOutcome = { status: number; body: Record<string, unknown> };

/** SHA-256 of the canonical JSON (sorted keys) of a request body. */
export async function hashRequest(body: unknown): Promise<string> {
  return sha256B64url(canonicalJson(body));
}

/** The earlier outcome of this id (200 for an earlier creation), `id_reused`, or undefined for a new id. */
export async function storedOutcome(ctx: ServiceContext, key: KioskWriteKey): Promise<WriteOutcome | undefined> {
  const row = await findKioskWrite(ctx.database, key.id);
  if (!row) return undefined;
  if (row.requestHash !== key.requestHash || row.kioskId !== key.kioskId) return { status: 409, body: { code: 'id_reused' } };
  return { status: row.status === 201 ? 200 : row.status, body: JSON.parse(row.response) as Record<string, unknown> };
}

export function kioskWriteRow(ctx: ServiceContext, key: KioskWriteKey, outcome: WriteOutcome): KioskWriteRow {
  return { ...key, status: outcome.status, response: JSON.stringify(outcome.body), recordedAtMs: ctx.nowMs() };
}

/** Stores a rejection as the final outcome of its id; a concurrent first write wins and is answered instead. */
export async function storeRejection(ctx: ServiceContext, key: KioskWriteKey, outcome: WriteOutcome): Promise<WriteOutcome> {
  try {
    await insertKioskWrite(ctx.database, kioskWriteRow(ctx, key, outcome));
    return outcome;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await storedOutcome(ctx, key)) ?? { status: 409, body: { code: 'kiosk_seq_reused' } };
  }
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
