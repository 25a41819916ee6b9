// Proves the admin dictionaries agree: same keys in both languages, slots filled, unknown slots left visible.
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { isMessageKey, translator } from './i18n.ts';
import { zhCN } from './zh-CN.ts';

describe('admin i18n', () => {
  it('has the same keys and the same {slots} in English as in Chinese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      const slots = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(slots(en[key]), key).toEqual(slots(zhCN[key]));
    }
  });

  it('fills slots and leaves a missing value as its slot', () => {
    const t = translator('zh-CN');
    expect(t('revoked', { name: '一号机' })).toBe('已停用“一号机”。');
    expect(t('revoked')).toBe('已停用“{name}”。');
    expect(translator('en')('outboxLength', { count: 3 })).toBe('3 waiting to upload');
  });

  it('recognises message keys and refuses other strings', () => {
    expect(isMessageKey('error_forbidden')).toBe(true);
    expect(isMessageKey('error_nonsense')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});
