// Proves 居民's view logic: finding people by masked fields, paging rules, the reveal reason's limits (4–200) and
// the plain message of a refused reveal.
import { describe, expect, it } from 'vitest';
import type { PersonView } from '../../api/types.ts';
import { translator } from '../../i18n/i18n.ts';
import { appendPage, findPeople, hasMorePeople, isValidRevealReason, revealErrorText } from './people-view.ts';

const person = (id: string, volunteerNo: string, displayName: string, idNumberMasked: string): PersonView => ({
  id, volunteerNo, displayName, idNumberMasked, age: 40, phoneMasked: null, sex: null, workUnit: null, stationId: 's', consentVersion: 'v1', consentAt: '2026-11-01T00:00:00Z',
});
const people = [person('p1', 'V000123', '王*华', '1101**********0425'), person('p2', 'V000456', '赵*明', '1101**********0314')];
const t = translator('zh-CN');

describe('findPeople', () => {
  it('finds by volunteer number, masked name or the visible digits of the masked ID', () => {
    expect(findPeople(people, 'v000456').map((found) => found.id)).toEqual(['p2']);
    expect(findPeople(people, '王').map((found) => found.id)).toEqual(['p1']);
    expect(findPeople(people, '0425').map((found) => found.id)).toEqual(['p1']);
  });

  it('answers everyone for an empty query and no one for a miss', () => {
    expect(findPeople(people, '  ')).toHaveLength(2);
    expect(findPeople(people, '李')).toEqual([]);
  });
});

describe('paging', () => {
  it('expects more after a full page and none after a short one', () => {
    expect(hasMorePeople(50, 50, 'p50')).toBe(true);
    expect(hasMorePeople(49, 50, 'p49')).toBe(false);
    expect(hasMorePeople(0, 50, null)).toBe(false);
  });

  it('appends a page keeping a person loaded twice only once', () => {
    expect(appendPage(people.slice(0, 1), people).map((found) => found.id)).toEqual(['p1', 'p2']);
  });
});

describe('isValidRevealReason', () => {
  it('takes 4 to 200 characters after trimming', () => {
    expect(isValidRevealReason('核对身份')).toBe(true);
    expect(isValidRevealReason(' 核对 ')).toBe(false);
    expect(isValidRevealReason('x'.repeat(200))).toBe(true);
    expect(isValidRevealReason('x'.repeat(201))).toBe(false);
  });
});

describe('revealErrorText', () => {
  it('says plainly that a clerk or auditor may not reveal (403), and names other failures by code', () => {
    expect(revealErrorText(t, { status: 403, code: 'forbidden' })).toBe('只有站长或管理员可以查看完整信息，您的角色没有此权限。');
    expect(revealErrorText(t, { status: 0, code: 'network' })).toBe('无法连接服务器，请检查网络后重试。');
  });
});
