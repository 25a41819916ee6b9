// Pure view logic of the approvals queue: who (masked as the API gives it), and the minutes a manager typed.

import type { Approval } from '../../api/types.ts';

/** "张*三（V000123）"; the API already masks the name, and the volunteer number is public. */
export function personLabel(approval: Approval): string {
  const name = approval.displayName ?? '';
  if (approval.volunteerNo === null) return name || approval.personId;
  return name ? `${name}（${approval.volunteerNo}）` : approval.volunteerNo;
}

export type MinutesInput = { ok: true; minutes: number | undefined } | { ok: false };

/**
 * The minutes to send with an approval: undefined when they equal the proposal (the ledger decides them), a whole
 * number from 0 to the activity's scheduled length otherwise; anything else is refused before sending.
 */
export function readMinutes(text: string, approval: Approval): MinutesInput {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return { ok: false };
  const minutes = Number(trimmed);
  if (approval.maxMinutes !== null && minutes > approval.maxMinutes) return { ok: false };
  return { ok: true, minutes: minutes === approval.proposedMinutes ? undefined : minutes };
}
