// 报表: one period (default this month so far, Beijing time) for the transaction export and the 双报到 report, and
// the ledger and audit-log chain checks.

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, Section, type Notice } from '../../parts.tsx';
import { saveCsv } from './download.ts';
import { rangeProblem, reportErrorText, reportFileName, thisMonthSoFar, type ReportRange } from './report-range.ts';
import { VerifyPanel } from './verify-panel.tsx';
import { WorkUnitsPanel } from './work-units-panel.tsx';

type Props = { t: Translate; api: StaffApi; stationId: string; stationName: string; nowMs: () => number };

export function ReportsPage(props: Props) {
  const { t, api, stationId } = props;
  const [range, setRange] = useState<ReportRange>(() => thisMonthSoFar(props.nowMs()));
  const [notice, setNotice] = useState<Notice>(null);
  const [isBusy, setBusy] = useState(false);
  const problem = rangeProblem(range);
  // A result line belongs to the period it was made for, so a new period clears it.
  const choose = (next: ReportRange) => {
    setRange(next);
    setNotice(null);
  };

  async function exportTransactions(): Promise<void> {
    setBusy(true);
    setNotice({ tone: 'ok', text: t('downloading') });
    const outcome = await saveCsv(() => api.exportTransactionsCsv(stationId, range.from, range.to), reportFileName('transactions', props.stationName, range));
    setBusy(false);
    setNotice(outcome.ok ? { tone: 'ok', text: t('downloadSaved', { file: outcome.fileName }) } : { tone: 'error', text: reportErrorText(t, outcome.error) });
  }

  return (
    <>
      <Section title={t('reportsTitle')}>
        <fieldset class="report-range">
          <legend>{t('reportRange')}</legend>
          <div class="row-form">
            <label class="field inline">
              <span>{t('reportFrom')}</span>
              <input type="date" required value={range.from} aria-invalid={problem !== null} onInput={(event) => choose({ ...range, from: event.currentTarget.value })} />
            </label>
            <label class="field inline">
              <span>{t('reportTo')}</span>
              <input type="date" required value={range.to} aria-invalid={problem !== null} onInput={(event) => choose({ ...range, to: event.currentTarget.value })} />
            </label>
          </div>
          <p class="hint">{t('reportRangeHint')}</p>
          {problem ? <p class="notice notice-error" role="alert">{t(problem)}</p> : null}
        </fieldset>
      </Section>
      <Section title={t('exportTitle')}>
        <p class="hint">{t('exportHint')}</p>
        <button type="button" class="primary" disabled={isBusy || problem !== null} onClick={() => void exportTransactions()}>{t('exportButton')}</button>
        <NoticeLine notice={notice} />
      </Section>
      <WorkUnitsPanel t={t} api={api} stationId={stationId} stationName={props.stationName} range={range} isRangeValid={problem === null} />
      <VerifyPanel t={t} api={api} nowMs={props.nowMs} />
    </>
  );
}
