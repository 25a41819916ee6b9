// Proves the approvals queue's view logic: the person label and the minutes a manager may send.
import { describe, expect, it } from 'vitest';
import type { Approval } from '../../api/types.ts';
import { personLabel, readMinutes } from './approval-view.ts';

const approval: Approval = {
  id: 'a', attendanceId: 'a', reason: 'manager', personId: 'p1', volunteerNo: 'V0001', displayName: '张*三', activityId: 'x', activityTitle: '助老',
  checkedInAt: '2026-11-22T01:00:00Z', closedAt: '2026-11-22T02:00:00Z', rawMinutes: 62, proposedMinutes: 60, proposedPoints: 10, maxMinutes: 120,
};

describe('personLabel', () => {
  it('shows the masked name with the volunteer number, or whichever exists', () => {
    expect(personLabel(approval)).toBe('张*三（V0001）');
    expect(personLabel({ ...approval, displayName: null })).toBe('V0001');
    expect(personLabel({ ...approval, volunteerNo: null })).toBe('张*三');
    expect(personLabel({ ...approval, volunteerNo: null, displayName: null })).toBe('p1');
  });
});

describe('readMinutes', () => {
  it('sends nothing when the manager keeps the proposal', () => {
    expect(readMinutes(' 60 ', approval)).toEqual({ ok: true, minutes: undefined });
  });

  it('sends changed minutes up to the scheduled length, and 0', () => {
    expect(readMinutes('120', approval)).toEqual({ ok: true, minutes: 120 });
    expect(readMinutes('0', approval)).toEqual({ ok: true, minutes: 0 });
  });

  it('refuses more than the scheduled length, fractions, negatives and empty text', () => {
    expect(readMinutes('121', approval)).toEqual({ ok: false });
    expect(readMinutes('30.5', approval)).toEqual({ ok: false });
    expect(readMinutes('-5', approval)).toEqual({ ok: false });
    expect(readMinutes('', approval)).toEqual({ ok: false });
  });

  it('has no upper bound of its own when the activity is unknown', () => {
    expect(readMinutes('600', { ...approval, maxMinutes: null })).toEqual({ ok: true, minutes: 600 });
  });
});
