// Proves commit groups keep queue order, respect the size limit and never hold two conflicting units.
import { describe, expect, it } from 'vitest';
import { pickGroup } from './group.ts';

const unit = (...conflictKeys: string[]) => ({ conflictKeys });

describe('pickGroup', () => {
  it('takes every unit when none conflict, up to the size limit', () => {
    expect(pickGroup([unit('a'), unit('b'), unit('c')], 10)).toEqual([0, 1, 2]);
    expect(pickGroup([unit('a'), unit('b'), unit('c')], 2)).toEqual([0, 1]);
  });
  it('leaves a unit whose keys overlap an earlier one for the next group', () => {
    expect(pickGroup([unit('a'), unit('b', 'a'), unit('c')], 10)).toEqual([0, 2]);
  });
  it('never lets a unit jump ahead of a skipped unit it conflicts with', () => {
    expect(pickGroup([unit('a'), unit('a', 'b'), unit('b'), unit('d')], 10)).toEqual([0, 3]);
  });
  it('groups units without keys freely', () => {
    expect(pickGroup([unit(), unit(), unit()], 2)).toEqual([0, 1]);
  });
});
