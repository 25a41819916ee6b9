// The micro-wish (微心愿) workflow 点单→派单→接单→验单→评单 as a pure state machine: which action is allowed
// in which state. Pure: the caller stores the state and who did what.

import { err, ok, type Result } from './result.ts';

export type WishState =
  | 'submitted' // 点单: posted by a resident, awaiting the station's review
  | 'rejected' // refused at review, with a reason only the requester sees
  | 'dispatched' // 派单: published or assigned to volunteers/teams
  | 'claimed' // 接单: a volunteer or team took it
  | 'fulfilled' // the volunteer reports it done
  | 'verified' // 验单: the station confirmed it
  | 'rated' // 评单: the requester rated the service
  | 'cancelled';

export type WishAction =
  | { readonly kind: 'reject'; readonly reason: string }
  | { readonly kind: 'dispatch' }
  | { readonly kind: 'claim' }
  | { readonly kind: 'release' } // the claimer gives it back; it returns to dispatched
  | { readonly kind: 'fulfil' }
  | { readonly kind: 'verify' }
  | { readonly kind: 'refuse_verification' } // not done properly: back to claimed
  | { readonly kind: 'rate'; readonly stars: number }
  | { readonly kind: 'cancel' };

export type WishCode = 'wish_transition_invalid' | 'wish_reason_missing' | 'wish_rating_invalid';

export const wishRejectionReasonCharsMax = 200;
export const wishStarsMin = 1;
export const wishStarsMax = 5;

const transitions: Readonly<Record<WishAction['kind'], { readonly from: readonly WishState[]; readonly to: WishState }>> = {
  reject: { from: ['submitted'], to: 'rejected' },
  dispatch: { from: ['submitted'], to: 'dispatched' },
  claim: { from: ['dispatched'], to: 'claimed' },
  release: { from: ['claimed'], to: 'dispatched' },
  fulfil: { from: ['claimed'], to: 'fulfilled' },
  verify: { from: ['fulfilled'], to: 'verified' },
  refuse_verification: { from: ['fulfilled'], to: 'claimed' },
  rate: { from: ['verified'], to: 'rated' },
  cancel: { from: ['submitted', 'dispatched', 'claimed'], to: 'cancelled' },
};

/**
 * The state after `action`, or why it is not allowed: only the transitions of 点单→派单→接单→验单→评单
 * (plus reject, release, refused verification and cancel before fulfilment). A rejection needs a reason of
 * 1–200 characters; a rating is 1–5 whole stars.
 */
export function decideWishTransition(state: WishState, action: WishAction): Result<WishState, WishCode> {
  const transition = transitions[action.kind];
  if (!transition.from.includes(state)) return err('wish_transition_invalid', `${action.kind} from ${state}`);
  if (action.kind === 'reject') {
    const length = action.reason.trim().length;
    if (length === 0 || length > wishRejectionReasonCharsMax) return err('wish_reason_missing');
  }
  if (action.kind === 'rate') {
    if (!Number.isInteger(action.stars) || action.stars < wishStarsMin || action.stars > wishStarsMax) {
      return err('wish_rating_invalid');
    }
  }
  return ok(transition.to);
}

/** The rejection reason as a given viewer may see it: only the requester sees it; others see nothing. */
export function visibleRejectionReason(reason: string | null, viewerIsRequester: boolean): string | null {
  return viewerIsRequester ? reason : null;
}
