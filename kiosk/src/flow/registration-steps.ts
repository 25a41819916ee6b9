// Flow steps of self-registration: tap the card, read the purpose and consent text, 同意, then an optional mobile
// number on the keypad; only then is anything sent. Pure. Card and phone stay in this state's memory, never stored.

import { editDigits } from './keypad.ts';
import type { Step } from './machine.ts';
import type { FlowConfig, FlowEvent, View } from './types.ts';
import { businessDateOf } from '../../../domain/business-date.ts';
import { calendarDateFromCompact, isCalendarDate } from '../../../domain/calendar-date.ts';
import { decideSelfRegistration } from '../../../domain/registration.ts';
import { isMobileNumber, message, phoneDigitsMax } from './identify-steps.ts';

type RegistrationView = Extract<View, { screen: 'register-tap' | 'consent' | 'register-phone' | 'registered' }>;

export function stepRegistration(view: RegistrationView, event: FlowEvent, nowMs: number, config: FlowConfig): Step | null {
  switch (view.screen) {
    case 'register-tap':
      if (event.type === 'card') {
        // The age rule is checked now, before consent, so a child is told at once; the ledger checks it again.
        const decision = decideSelfRegistration({ consentVersion: config.consentVersion, currentConsentVersion: config.consentVersion, birthDate: cardBirthDate(event.card.birthDate), today: businessDateOf(nowMs) });
        if (!decision.ok) return message(decision.code === 'under_self_registration_age' ? 'under_14' : 'card_unreadable', decision.code);
        return { view: { screen: 'consent', card: event.card }, effects: [{ kind: 'speak', key: 'prompt_consent' }] };
      }
      if (event.type === 'card-error') return message('card_unreadable');
      return event.type === 'back' ? { view: { screen: 'attract', intent: null }, effects: [] } : null;
    case 'consent':
      if (event.type === 'agree') return { view: { screen: 'register-phone', card: view.card, digits: '' }, effects: [{ kind: 'speak', key: 'prompt_phone' }] };
      return event.type === 'back' ? { view: { screen: 'attract', intent: null }, effects: [] } : null;
    case 'register-phone':
      return stepRegisterPhone(view, event, config);
    case 'registered':
      return event.type === 'back' ? { view: { screen: 'attract', intent: null }, effects: [] } : null;
  }
}

/** The mobile number is optional: 跳过 registers without one; 下一步 goes on only with a whole mobile number. */
function stepRegisterPhone(view: Extract<View, { screen: 'register-phone' }>, event: FlowEvent, config: FlowConfig): Step | null {
  switch (event.type) {
    case 'digit':
    case 'backspace':
      return editDigits(view, event, phoneDigitsMax);
    case 'enter':
      return isMobileNumber(view.digits) ? register(view, view.digits, config) : null;
    case 'skip':
      return register(view, null, config);
    case 'back':
      return { view: { screen: 'consent', card: view.card }, effects: [] };
    default:
      return null;
  }
}

function register(view: Extract<View, { screen: 'register-phone' }>, phone: string | null, config: FlowConfig): Step {
  const operation = { kind: 'registration', card: view.card, phone, consentVersion: config.consentVersion } as const;
  return { view: { screen: 'working', resident: null, operation, activity: null, service: null }, effects: [{ kind: 'submit', operation }] };
}

/** Card readers give YYYYMMDD; a parsed card may already carry YYYY-MM-DD. */
function cardBirthDate(birthDate: string | undefined): string | null {
  if (birthDate === undefined) return null;
  return isCalendarDate(birthDate) ? birthDate : calendarDateFromCompact(birthDate);
}
