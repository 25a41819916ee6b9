// Person-level types shared by every layer: sex, family relations, the public person reference.
// Pure types and guards; personal data (names, ID numbers, phones) never travels in `PersonRef`.

import type { PersonId } from './ids.ts';
import type { CalendarDate } from './calendar-date.ts';

export const sexes = ['male', 'female'] as const;
export type Sex = (typeof sexes)[number];

/** Relations along which `time` may be given (rule 10): how the recipient relates to the giver. */
export const familyRelations = ['spouse', 'parent', 'child', 'grandparent', 'grandchild'] as const;
export type FamilyRelation = (typeof familyRelations)[number];

export function isFamilyRelation(value: unknown): value is FamilyRelation {
  return typeof value === 'string' && (familyRelations as readonly string[]).includes(value);
}

/** The relation seen from the other side: if B is A's parent, A is B's child. */
export function inverseRelation(relation: FamilyRelation): FamilyRelation {
  switch (relation) {
    case 'spouse':
      return 'spouse';
    case 'parent':
      return 'child';
    case 'child':
      return 'parent';
    case 'grandparent':
      return 'grandchild';
    case 'grandchild':
      return 'grandparent';
  }
}

/** What a kiosk or another person may know about someone: pseudonymous, already masked. */
export type PersonRef = {
  readonly id: PersonId;
  /** Public identifier (`V` + digits); never the ID number. */
  readonly volunteerNo: string;
  /** Masked name, e.g. `张*三`. */
  readonly displayName: string;
};

/** The facts the rules need about a person; birth date may be unknown (registered without a card). */
export type PersonFacts = {
  readonly id: PersonId;
  readonly birthDate: CalendarDate | null;
};
