// Pure view logic of the daily close: check titles, totals per kind in a stable order, and one line per item.

import type { Close, KindTotal } from '../../api/types.ts';
import { isMessageKey, type Translate } from '../../i18n/i18n.ts';

/** The check's title in the current language; a check this console does not know shows its code. */
export function checkTitle(t: Translate, name: string): string {
  const key = `check_${name}`;
  return isMessageKey(key) ? t(key) : name;
}

/** Who signed: the signed-in staff member by name, anyone else by staff id (the API gives only the id). */
export function signerLabel(signedBy: string, staff: { id: string; username: string; displayName: string }): string {
  return signedBy === staff.id ? staff.displayName || staff.username : signedBy;
}

/** Totals by kind, busiest first, then by kind name, so two reads of a close look the same. */
export function kindRows(close: Close): { kind: string; total: KindTotal }[] {
  return Object.entries(close.totals.byKind).map(([kind, total]) => ({ kind, total }))
    .sort((a, b) => b.total.count - a.total.count || a.kind.localeCompare(b.kind));
}

/** An item as "type · field: value · …" (items are open reconciliation items, late uploads and failed checks). */
export function itemLine(item: Record<string, unknown>): string {
  const type = typeof item.type === 'string' ? item.type : typeof item.kind === 'string' ? item.kind : 'item';
  const fields = Object.entries(item).filter(([key, value]) => key !== 'type' && value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return [type, ...fields].join(' · ');
}

export function failedCheckCount(close: Close): number {
  return close.checks.filter((check) => !check.ok).length;
}
