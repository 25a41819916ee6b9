// Pure view logic of 居民: finding people in the pages loaded so far (the API lists a station's people in id order
// with no search of its own), paging, the reveal reason's limits and what a refused reveal says. No I/O.

import type { ApiError } from '../../api/http.ts';
import type { PersonView } from '../../api/types.ts';
import { errorMessage } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';

/** People asked for per page (the API allows 1–200). */
export const peoplePageSize = 50;
/** The API's limits for a reveal reason, in characters after trimming. */
export const revealReasonLengthMin = 4;
export const revealReasonLengthMax = 200;

/**
 * The people whose volunteer number, masked name or masked ID number contains the query (spaces and case ignored);
 * all of them for an empty query. Only masked fields are searched: the console never holds anything else.
 */
export function findPeople(people: readonly PersonView[], query: string): PersonView[] {
  const needle = normalise(query);
  if (needle === '') return [...people];
  return people.filter((person) => [person.volunteerNo, person.displayName, person.idNumberMasked].some((field) => normalise(field).includes(needle)));
}

/** A full page means there may be more; a short page is the last (the API answers nextAfterId on every page). */
export function hasMorePeople(pageLength: number, pageSize: number, nextAfterId: string | null): boolean {
  return nextAfterId !== null && pageLength >= pageSize;
}

/** Pages appended in order, a person loaded twice (a retried page) kept once. */
export function appendPage(loaded: readonly PersonView[], page: readonly PersonView[]): PersonView[] {
  const seen = new Set(loaded.map((person) => person.id));
  return [...loaded, ...page.filter((person) => !seen.has(person.id))];
}

export function isValidRevealReason(reason: string): boolean {
  const length = reason.trim().length;
  return length >= revealReasonLengthMin && length <= revealReasonLengthMax;
}

/** A refused reveal in plain words: 403 says only managers may reveal; anything else is the usual message. */
export function revealErrorText(t: Translate, error: ApiError): string {
  return error.status === 403 ? t('revealForbidden') : errorMessage(t, error);
}

function normalise(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}
