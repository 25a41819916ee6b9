// Flow steps that find out who is at the kiosk: the attract screen, the camera scan, the phone keypad with its check
// question, and the wait for the service's answer. Pure.

import { editDigits } from './keypad.ts';
import type { Step } from './machine.ts';
import type { CardData, FlowEvent, IdentifyRequest, Intent, View } from './types.ts';
import { enterIntent } from './resident-steps.ts';
import { businessDateOf } from '../../../domain/business-date.ts';
import { yearOf } from '../../../domain/calendar-date.ts';

type IdentificationView = Extract<View, { screen: 'attract' | 'camera' | 'phone' | 'check-question' | 'identifying' }>;

export const phoneDigitsMax = 11;
export const birthYearDigits = 4;
const birthYearMin = 1900;
/** The service's age may lag the birth year by one (birthday not yet reached this year). */
const ageToleranceYears = 1;

export function stepIdentification(view: IdentificationView, event: FlowEvent, nowMs: number): Step | null {
  switch (view.screen) {
    case 'attract':
      return stepAttract(view, event);
    case 'camera':
      return stepCamera(view, event);
    case 'phone':
      return stepPhone(view, event);
    case 'check-question':
      return stepCheckQuestion(view, event, nowMs);
    case 'identifying':
      return stepIdentifying(view, event, nowMs);
  }
}

function stepAttract(view: Extract<View, { screen: 'attract' }>, event: FlowEvent): Step | null {
  switch (event.type) {
    case 'intent':
      if (event.intent === 'register') return { view: { screen: 'register-tap' }, effects: [{ kind: 'speak', key: 'prompt_tap' }] };
      return { view: { screen: 'attract', intent: event.intent }, effects: [{ kind: 'speak', key: 'prompt_tap' }] };
    case 'keypad':
      return { view: { screen: 'phone', intent: event.intent ?? view.intent, digits: '' }, effects: [] };
    case 'camera':
      return { view: { screen: 'camera', intent: view.intent }, effects: [{ kind: 'speak', key: 'prompt_camera' }] };
    case 'back':
      return { view: { screen: 'attract', intent: null }, effects: [] };
    default:
      return stepCardOrScan(view.intent, event);
  }
}

/**
 * The camera screen: a decoded code is a scan like any scanner's; an ID card laid on the reader meanwhile counts too.
 * 取消 goes back to the attract screen with the chosen action kept; the screen stops the camera whenever it ends.
 */
function stepCamera(view: Extract<View, { screen: 'camera' }>, event: FlowEvent): Step | null {
  switch (event.type) {
    case 'camera-error':
      return message(event.code);
    case 'back':
      return { view: { screen: 'attract', intent: view.intent }, effects: [] };
    default:
      return stepCardOrScan(view.intent, event);
  }
}

function stepCardOrScan(intent: Intent | null, event: FlowEvent): Step | null {
  switch (event.type) {
    case 'card':
      return identify(intent, event.card, null, { card: event.card });
    case 'scan':
      return identify(intent, null, null, { qr: event.text.trim() });
    case 'card-error':
      return message('card_unreadable');
    default:
      return null;
  }
}

function stepPhone(view: Extract<View, { screen: 'phone' }>, event: FlowEvent): Step | null {
  switch (event.type) {
    case 'digit':
    case 'backspace':
      return editDigits(view, event, phoneDigitsMax);
    case 'enter':
      if (!isMobileNumber(view.digits)) return null;
      return { view: { screen: 'check-question', intent: view.intent, phone: view.digits, digits: '' }, effects: [] };
    case 'back':
      return { view: { screen: 'attract', intent: null }, effects: [] };
    default:
      return null;
  }
}

function stepCheckQuestion(view: Extract<View, { screen: 'check-question' }>, event: FlowEvent, nowMs: number): Step | null {
  switch (event.type) {
    case 'digit':
    case 'backspace':
      return editDigits(view, event, birthYearDigits);
    case 'enter': {
      const birthYear = Number(view.digits);
      if (view.digits.length !== birthYearDigits || birthYear < birthYearMin || birthYear > yearOf(businessDateOf(nowMs))) return null;
      return identify(view.intent, null, birthYear, { phone: view.phone, birthYear });
    }
    case 'back':
      return { view: { screen: 'phone', intent: view.intent, digits: view.phone }, effects: [] };
    default:
      return null;
  }
}

function stepIdentifying(view: Extract<View, { screen: 'identifying' }>, event: FlowEvent, nowMs: number): Step | null {
  // Card taps and scans that arrive while the service answers are dropped on purpose: one resident at a time.
  if (event.type === 'identified') {
    const { age } = event.resident.person;
    if (view.birthYear !== null && age !== undefined) {
      const expectedAge = yearOf(businessDateOf(nowMs)) - view.birthYear;
      if (age < expectedAge - ageToleranceYears || age > expectedAge) return message('check_answer_wrong');
    }
    return enterIntent(event.resident, view.intent);
  }
  if (event.type === 'identify-failed') {
    if (event.code === 'person_not_found') return { view: { screen: 'message', code: 'person_not_found', detail: null, card: view.card }, effects: [{ kind: 'speak', key: 'message' }] };
    return message('identify_failed', event.code);
  }
  return null;
}

function identify(intent: Intent | null, card: CardData | null, birthYear: number | null, request: IdentifyRequest): Step {
  return { view: { screen: 'identifying', intent, card, birthYear }, effects: [{ kind: 'identify', request }] };
}

export function message(code: Extract<View, { screen: 'message' }>['code'], detail: string | null = null): Step {
  return { view: { screen: 'message', code, detail, card: null }, effects: [{ kind: 'speak', key: 'message' }] };
}

/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
export function isMobileNumber(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}
