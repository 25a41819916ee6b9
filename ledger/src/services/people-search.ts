// Staff lookup of people at their stations by what a clerk has at hand: a volunteer number, an ID number, a phone
// number (both found by their keyed hash, never stored or compared in plain text) or a surname (the masked name
// keeps the first character). Searched in a POST body so an ID number never lands in a URL, a history or a log.

import { parseIdNumber } from '../../../domain/id-number.ts';
import { findPeopleByNamePrefix, findPeopleByPhoneHash, findPersonByIdNumberHash, findPersonByVolunteerNo, type PersonRow } from '../db/station/people.ts';
import type { ServiceContext } from './context.ts';
import { idNumberLookupHash, normalisePhone, phoneLookupHash } from './people.ts';

export type PeopleSearchKind = 'volunteer_no' | 'id_number' | 'phone' | 'surname';
/** Matches answered at most; a phone shared by a family gives several. */
export const peopleFoundMax = 50;
const surnameCharsMax = 2;

/** What kind of lookup a query is, by its shape alone (pure). Null when it is none of them. */
export function searchKindOf(query: string): PeopleSearchKind | null {
  const text = query.trim();
  if (/^v\d{4,12}$/i.test(text)) return 'volunteer_no';
  if (parseIdNumber(text).ok) return 'id_number';
  if (normalisePhone(text) !== null) return 'phone';
  if (new RegExp(`^\\p{Script=Han}{1,${surnameCharsMax}}$`, 'u').test(text)) return 'surname';
  return null;
}

/** People of `stationIds` matching `query`; people of other stations are never answered. */
export async function searchPeople(ctx: ServiceContext, stationIds: readonly string[], query: string): Promise<{ kind: PeopleSearchKind | null; people: PersonRow[] }> {
  const text = query.trim();
  const kind = searchKindOf(text);
  const inScope = (rows: readonly (PersonRow | undefined)[]) => rows.filter((row): row is PersonRow => row !== undefined && stationIds.includes(row.stationId));
  switch (kind) {
    case 'volunteer_no':
      return { kind, people: inScope([await findPersonByVolunteerNo(ctx.database, text.toUpperCase())]) };
    case 'id_number': {
      const parsed = parseIdNumber(text);
      return { kind, people: parsed.ok ? inScope([await findPersonByIdNumberHash(ctx.database, await idNumberLookupHash(ctx, parsed.value.value))]) : [] };
    }
    case 'phone':
      return { kind, people: inScope(await findPeopleByPhoneHash(ctx.database, await phoneLookupHash(ctx, normalisePhone(text)!), peopleFoundMax)) };
    case 'surname':
      return { kind, people: await findPeopleByNamePrefix(ctx.database, stationIds, text.slice(0, 1), peopleFoundMax) };
    case null:
      return { kind, people: [] };
  }
}
