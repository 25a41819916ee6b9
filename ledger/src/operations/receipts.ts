// Receipts (凭条): the data a kiosk prints for every write, and the public verification of a printed receipt
// against the ledger. Receipt lines are zh-CN and carry only masked personal data; verification carries none.

import type { Asset, Balances } from '../../../domain/assets.ts';
import type { JsonValue } from '../core/canonical.ts';
import type { Database } from '../db/client.ts';
import { findReceiptRecord } from '../db/operations/attendance-receipts.ts';

/** Hex characters of the transaction hash shown on a receipt and by verification. */
export const receiptHashPrefixChars = 16;

export type Receipt = {
  kioskId: string;
  kioskSeq: number;
  ledgerSeq: number;
  kind: string;
  occurredAt: string;
  stationName: string;
  lines: string[];
  verifyUrl: string;
};

export type ReceiptInput = {
  kioskId: string;
  kioskSeq: number;
  ledgerSeq: number;
  kind: string;
  occurredAtMs: number;
  stationName: string;
  lines: readonly string[];
  /** Origin of the service as the kiosk reached it, e.g. `https://linli.example.cn`. */
  origin: string;
};

/** Builds the `receipt` of a kiosk write response (design.md §5). */
export function buildReceipt(input: ReceiptInput): Receipt & { [key: string]: JsonValue } {
  return {
    kioskId: input.kioskId, kioskSeq: input.kioskSeq, ledgerSeq: input.ledgerSeq, kind: input.kind,
    occurredAt: new Date(input.occurredAtMs).toISOString(), stationName: input.stationName, lines: [...input.lines],
    verifyUrl: `${input.origin}${receiptPath(input.kioskId, input.kioskSeq)}`,
  };
}

export function receiptPath(kioskId: string, kioskSeq: number): string {
  return `/api/v1/receipts/${encodeURIComponent(kioskId)}/${kioskSeq}`;
}

/** `90 分钟（1 小时 30 分）` style text for minutes of `time`. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} 分钟`;
  return rest === 0 ? `${minutes} 分钟（${hours} 小时）` : `${minutes} 分钟（${hours} 小时 ${rest} 分）`;
}

/** Shanghai wall-clock time `2026-04-01 09:05` for receipt lines. */
export function formatShanghaiTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function balanceLines(balances: Balances): string[] {
  return [`时间币余额：${formatMinutes(balances.time)}`, `积分余额：${balances.points} 分`];
}

export type ReceiptVerification = { valid: true; kind: string; occurredAt: string | null; amounts: Record<Asset, number>; hashPrefix: string; ledgerSeq: number };

/**
 * Public verification of a printed receipt: the posted transaction's kind, time, amounts moved per asset (the sum
 * of its credit legs) and a hash prefix. Undefined when the ledger has no posted transaction at that place.
 */
export async function verifyReceipt(database: Database, kioskId: string, kioskSeq: number): Promise<ReceiptVerification | undefined> {
  const record = await findReceiptRecord(database, kioskId, kioskSeq);
  if (!record) return undefined;
  const amounts: Record<Asset, number> = { time: 0, points: 0 };
  for (const posting of record.postings) if (posting.amount > 0) amounts[posting.asset] += posting.amount;
  return {
    valid: true, kind: record.kind, occurredAt: record.occurredAtMs === null ? null : new Date(record.occurredAtMs).toISOString(),
    amounts, hashPrefix: record.hashHex.slice(0, receiptHashPrefixChars), ledgerSeq: record.ledgerSeq,
  };
}
