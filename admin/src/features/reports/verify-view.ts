// Pure wording of the 账本校验 results: passed with the range checked, or the first sequence number that disagrees,
// or plainly why the call failed (a role without the permission, the network). Never fetches.

import type { ApiResult } from '../../api/http.ts';
import type { ChainCheck } from '../../api/types.ts';
import { errorMessage } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';

export type ChainName = 'ledger' | 'audit';
export type ChainVerdict = { tone: 'ok' | 'error'; text: string };

export function chainVerdict(t: Translate, chain: ChainName, result: ApiResult<ChainCheck>): ChainVerdict {
  if (!result.ok) {
    if (result.error.status === 403) return { tone: 'error', text: t(`verifyForbidden_${chain}`) };
    return { tone: 'error', text: errorMessage(t, result.error) };
  }
  const { ok, checkedThroughSeq, firstBadSeq } = result.value;
  if (!ok && checkedThroughSeq === 0) return { tone: 'error', text: t(`verifyBrokenFirst_${chain}`) };
  if (!ok) return { tone: 'error', text: t(`verifyBroken_${chain}`, { seq: firstBadSeq ?? checkedThroughSeq + 1, through: checkedThroughSeq }) };
  if (checkedThroughSeq === 0) return { tone: 'ok', text: t(`verifyEmpty_${chain}`) };
  return { tone: 'ok', text: t(`verifyPassed_${chain}`, { through: checkedThroughSeq }) };
}
