// Proves message templates fill every named slot, numbers included, and leave a slot with no value as written.

import { describe, expect, it } from 'vitest';
import { fillMessage } from './message-text.ts';

describe('fillMessage', () => {
  it('fills named slots and keeps unknown ones', () => {
    expect(fillMessage('{hours} 小时 {minutes} 分钟', { hours: 1, minutes: 30 })).toBe('1 小时 30 分钟');
    expect(fillMessage('已加载 {count} 人，{query}', { count: 3 })).toBe('已加载 3 人，{query}');
    expect(fillMessage('无变量')).toBe('无变量');
  });
});
