// The common path of a signed kiosk write (design.md §5): validates `{id, kioskSeq, occurredAt, offline?}`, dates it
// (a write queued on the kiosk is an offline fact, write-time.ts), hashes the body for idempotency, puts the deferred
// nonce on the unit, supplies the unit's kiosk fields and maps a SubmitOutcome to HTTP.

import type { Context } from 'hono';
import { isId } from '../../../domain/ids.ts';
import { err, ok, type Result } from '../../../domain/result.ts';
import { hashRequest, type JsonValue } from '../core/canonical.ts';
import type { SubmitOutcome } from '../core/transaction.ts';
import type { Unit, UnitNonce } from '../db/ledger/unit.ts';
import type { KioskRow } from '../db/station/kiosks.ts';
import { signedBodyOf, takeDeferredNonce } from '../routes/auth.ts';
import { storeDeferredNonce } from '../services/kiosk-auth.ts';
import { assert } from '../../../domain/assert.ts';
import { fail, isErrorCode, statusOfCode, type AppEnv } from '../routes/http.ts';
import { boolean, integer, isoTime, object, optional, type Check } from '../routes/validate.ts';
import { kioskHeaders } from '../../../domain/kiosk-signature.ts';
import { decideWriteTime } from './write-time.ts';

/** `id` must be a time-ordered id made by the kiosk (domain/ids.ts). */
export const kioskWriteId: Check<string> = (value, field) => (isId(value) ? ok(value) : err('invalid_input', `${field}: must be a time-ordered id (26 chars, Crockford base32)`));

const utf8 = new TextDecoder();

export const kioskWriteShape = { id: kioskWriteId, kioskSeq: integer(1, Number.MAX_SAFE_INTEGER), occurredAt: isoTime, offline: optional(boolean) };

type Shape = Record<string, Check<unknown>>;
type Checked<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

/** A validated kiosk write: the kiosk, the common fields, the operation's fields and the request hash. */
export type KioskWrite<T> = {
  kiosk: KioskRow;
  id: string;
  kioskSeq: number;
  occurredAtMs: number;
  /** `"offline": true`, or queued on the kiosk longer than `queuedWriteDelayMsMin`: recorded, never bounced (rule 14). */
  offline: boolean;
  /** `X-Kiosk-Timestamp − occurredAt` (both on the kiosk's clock), never negative. */
  queueDelayMs: number;
  /** Server time when the request arrived: the authoritative time of an online write (rule 1). */
  receivedAtMs: number;
  /** The time the rules use: server time online; offline, the arrival minus the queue delay (write-time.ts). */
  effectiveAtMs: number;
  requestHash: Uint8Array;
  fields: T;
  /** The request's nonce when the route deferred it (`requireKiosk({ nonce: 'defer' })`): the unit must carry it. */
  nonce?: UnitNonce | undefined;
};

export type KioskWriteCode = 'invalid_json' | 'invalid_input' | 'forbidden' | 'kiosk_nonce_reused';

/**
 * Reads and validates a kiosk write body. The request hash covers the whole parsed body and the kiosk id, so the
 * same id with any other body (or from another kiosk) is `id_reused`. Nothing is stored when this fails (422).
 */
export async function readKioskWrite<S extends Shape>(c: Context<AppEnv>, shape: S): Promise<Result<KioskWrite<Checked<S>>, KioskWriteCode>> {
  const read = await parseKioskWrite(c, shape);
  const deferred = takeDeferredNonce(c);
  if (read.ok || !deferred) return read;
  // Nothing reaches the ledger: the nonce is spent in its own commit so a replay still answers 401.
  return (await storeDeferredNonce(c.get('ctx'), deferred)) ? read : err('kiosk_nonce_reused');
}

