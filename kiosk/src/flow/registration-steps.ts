// Flow steps of self-registration: tap the card, read the purpose and consent text, and only on 同意 send anything.
// Pure. The card stays in this state's memory; it is never stored and leaves with the wipe.

import type { Step } from './machine.ts';
import type { FlowConfig, FlowEvent, View } from './types.ts';
import { businessDateOf } from '../../../domain/business-date.ts';
import { calendarDateFromCompact, isCalendarDate } from '../../../domain/calendar-date.ts';
import { decideSelfRegistration } from '../../../domain/registration.ts';
import { message } from './identify-steps.ts';

type RegistrationView = Extract<View, { screen: 'register-tap' | 'consent' | 'registered' }>;

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
      if (event.type === 'agree') {
        const operation = { kind: 'registration', card: view.card, phone: null, consentVersion: config.consentVersion } as const;
        return { view: { screen: 'working', resident: null, operation, activity: null, service: null }, effects: [{ kind: 'submit', operation }] };
      }
      return event.type === 'back' ? { view: { screen: 'attract', intent: null }, effects: [] } : null;
    case 'registered':
      return event.type === 'back' ? { view: { screen: 'attract', intent: null }, effects: [] } : null;
  }
}

/** Card readers give YYYYMMDD; a parsed card may already carry YYYY-MM-DD. */
function cardBirthDate(birthDate: string | undefined): string | null {
  if (birthDate === undefined) return null;
  return isCalendarDate(birthDate) ? birthDate : calendarDateFromCompact(birthDate);
}
