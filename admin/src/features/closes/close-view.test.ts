// Proves the daily close's view logic: titles per check, totals order, item lines.
import { describe, expect, it } from 'vitest';
import type { Close } from '../../api/types.ts';
import { translator } from '../../i18n/i18n.ts';
import { checkTitle, failedCheckCount, itemLine, kindRows, signerLabel } from './close-view.ts';

const close: Close = {
  id: 'c', stationId: 's', businessDate: '2026-11-22', seqFrom: 1, seqTo: 9, chainHead: 'a', prevCloseHash: '0', closeHash: 'h', signature: 'sig',
  signedBy: 'staff1', createdAt: '2026-11-22T10:00:00Z',
  totals: { transactions: 5, rejected: 0, lateUploads: 1, byKind: { check_in: { count: 2, time: 0, points: 0 }, check_out: { count: 2, time: 120, points: 20 }, redemption: { count: 1, time: 30, points: 0 } } },
  checks: [{ name: 'trial_balance_zero', ok: true }, { name: 'kiosk_sequences_and_counters', ok: false, detail: 'kiosk k1: no day report' }],
  items: [],
};

describe('checkTitle', () => {
  it('names each of the seven checks in the current language', () => {
    expect(checkTitle(translator('zh-CN'), 'chain_verifies')).toBe('哈希链校验通过');
    expect(checkTitle(translator('en'), 'holds_resolved_once')).toBe('Holds open or resolved exactly once');
  });

  it('shows the code of a check it does not know', () => {
    expect(checkTitle(translator('zh-CN'), 'future_check')).toBe('future_check');
  });
});

describe('kindRows', () => {
  it('orders kinds by count, then name', () => {
    expect(kindRows(close).map((row) => row.kind)).toEqual(['check_in', 'check_out', 'redemption']);
  });
});

describe('itemLine', () => {
  it('leads with the item type and lists its other fields', () => {
    expect(itemLine({ type: 'late_upload', transactionId: 't1', ledgerSeq: 7, kind: 'check_out', occurredOn: '2026-11-21' }))
      .toBe('late_upload · transactionId: t1 · ledgerSeq: 7 · kind: check_out · occurredOn: 2026-11-21');
    expect(itemLine({ type: 'failed_check', name: 'chain_verifies', detail: null })).toBe('failed_check · name: chain_verifies');
  });
});

describe('failedCheckCount', () => {
  it('counts the failed checks', () => {
    expect(failedCheckCount(close)).toBe(1);
    expect(failedCheckCount({ ...close, checks: [] })).toBe(0);
  });
});

describe('signerLabel', () => {
  const staff = { id: 's1', username: 'admin', displayName: '系统管理员' };
  it('names the signed-in staff member and shows another signer by id', () => {
    expect(signerLabel('s1', staff)).toBe('系统管理员');
    expect(signerLabel('s1', { ...staff, displayName: '' })).toBe('admin');
    expect(signerLabel('s2', staff)).toBe('s2');
  });
});
