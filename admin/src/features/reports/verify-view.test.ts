// Proves the 账本校验 wording: 通过 with the checked range, the first inconsistent sequence number, an empty chain,
// a role without the permission (403) said plainly, and other failures by their code's message.
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n.ts';
import { chainVerdict } from './verify-view.ts';

const t = translator('zh-CN');
const answer = (value: { ok: boolean; checkedThroughSeq: number; firstBadSeq?: number }) => ({ ok: true as const, status: 200, value });

describe('chainVerdict', () => {
  it('says 通过 with the range checked', () => {
    expect(chainVerdict(t, 'ledger', answer({ ok: true, checkedThroughSeq: 57 }))).toEqual({ tone: 'ok', text: '通过：账本序号 1–57 全部一致。' });
    expect(chainVerdict(t, 'audit', answer({ ok: true, checkedThroughSeq: 9 }))).toEqual({ tone: 'ok', text: '通过：审计序号 1–9 全部一致。' });
  });

  it('says an empty chain passes', () => {
    expect(chainVerdict(t, 'ledger', answer({ ok: true, checkedThroughSeq: 0 })).text).toBe('通过：账本还没有记录。');
  });

  it('names the first inconsistent sequence number', () => {
    expect(chainVerdict(t, 'ledger', answer({ ok: false, checkedThroughSeq: 41, firstBadSeq: 42 })))
      .toEqual({ tone: 'error', text: '不通过：在账本序号 42 处不一致（序号 1–41 一致）。' });
    expect(chainVerdict(t, 'audit', answer({ ok: false, checkedThroughSeq: 0, firstBadSeq: 1 })).text).toBe('不通过：审计序号 1 就不一致。');
  });

  it('says plainly when the role may not check (403) and names other failures', () => {
    expect(chainVerdict(t, 'audit', { ok: false, error: { status: 403, code: 'forbidden' } }).text).toBe('您的角色不能校验审计日志（限区级管理员和审计员）。');
    expect(chainVerdict(t, 'ledger', { ok: false, error: { status: 0, code: 'network' } })).toEqual({ tone: 'error', text: '无法连接服务器，请检查网络后重试。' });
  });

  it('speaks English when asked', () => {
    expect(chainVerdict(translator('en'), 'ledger', answer({ ok: true, checkedThroughSeq: 3 })).text).toBe('Passed: ledger seq 1–3 all consistent.');
  });
});
