// What the kiosk asks the printer for, before it becomes ESC/POS bytes: a receipt, a statement, a member QR, a test page.

import type { Balances } from '../../../domain/assets.ts';
import type { LedgerEntry, Receipt } from '../flow/types.ts';

export type PrintJob =
  | { kind: 'receipt'; receipt: Receipt; isQueued: boolean }
  | { kind: 'statement'; stationName: string; volunteerNo: string; balances: Balances; entries: LedgerEntry[]; printedAt: string }
  | { kind: 'member-qr'; stationName: string; volunteerNo: string; qr: string }
  | { kind: 'test'; kioskId: string; printedAt: string };
