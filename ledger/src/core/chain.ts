// The hash chain: hash = SHA-256(0x00 ‖ prevHash ‖ canonical(transaction, postings, outcome)), 32-byte hashes,
// genesis prevHash = 32 zero bytes. The canonical form is a JSON array in a fixed field order. Pure: no I/O.

import { createHash } from 'node:crypto';
import { sha256, toHex } from './canonical.ts';

export const hashBytes = 32;
export const genesisHash: Uint8Array = new Uint8Array(hashBytes);
const leafPrefix = new Uint8Array([0x00]);
const encoder = new TextEncoder();

/** Every stored field of a transaction row and its postings, as the chain sees them. */
export type ChainRecord = {
  readonly ledgerSeq: number; readonly id: string; readonly requestHash: Uint8Array;
  readonly status: 'posted' | 'rejected'; readonly code: string | null; readonly kind: string; readonly mode: string;
  readonly stationId: string | null; readonly kioskId: string | null; readonly kioskSeq: number | null;
  readonly actorId: string | null; readonly occurredAtMs: number | null; readonly recordedAtMs: number;
  readonly opensHold: boolean; readonly holdExpiresAtMs: number | null; readonly resolvesHoldId: string | null;
  readonly resolution: string | null; readonly reversesId: string | null; readonly memo: string | null;
  readonly metadata: string | null; readonly response: string;
  readonly postings: readonly { readonly leg: number; readonly accountKey: string; readonly asset: string; readonly amount: number; readonly balanceAfter: number }[];
};

/** The canonical bytes of a record: UTF-8 JSON array, version tag first, fields in a fixed order. */
export function encodeChainRecord(record: ChainRecord): Uint8Array {
  return encodeChainFields(record.ledgerSeq, [
    record.id, toHex(record.requestHash), record.status, record.code, record.kind, record.mode, record.stationId,
    record.kioskId, record.kioskSeq, record.actorId, record.occurredAtMs, record.recordedAtMs, record.opensHold ? 1 : 0,
    record.holdExpiresAtMs, record.resolvesHoldId, record.resolution, record.reversesId, record.memo, record.metadata,
    record.response,
    record.postings.map((posting) => [posting.leg, posting.accountKey, posting.asset, posting.amount, posting.balanceAfter]),
  ]);
}

/**
 * The same bytes from the field list after `ledgerSeq`, in `chainFieldOrder`: lets verification read all fields as
 * one JSON array built by the database instead of one column at a time.
 */
export function encodeChainFields(ledgerSeq: number, fields: readonly unknown[]): Uint8Array {
  return encoder.encode(JSON.stringify(['linli.tx.v1', ledgerSeq, ...fields]));
}

/** Field order after `ledgerSeq` (postings last, each `[leg, accountKey, asset, amount, balanceAfter]`). */
export const chainFieldOrder = ['id', 'requestHashHex', 'status', 'code', 'kind', 'mode', 'stationId', 'kioskId', 'kioskSeq', 'actorId',
  'occurredAtMs', 'recordedAtMs', 'opensHold', 'holdExpiresAtMs', 'resolvesHoldId', 'resolution', 'reversesId', 'memo', 'metadata',
  'response', 'postings'] as const;

export function chainHash(prevHash: Uint8Array, canonical: Uint8Array): Uint8Array {
  return sha256(leafPrefix, prevHash, canonical);
}

/** `chainHash` with the previous hash and the result as lowercase hex and the canonical bytes as JSON text. */
export function chainHashHex(prevHashHex: string, canonicalText: string): string {
  return createHash('sha256').update(leafPrefix).update(prevHashHex, 'hex').update(canonicalText, 'utf8').digest('hex');
}

export function hashRecord(prevHash: Uint8Array, record: ChainRecord): Uint8Array {
  return chainHash(prevHash, encodeChainRecord(record));
}
