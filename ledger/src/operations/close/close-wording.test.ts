// Proves the printed close's words: kinds in Chinese (an unknown kind shown as itself), each item type as a sentence
// with its amount in units, and times in Beijing time.

import { describe, expect, it } from 'vitest';
import { amountText, beijingTime, closeItemText, kindName } from './close-wording.ts';

describe('close wording', () => {
  it('names kinds in Chinese and never hides an unknown one', () => {
    expect(kindName('check_out')).toBe('签退');
    expect(kindName('points_expiry')).toBe('积分过期');
    expect(kindName('something_new')).toBe('something_new');
  });

  it('writes each item as a sentence with ids in full', () => {
    expect(closeItemText({ type: 'late_upload', transactionId: 'T1', ledgerSeq: 71, kind: 'check_in', occurredOn: '2026-11-20' }))
      .toBe('补传：2026-11-20 发生的签到，今日入账（账本序号 71，交易 T1）');
    expect(closeItemText({ type: 'reconciliation', itemId: 'I1', kind: 'offline_shortfall', transactionId: 'T2', asset: 'points', amount: 495, detail: '' }))
      .toBe('待处理对账：离线透支，积分 495 分（事项 I1，交易 T2）');
    expect(closeItemText({ type: 'reconciliation', itemId: 'I2', kind: 'offline_shortfall', transactionId: null, asset: 'time', amount: 90, detail: '' }))
      .toBe('待处理对账：离线透支，时间币 90 分钟（1 小时 30 分）（事项 I2）');
    expect(closeItemText({ type: 'check_failed', check: 'kiosk_sequences_and_counters', detail: 'K1 sent no day report' }))
      .toBe('核对未通过：一体机序号连续且日终计数一致（K1 sent no day report）');
    expect(closeItemText({ type: 'check_failed', check: 'chain_verifies', detail: '' })).toBe('核对未通过：哈希链自上次日结起校验通过');
  });

  it('shows amounts with units and times in Beijing time', () => {
    expect(amountText('time', 60)).toBe('时间币 60 分钟（1 小时）');
    expect(amountText(null, null)).toBe('');
    expect(beijingTime('2026-11-22T16:47:00.000Z')).toBe('2026-11-23 00:47（北京时间）');
  });
});
