// Pure view logic of the daily close: check titles, totals per kind in a stable order, and one sentence per item.

import type { Close, KindTotal } from '../../api/types.ts';
import { formatValue, kindLabel } from '../../format.ts';
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

/**
 * An item of the close as one sentence (ledger/src/operations/close/close-checks.ts `CloseItem`): a late upload, an
 * open reconciliation item or a failed check. An item of a type this console does not know lists its fields.
 */
export function itemSentence(t: Translate, item: Record<string, unknown>): string {
  const field = (name: string) => (typeof item[name] === 'string' ? (item[name] as string) : '');
  switch (item.type) {
    case 'late_upload':
      return t('item_late_upload', { kind: kindLabel(t, field('kind')), ledgerSeq: String(item.ledgerSeq ?? ''), date: field('occurredOn') });
    case 'reconciliation': {
      const asset = item.asset === 'time' || item.asset === 'points' ? item.asset : null;
      const amount = typeof item.amount === 'number' ? formatValue(t, asset, item.amount) : '';
      return sentence(t('item_reconciliation', { kind: kindLabel(t, field('kind')), amount, detail: field('detail') }));
    }
    case 'check_failed':
      return sentence(t('item_check_failed', { check: checkTitle(t, field('check')), detail: field('detail') }));
    default:
      return t('item_other', { text: Object.entries(item).filter(([, value]) => value !== null && value !== undefined)
        .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`).join(' · ') });
  }
}

/** Tidies a filled sentence whose optional parts were empty ("，。" or a trailing space). */
function sentence(text: string): string {
  return text.replace(/[，,] ?([。.])/g, '$1').trim();
}

export function failedCheckCount(close: Close): number {
  return close.checks.filter((check) => !check.ok).length;
}
