// The on-screen keypad's edits, shared by every screen that collects digits (phone, check question,
// registration phone). Pure: a digit is appended while fewer than `digitsMax` are typed; anything else is ignored.

import type { Step } from './machine.ts';
import type { View } from './types.ts';

type KeypadEvent = { type: 'digit'; digit: string } | { type: 'backspace' };

/** The view after one keypad press, or null when the press changes nothing (not a digit, or already full). */
export function editDigits<V extends View & { digits: string }>(view: V, event: KeypadEvent, digitsMax: number): Step | null {
  if (event.type === 'backspace') return withDigits(view, view.digits.slice(0, -1));
  if (!/^\d$/.test(event.digit) || view.digits.length >= digitsMax) return null;
  return withDigits(view, view.digits + event.digit);
}

function withDigits<V extends View & { digits: string }>(view: V, digits: string): Step {
  const next: V = { ...view, digits };
  return { view: next, effects: [] };
}
