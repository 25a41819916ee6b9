// The ledger's receipt as printed by a kiosk, and its encoding into ESC/POS bytes for a printer profile.
// Pure. A receipt printed offline (`pending`) shows 待同步 prominently at the top and the bottom.

import { createEscPosEncoder } from './escpos.ts';
import type { PrinterProfile } from './profiles.ts';
import { displayWidth, wrapToColumns } from './text-width.ts';

export type Receipt = {
  readonly kioskId: string;
  readonly kioskSeq: number;
  /** Null while the transaction has not reached the ledger (an offline receipt). */
  readonly ledgerSeq: number | null;
  readonly kind: string;
  /** ISO 8601 instant; printed in China Standard Time (UTC+8, no daylight saving). */
  readonly occurredAt: string;
  readonly stationName: string;
  /** Body lines already worded by the caller (zh-CN); wrapped to the paper width here. */
  readonly lines: readonly string[];
  /** ASCII URL printed as a QR code for verifying the receipt. */
  readonly verifyUrl: string;
  readonly pending?: boolean;
};

const chinaOffsetMs = 8 * 60 * 60 * 1000;

export function encodeReceipt(receipt: Receipt, profile: PrinterProfile): Uint8Array {
  const encoder = createEscPosEncoder(profile).initialize();
  const rule = '-'.repeat(profile.columns);
  const isPending = receipt.pending === true;

  encoder.align('center').bold(true).size(2, 2);
  for (const line of wrapToColumns(receipt.stationName, Math.floor(profile.columns / 2))) encoder.line(line);
  encoder.size(1, 1).bold(false);
  if (isPending) pendingBanner(encoder);
  encoder.line(rule).align('left');
  encoder.line(`业务：${receipt.kind}`);
  encoder.line(`时间：${formatChinaTime(receipt.occurredAt)}`);
  for (const line of receipt.lines.flatMap((text) => wrapToColumns(text, profile.columns))) encoder.line(line);
  encoder.line(rule);
  encoder.line(fitPair(`终端 ${receipt.kioskId}`, `序号 ${receipt.kioskSeq}`, profile.columns));
  encoder.line(`账本序号 ${receipt.ledgerSeq ?? '待同步'}`);
  encoder.align('center').qrCode(receipt.verifyUrl).newline().line('扫码核验');
  if (isPending) pendingBanner(encoder);
  return encoder.align('left').cut().encode();

  function pendingBanner(target: typeof encoder): void {
    target.bold(true).size(2, 2).line('【待同步】').size(1, 1).line('离线打印，联网后自动同步').bold(false);
  }
}

/** `2024-05-01T02:03:00Z` → `2024-05-01 10:03`; an unparsable value is printed as given. */
export function formatChinaTime(occurredAt: string): string {
  const instantMs = Date.parse(occurredAt);
  if (Number.isNaN(instantMs)) return occurredAt;
  const china = new Date(instantMs + chinaOffsetMs).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

/** Left and right text on one line when they fit, else the two joined by a space. */
function fitPair(left: string, right: string, columns: number): string {
  const gap = columns - displayWidth(left) - displayWidth(right);
  return gap >= 1 ? left + ' '.repeat(gap) + right : `${left} ${right}`;
}
