// Proves the 微心愿 workflow: the happy path 点单→派单→接单→验单→评单, refused out-of-order actions, rejection
// reasons and ratings within their limits, and reasons shown only to the requester.
import { describe, expect, it } from 'vitest';
import { decideWishTransition, visibleRejectionReason, type WishAction, type WishState } from './wish.ts';

function run(actions: readonly WishAction[]): WishState | string {
  let state: WishState = 'submitted';
  for (const action of actions) {
    const next = decideWishTransition(state, action);
    if (!next.ok) return next.code;
    state = next.value;
  }
  return state;
}

describe('decideWishTransition', () => {
  it('walks 点单→派单→接单→验单→评单', () => {
    expect(run([{ kind: 'dispatch' }, { kind: 'claim' }, { kind: 'fulfil' }, { kind: 'verify' }, { kind: 'rate', stars: 5 }])).toBe('rated');
  });

  it('returns a wish to claimed when verification is refused, and to dispatched when released', () => {
    expect(run([{ kind: 'dispatch' }, { kind: 'claim' }, { kind: 'fulfil' }, { kind: 'refuse_verification' }])).toBe('claimed');
    expect(run([{ kind: 'dispatch' }, { kind: 'claim' }, { kind: 'release' }])).toBe('dispatched');
  });

  it('refuses out-of-order actions (wish_transition_invalid)', () => {
    expect(run([{ kind: 'claim' }])).toBe('wish_transition_invalid');
    expect(run([{ kind: 'dispatch' }, { kind: 'claim' }, { kind: 'fulfil' }, { kind: 'cancel' }])).toBe('wish_transition_invalid');
    expect(run([{ kind: 'reject', reason: '重复提交' }, { kind: 'dispatch' }])).toBe('wish_transition_invalid');
  });

  it('needs a rejection reason of 1–200 characters (wish_reason_missing)', () => {
    expect(run([{ kind: 'reject', reason: '  ' }])).toBe('wish_reason_missing');
    expect(run([{ kind: 'reject', reason: '超'.repeat(200) }])).toBe('rejected');
    expect(run([{ kind: 'reject', reason: '超'.repeat(201) }])).toBe('wish_reason_missing');
  });

  it('accepts 1 and 5 stars (limits) and refuses 0, 6 and fractions (wish_rating_invalid)', () => {
    const verified: WishAction[] = [{ kind: 'dispatch' }, { kind: 'claim' }, { kind: 'fulfil' }, { kind: 'verify' }];
    expect(run([...verified, { kind: 'rate', stars: 1 }])).toBe('rated');
    for (const stars of [0, 6, 4.5]) expect(run([...verified, { kind: 'rate', stars }])).toBe('wish_rating_invalid');
  });
});

describe('visibleRejectionReason', () => {
  it('shows the reason to the requester only', () => {
    expect(visibleRejectionReason('超出服务范围', true)).toBe('超出服务范围');
    expect(visibleRejectionReason('超出服务范围', false)).toBeNull();
  });
});
