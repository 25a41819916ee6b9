// The zh-CN words of the printed daily close: transaction kinds, item sentences, amounts and Beijing time. Pure.
// (The admin console has its own bilingual dictionary for the screen; this is the paper a manager signs.)

import type { CloseItem } from './close-checks.ts';
import { formatMinutes, formatShanghaiTime } from '../receipts.ts';

const kindNames: Record<string, string> = {
  check_in: '签到', check_out: '签退', forgotten_check_out: '忘记签退', attendance_approval: '审核认定', attendance_rejection: '审核驳回',
  supplementary_credit: '补录', redemption: '兑换服务', booking: '预约冻结', booking_delivery: '预约兑现', booking_cancellation: '预约取消',
  booking_expiry: '预约过期', gift: '赠送', reversal: '冲正', points_expiry: '积分过期', registration: '注册', sequence_void: '序号作废',
  offline_shortfall: '离线透支', offline_insufficient_balance: '离线余额不足',
};

export const closeCheckTitles: Record<string, string> = {
  trial_balance_zero: '试算平衡（各资产合计为零）', balances_match_postings: '余额与分录一致', chain_verifies: '哈希链自上次日结起校验通过',
  no_floor_violated: '无账户低于下限', kiosk_sequences_and_counters: '一体机序号连续且日终计数一致', holds_resolved_once: '冻结均未决或只处理一次',
  reconciliation_items_listed: '无未处理对账事项',
};

/** A kind in words, or the kind itself when it has none yet (never hides a kind). */
export function kindName(kind: string): string {
  return kindNames[kind] ?? kind;
}

export function amountText(asset: string | null, amount: number | null): string {
  if (asset === null || amount === null) return '';
  return asset === 'time' ? `时间币 ${formatMinutes(amount)}` : `积分 ${amount} 分`;
}

/** One item of the close as a sentence; ids stay in full so staff can look them up. */
export function closeItemText(item: CloseItem): string {
  switch (item.type) {
    case 'reconciliation':
      return `待处理对账：${kindName(item.kind)}${item.amount === null ? '' : `，${amountText(item.asset, item.amount)}`}（事项 ${item.itemId}${item.transactionId === null ? '' : `，交易 ${item.transactionId}`}）`;
    case 'late_upload':
      return `补传：${item.occurredOn} 发生的${kindName(item.kind)}，今日入账（账本序号 ${item.ledgerSeq}，交易 ${item.transactionId}）`;
    case 'check_failed':
      return `核对未通过：${closeCheckTitles[item.check] ?? item.check}${item.detail === '' ? '' : `（${item.detail}）`}`;
  }
}

/** ISO time as Beijing wall time, to the minute. */
export function beijingTime(iso: string): string {
  return `${formatShanghaiTime(Date.parse(iso))}（北京时间）`;
}
