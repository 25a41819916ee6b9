// Volunteer numbers: the public identifier of a person (`V` + 8 digits), never derived from the ID number.
// Pure.

import { assert } from './assert.ts';
import { volunteerNoDigits } from './limits.ts';

export const volunteerNoSequenceMax = 10 ** volunteerNoDigits - 1;
const volunteerNoPattern = new RegExp(`^V\\d{${volunteerNoDigits}}$`);

/** `V` + the sequence number zero-padded to 8 digits, e.g. 42 → `V00000042`. Asserts 1 ≤ n ≤ 99,999,999. */
export function formatVolunteerNo(sequence: number): string {
  assert(Number.isSafeInteger(sequence) && sequence >= 1 && sequence <= volunteerNoSequenceMax, `volunteer sequence out of range: ${sequence}`);
  return 'V' + String(sequence).padStart(volunteerNoDigits, '0');
}

/** True for `V` followed by exactly 8 ASCII digits, not all zero. */
export function isVolunteerNo(value: unknown): value is string {
  return typeof value === 'string' && volunteerNoPattern.test(value) && value !== 'V' + '0'.repeat(volunteerNoDigits);
}

/** The sequence number inside a volunteer number. Asserts the format. */
export function volunteerNoSequence(volunteerNo: string): number {
  assert(isVolunteerNo(volunteerNo), `not a volunteer number: ${volunteerNo}`);
  return Number(volunteerNo.slice(1));
}
