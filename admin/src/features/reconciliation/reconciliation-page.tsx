// 对账: the station's open reconciliation items (offline shortfalls, late uploads, failed checks); a manager resolves
// one with a note, once.

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { ReconciliationItem } from '../../api/types.ts';
import { formatAmount, formatDateTime, kindLabel } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, noticeOfError, Section, type Notice } from '../../parts.tsx';
import { useLoad } from '../../use-load.ts';
import { isValidNote, noteLengthMax } from './resolution-note.ts';

type Props = { t: Translate; api: StaffApi; stationId: string };

export function ReconciliationPage(props: Props) {
  const { t, api } = props;
  const { loaded, reload } = useLoad(() => api.listOpenItems(props.stationId), [api, props.stationId]);
  const [notice, setNotice] = useState<Notice>(null);
  const items = loaded.status === 'done' && loaded.result.ok ? loaded.result.value.items : [];

  async function resolve(item: ReconciliationItem, note: string): Promise<void> {
    const result = await api.resolveItem(item.itemId, note.trim());
    setNotice(result.ok ? { tone: 'ok', text: t('resolved') } : noticeOfError(t, result.error));
    if (result.ok) reload();
  }

  return (
    <Section title={t('reconciliationTitle')}>
      <NoticeLine notice={notice} />
      {loaded.status === 'loading' ? <p>{t('loading')}</p> : null}
      {loaded.status === 'done' && !loaded.result.ok ? <NoticeLine notice={noticeOfError(t, loaded.result.error)} /> : null}
      {loaded.status === 'done' && loaded.result.ok && items.length === 0 ? <p>{t('reconciliationNone')}</p> : null}
      <ul class="cards">{items.map((item) => <ItemCard key={item.itemId} t={t} item={item} onResolve={(note) => void resolve(item, note)} />)}</ul>
    </Section>
  );
}

function ItemCard(props: { t: Translate; item: ReconciliationItem; onResolve: (note: string) => void }) {
  const { t, item } = props;
  const [note, setNote] = useState('');
  const isValid = isValidNote(note);
  return (
    <li class="card" data-item-id={item.itemId}>
      <dl class="facts">
        <dt>{t('itemKind')}</dt><dd title={item.kind}>{kindLabel(t, item.kind)}</dd>
        <dt>{t('itemAmount')}</dt><dd>{formatAmount(t, item.asset, item.amount)}</dd>
        <dt>{t('itemOpened')}</dt><dd>{formatDateTime(item.openedAt)}</dd>
        <dt>{t('itemDetail')}</dt><dd>{item.detail ?? ''}</dd>
      </dl>
      <label class="field">
        <span>{t('resolveNote')}</span>
        <textarea rows={2} maxLength={noteLengthMax} aria-label={t('resolveNoteFor', { id: item.itemId })} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      {note !== '' && !isValid ? <p class="hint">{t('noteTooShort')}</p> : null}
      <button type="button" class="primary" disabled={!isValid} onClick={() => props.onResolve(note)}>{t('resolve')}</button>
    </li>
  );
}