async function parseKioskWrite<S extends Shape>(c: Context<AppEnv>, shape: S): Promise<Result<KioskWrite<Checked<S>>, KioskWriteCode>> {
  const principal = c.get('principal');
  if (principal.kind !== 'kiosk') return err('forbidden');
  let body: unknown;
  try {
    const signed = signedBodyOf(c);
    // Hono's c.req.json() after the signature check's arrayBuffer() would rebuild a Response to read it again.
    body = signed ? JSON.parse(utf8.decode(signed)) : await c.req.json();
  } catch {
    return err('invalid_json');
  }
  const common = object(kioskWriteShape)(body, '');
  if (!common.ok) return common;
  const fields = object(shape)(body, '');
  if (!fields.ok) return fields;
  const receivedAtMs = c.get('ctx').nowMs();
  // requireKiosk verified the timestamp header within the signing window before the route ran.
  const sentAtMs = Number(c.req.header(kioskHeaders.timestamp));
  assert(Number.isSafeInteger(sentAtMs), 'a verified kiosk request carries X-Kiosk-Timestamp');
  const time = decideWriteTime({
    offlineFlag: common.value.offline === true, occurredAtMs: common.value.occurredAt, sentAtMs, receivedAtMs,
  });
  return ok({
    kiosk: principal.kiosk, id: common.value.id, kioskSeq: common.value.kioskSeq, occurredAtMs: common.value.occurredAt, receivedAtMs, ...time,
    requestHash: hashRequest({ kioskId: principal.kiosk.id, body: body as JsonValue }),
    fields: fields.value as Checked<S>,
    nonce: nonceOf(takeDeferredNonce(c)),
  });
}

/**
 * The unit with the request's deferred nonce, so the nonce is stored in the write's own batch (no commit of its own)
 * and a replay is refused with nothing written. Every signed kiosk write submits through here.
 */
export function withWriteNonce<Loaded>(write: KioskWrite<unknown>, unit: Unit<Loaded>): Unit<Loaded> {
  return write.nonce ? { ...unit, nonce: write.nonce } : unit;
}

/**
 * Spends the deferred nonce in its own commit for a write that ends after `readKioskWrite` without reaching the
 * engine (invalid card data): its replay answers 401 like any other. False when the nonce was already used.
 */
export async function spendWriteNonce(c: Context<AppEnv>, write: KioskWrite<unknown>): Promise<boolean> {
  const deferred = takeDeferredNonce(c);
  return write.nonce === undefined || !deferred ? true : storeDeferredNonce(c.get('ctx'), deferred);
}

/** The kiosk fields of a planned transaction or rejection, so the kiosk's sequence stays accounted for. */
export function kioskFieldsOf(write: KioskWrite<unknown>, kind: string): { kind: string; stationId: string; kioskId: string; kioskSeq: number; occurredAtMs: number } {
  return { kind, stationId: write.kiosk.stationId, kioskId: write.kiosk.id, kioskSeq: write.kioskSeq, occurredAtMs: write.occurredAtMs };
}

/** Maps a failure of `readKioskWrite` to its response (422, 403 for a non-kiosk caller, 401 for a reused nonce). */
export function failKioskWrite(c: Context<AppEnv>, failure: { code: KioskWriteCode; detail?: string }): Response {
  return fail(c, failure.code, failure.detail);
}

/**
 * created → 201 + stored body; exists → 200 + the same stored body; rejected → the stored `{code, …}` with the code's
 * status from the one status table (replays too); id_reused → 409 `{code:'id_reused'}`.
 */
export function respondToOutcome(c: Context<AppEnv>, outcome: SubmitOutcome): Response {
  switch (outcome.status) {
    case 'created':
      return c.json(outcome.response as Record<string, unknown>, 201);
    case 'exists':
      return c.json(outcome.response as Record<string, unknown>, 200);
    case 'rejected':
      return c.json(rejectionBody(outcome.code, outcome.response), statusOfRejection(outcome.code));
    case 'id_reused':
      return fail(c, 'id_reused');
    case 'refused':
      return fail(c, outcome.code);
  }
}

function nonceOf(deferred: UnitNonce | undefined): UnitNonce | undefined {
  return deferred && { kioskId: deferred.kioskId, nonce: deferred.nonce, expiresAtMs: deferred.expiresAtMs };
}

/** The HTTP status of a stored rejection code; a plan answering a code missing from the table is a programmer error. */
export function statusOfRejection(code: string): (typeof statusOfCode)[keyof typeof statusOfCode] {
  assert(isErrorCode(code), `rejection code ${code} has no status in routes/http.ts`);
  return statusOfCode[code];
}

function rejectionBody(code: string, response: JsonValue): Record<string, unknown> {
  if (response !== null && typeof response === 'object' && !Array.isArray(response) && response.code === code) return response;
  return { code };
}
