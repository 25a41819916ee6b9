// 日结: pick a business date (default yesterday, Asia/Shanghai), show its close or run it, with the seven checks,
// totals by kind, items, and the printable page.

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { Close, StaffMember } from '../../api/types.ts';
import { formatDateTime, kindLabel, yesterdayBusinessDate } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, noticeOfError, Section, type Notice } from '../../parts.tsx';
import { useLoad } from '../../use-load.ts';
import { checkTitle, itemSentence, kindRows, signerLabel } from './close-view.ts';
import { openPrintableClose } from './print-close.ts';

type Props = { t: Translate; api: StaffApi; stationId: string; nowMs: () => number; staff: StaffMember };

export function ClosesPage(props: Props) {
  const { t, api, stationId } = props;
  const [date, setDate] = useState(() => yesterdayBusinessDate(props.nowMs()));
  const [shownDate, setShownDate] = useState(date);
  const [notice, setNotice] = useState<Notice>(null);
  const [isBusy, setBusy] = useState(false);
  const { loaded, reload } = useLoad(() => api.readClose(stationId, shownDate), [api, stationId, shownDate]);
  const [created, setCreated] = useState<Close | null>(null);
  const fromRead = loaded.status === 'done' && loaded.result.ok ? loaded.result.value.close : null;
  const close = created?.businessDate === shownDate ? created : fromRead;
  const isMissing = loaded.status === 'done' && !loaded.result.ok && loaded.result.error.code === 'close_not_found';

  function show(event: Event): void {
    event.preventDefault();
    setNotice(null);
    setShownDate(date);
    reload();
  }

  async function createClose(): Promise<void> {
    setBusy(true);
    setNotice(null);
    const result = await api.createClose(stationId, date);
    setBusy(false);
    if (!result.ok) {
      setNotice(noticeOfError(t, result.error));
      return;
    }
    setCreated(result.value.close);
    setShownDate(result.value.close.businessDate);
    setNotice({ tone: 'ok', text: t('closeCreated', { date: result.value.close.businessDate }) });
  }

  async function print(target: Close): Promise<void> {
    const outcome = await openPrintableClose(() => api.readClosePrintPage(stationId, target.businessDate));
    if (outcome.ok) return;
    setNotice(outcome.code === 'popup_blocked' ? { tone: 'error', text: t('printBlocked') } : noticeOfError(t, { status: 'status' in outcome ? outcome.status : 0, code: outcome.code }));
  }

  return (
    <Section title={t('closesTitle')}>
      <form class="row-form" onSubmit={show}>
        <label class="field inline">
          <span>{t('businessDate')}</span>
          <input type="date" required value={date} onInput={(event) => setDate(event.currentTarget.value)} />
        </label>
        <button type="submit">{t('loadClose')}</button>
        <button type="button" class="primary" disabled={isBusy || date === ''} onClick={() => void createClose()}>{t('createClose')}</button>
      </form>
      <NoticeLine notice={notice} />
      {loaded.status === 'loading' && !close ? <p>{t('loading')}</p> : null}
      {isMissing && !close ? <p>{t('closeNone', { date: shownDate })}</p> : null}
      {loaded.status === 'done' && !loaded.result.ok && !isMissing ? <NoticeLine notice={noticeOfError(t, loaded.result.error)} /> : null}
      {close ? <CloseReport t={t} close={close} signer={signerLabel(close.signedBy, props.staff)} onPrint={() => void print(close)} /> : null}
    </Section>
  );
}

function CloseReport(props: { t: Translate; close: Close; signer: string; onPrint: () => void }) {
  const { t, close } = props;
  return (
    <div class="close-report" aria-label={close.businessDate}>
      <p class="summary">{t('closeSummary', { date: close.businessDate, from: close.seqFrom, to: close.seqTo, signedBy: props.signer, time: formatDateTime(close.createdAt) })}</p>
      <button type="button" onClick={props.onPrint}>{t('printClose')}</button>
      <h3>{t('closeChecks')}</h3>
      <table class="checks">
        <tbody>
          {close.checks.map((check) => (
            <tr key={check.name} data-check={check.name} class={check.ok ? 'check-ok' : 'check-failed'}>
              <th scope="row">{checkTitle(t, check.name)}</th>
              <td class={check.ok ? 'ok' : 'bad'}>{check.ok ? `✓ ${t('checkPassed')}` : `✗ ${t('checkFailed')}`}</td>
              <td class="detail">{check.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('closeTotals')}</h3>
      <p>{t('closeTransactions', { posted: close.totals.transactions, rejected: close.totals.rejected, late: close.totals.lateUploads })}</p>
      <table>
        <thead><tr><th scope="col">{t('closeKind')}</th><th scope="col">{t('closeCount')}</th><th scope="col">{t('closeTime')}</th><th scope="col">{t('closePoints')}</th></tr></thead>
        <tbody>{kindRows(close).map(({ kind, total }) => <tr key={kind}><th scope="row" title={kind}>{kindLabel(t, kind)}</th><td>{total.count}</td><td>{total.time}</td><td>{total.points}</td></tr>)}</tbody>
      </table>
      <h3>{t('closeItems')}</h3>
      {close.items.length === 0 ? <p>{t('closeItemsNone')}</p> : <ul class="items">{close.items.map((item, index) => <li key={index} data-item-type={String(item.type ?? '')}>{itemSentence(t, item)}</li>)}</ul>}
      <p class="hash">{t('closeHash')}: {close.closeHash}</p>
    </div>
  );
}
