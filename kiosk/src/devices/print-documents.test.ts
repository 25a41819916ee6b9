// Proves print jobs become ESC/POS bytes the printer emulator decodes: receipts with the activity's Chinese title,
// the verify QR and 待同步 when offline; statements and member QR slips.
import { describe, expect, it } from 'vitest';
import { decodePrintout } from '../../../hardware/printer/printout.ts';
import { printer58mm } from '../../../hardware/printer/profiles.ts';
import { encodePrintJob } from './print-documents.ts';
import type { Receipt } from '../flow/types.ts';

const receipt: Receipt = { kioskId: 'K1', kioskSeq: 12, ledgerSeq: 345, kind: 'check_in', occurredAt: '2026-05-12T02:00:00.000Z', stationName: '幸福里服务站', lines: ['助老理发'], verifyUrl: 'http://127.0.0.1:8787/api/v1/receipts/K1/12' };

describe('encodePrintJob', () => {
  it('prints a receipt with the Chinese title, kind and the verify QR', () => {
    const printout = decodePrintout(encodePrintJob({ kind: 'receipt', receipt, isQueued: false }, printer58mm));
    const text = JSON.stringify(printout);
    expect(text).toContain('助老理发');
    expect(text).toContain('签到');
    expect(text).toContain(receipt.verifyUrl);
    expect(text).not.toContain('待同步');
  });

  it('marks a receipt printed offline as 待同步', () => {
    const text = JSON.stringify(decodePrintout(encodePrintJob({ kind: 'receipt', receipt: { ...receipt, ledgerSeq: null }, isQueued: true }, printer58mm)));
    expect(text).toContain('待同步');
  });

  it('prints a statement and a member QR without a name or ID number', () => {
    const statement = JSON.stringify(decodePrintout(encodePrintJob({ kind: 'statement', stationName: '幸福里服务站', volunteerNo: 'V00000001', balances: { time: 90, points: 15 }, entries: [{ ledgerSeq: 1, kind: 'check_out', occurredAt: '2026-05-12T02:00:00Z', time: 90, points: 15 }], printedAt: '2026-05-12T03:00:00Z' }, printer58mm)));
    expect(statement).toContain('1 小时 30 分钟');
    expect(statement).toContain('签退');
    const memberQr = JSON.stringify(decodePrintout(encodePrintJob({ kind: 'member-qr', stationName: '幸福里服务站', volunteerNo: 'V00000001', qr: 'LL1.V00000001.abcdefghijklmnopqrstuv' }, printer58mm)));
    expect(memberQr).toContain('LL1.V00000001.abcdefghijklmnopqrstuv');
  });
});
