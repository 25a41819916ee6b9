// Encodes the kiosk's print jobs as ESC/POS bytes for a printer profile: receipts through the hardware's
// encodeReceipt (with the verify QR), statements, member QR slips and a test page. Pure.

import { createEscPosEncoder } from '../../../hardware/printer/escpos.ts';
import type { PrinterProfile } from '../../../hardware/printer/profiles.ts';
import { encodeReceipt } from '../../../hardware/printer/receipt.ts';
import type { PrintJob } from './print-job.ts';

/** Receipt kinds in the service's words, printed in Chinese on the slip. */
export const receiptKindNames: Record<string, string> = {
  check_in: '签到', check_out: '签退', redemption: '兑换', registration: '注册',
};

export function encodePrintJob(job: PrintJob, profile: PrinterProfile): Uint8Array {
  switch (job.kind) {
    case 'receipt': {
      const { receipt } = job;
      const verifyUrl = receipt.verifyUrl ?? `/api/v1/receipts/${receipt.kioskId}/${receipt.kioskSeq}`;
      return encodeReceipt({ ...receipt, kind: receiptKindNames[receipt.kind] ?? receipt.kind, verifyUrl, pending: job.isQueued || receipt.ledgerSeq === null }, profile);
    }
    case 'statement': {
      const encoder = createEscPosEncoder(profile).initialize().align('center').bold(true).size(2, 2).line(job.stationName).size(1, 1).line('对账单').bold(false).align('left');
      encoder.line(`志愿者编号 ${job.volunteerNo}`).line(`打印时间 ${job.printedAt.slice(0, 16).replace('T', ' ')} UTC`);
      encoder.line('-'.repeat(profile.columns));
      encoder.line(`时间币 ${hoursText(job.balances.time)}`).line(`积分 ${job.balances.points} 分`);
      encoder.line('-'.repeat(profile.columns));
      for (const entry of job.entries) encoder.line(`${entry.occurredAt.slice(0, 10)} ${receiptKindNames[entry.kind] ?? entry.kind} ${signed(entry.time)}分钟 ${signed(entry.points)}分`);
      if (job.entries.length === 0) encoder.line('暂无记录');
      return encoder.cut().encode();
    }
    case 'member-qr':
      return createEscPosEncoder(profile).initialize().align('center').bold(true).size(2, 2).line(job.stationName).size(1, 1).line('会员码').bold(false)
        .qrCode(job.qr).newline().line(`志愿者编号 ${job.volunteerNo}`).line('扫码签到、签退、查询').cut().encode();
    case 'test':
      return createEscPosEncoder(profile).initialize().align('center').bold(true).line('打印测试 TEST').bold(false)
        .line(`终端 ${job.kioskId}`).line(job.printedAt).qrCode(`LINLI-TEST-${job.kioskId}`).newline().line('中文：邻里服务站').cut().encode();
  }
}

function hoursText(minutes: number): string {
  return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟`;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
