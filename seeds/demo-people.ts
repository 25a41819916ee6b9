// The demo kiosk's 模拟刷卡 people: the volunteer and the elder on the hardware demo cards are registered at the
// first demo station (the newcomer card stays unregistered, to show 注册). Fictional people only.

import { assert } from '../domain/assert.ts';
import { demoElderCard, demoVolunteerCard } from '../hardware/card-reader/demo-cards.ts';
import type { ResidentCard } from '../hardware/card-reader/card-text.ts';
import type { ServiceContext } from '../ledger/src/services/context.ts';
import { registerPerson } from '../ledger/src/services/people.ts';

/** Fictional phone numbers (170 is a virtual-operator range; these are not in use). */
const cardPeople: readonly { card: ResidentCard; phone: string }[] = [
  { card: demoVolunteerCard, phone: '17000000601' },
  { card: demoElderCard, phone: '17000000602' },
];

export const demoCardPeopleCount = cardPeople.length;

/** Registers the card people at `stationId`; answers their person ids, volunteer first, then the elder. */
export async function registerDemoCardPeople(ctx: ServiceContext, stationId: string): Promise<string[]> {
  const personIds: string[] = [];
  for (const { card, phone } of cardPeople) {
    const result = await registerPerson(ctx, {
      card: { idNumber: card.idNumber, name: card.name, sex: card.sex, birthDate: card.birthDate },
      phone, consentVersion: 'v1', stationId, registeredBy: 'seed',
    }, { selfRegistration: false });
    assert(result.ok, `demo card person ${card.name} must register: ${result.ok ? '' : result.code}`);
    personIds.push(result.value.id);
  }
  return personIds;
}
