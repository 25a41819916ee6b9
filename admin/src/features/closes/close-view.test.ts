// Proves the daily close's view logic: titles per check, totals order, item sentences.
import { describe, expect, it } from 'vitest';
import type { Close } from '../../api/types.ts';
import { translator } from '../../i18n/i18n.ts';
import { checkTitle, failedCheckCount, itemSentence, kindRows, signerLabel } from './close-view.ts';

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

describe('itemSentence', () => {
  const zh = translator('zh-CN'), en = translator('en');

  it('reads a late upload as a sentence with the kind in words, its ledgerSeq and the day it happened', () => {
    const item = { type: 'late_upload', transactionId: 't1', ledgerSeq: 71, kind: 'check_in', occurredOn: '2026-11-20' };
    expect(itemSentence(zh, item)).toBe('补传：签到（账本序号 71）发生于 2026-11-20，之后的营业日才上传。');
    expect(itemSentence(en, item)).toBe('Late upload: Check-in (ledger no. 71) happened on 2026-11-20 and arrived on a later business day.');
  });

  it('reads an open reconciliation item with its amount in hours and minutes, or in points', () => {
    const time = { type: 'reconciliation', itemId: 'i1', kind: 'offline_shortfall', transactionId: 't2', asset: 'time', amount: 90, detail: '余额不足' };
    expect(itemSentence(zh, time)).toBe('待处理对账：离线透支，1 小时 30 分钟。余额不足');
    const points = { ...time, asset: 'points', amount: 500, detail: '' };
    expect(itemSentence(zh, points)).toBe('待处理对账：离线透支，500 分。');
    expect(itemSentence(en, points)).toBe('Open reconciliation: Offline shortfall, 500 points.');
  });

  it('drops the amount of an item that carries none', () => {
    expect(itemSentence(zh, { type: 'reconciliation', kind: 'gift', asset: null, amount: null, detail: '' })).toBe('待处理对账：转赠。');
  });

  it('reads a failed check by its name in words and its detail', () => {
    expect(itemSentence(zh, { type: 'check_failed', check: 'chain_verifies', detail: 'first bad ledgerSeq 12' })).toBe('核对未通过：哈希链校验通过。first bad ledgerSeq 12');
    expect(itemSentence(en, { type: 'check_failed', check: 'no_floor_violated', detail: '' })).toBe('Check failed: No account below its floor.');
  });

  it('shows a kind and an item type it does not know by their codes', () => {
    expect(itemSentence(zh, { type: 'late_upload', ledgerSeq: 3, kind: 'future_kind', occurredOn: '2026-11-01' })).toContain('补传：future_kind（账本序号 3）');
    expect(itemSentence(zh, { type: 'mystery', ledgerSeq: 4, note: null })).toBe('其他事项：type: mystery · ledgerSeq: 4');
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
