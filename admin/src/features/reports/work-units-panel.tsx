// 双报到 服务信息反馈: the per-work-unit table for the chosen period, with totals, and its CSV download.

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { WorkUnitReport } from '../../api/types.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, Section, type Notice } from '../../parts.tsx';
import { saveCsv } from './download.ts';
import { reportErrorText, reportFileName, type ReportRange } from './report-range.ts';
import { workUnitLines, type WorkUnitLine } from './work-unit-view.ts';

type Props = { t: Translate; api: StaffApi; stationId: string; stationName: string; range: ReportRange; isRangeValid: boolean };

export function WorkUnitsPanel(props: Props) {
  const { t, api, stationId } = props;
  const [report, setReport] = useState<WorkUnitReport | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [isBusy, setBusy] = useState(false);

  async function show(): Promise<void> {
    setBusy(true);
    setNotice({ tone: 'ok', text: t('loading') });
    const answer = await api.readWorkUnitReport(stationId, props.range.from, props.range.to);
    setBusy(false);
    setNotice(answer.ok ? null : { tone: 'error', text: reportErrorText(t, answer.error) });
    setReport(answer.ok ? answer.value : null);
  }

  async function download(shown: WorkUnitReport): Promise<void> {
    const range = { from: shown.from, to: shown.to };
    const outcome = await saveCsv(() => api.workUnitReportCsv(stationId, range.from, range.to), reportFileName('work-units', props.stationName, range));
    setNotice(outcome.ok ? { tone: 'ok', text: t('downloadSaved', { file: outcome.fileName }) } : { tone: 'error', text: reportErrorText(t, outcome.error) });
  }

  return (
    <Section title={t('workUnitsTitle')}>
      <div class="row-form">
        <button type="button" class="primary" disabled={isBusy || !props.isRangeValid} onClick={() => void show()}>{t('workUnitsShow')}</button>
        {report ? <button type="button" onClick={() => void download(report)}>{t('workUnitsDownload')}</button> : null}
      </div>
      <NoticeLine notice={notice} />
      {report ? <WorkUnitTable t={t} report={report} /> : null}
    </Section>
  );
}

function WorkUnitTable(props: { t: Translate; report: WorkUnitReport }) {
  const { t, report } = props;
  const lines = workUnitLines(t, report.workUnits);
  const period = t('workUnitsPeriod', { from: report.from, to: report.to });
  if (lines.body.length === 0) return <p>{period}：{t('workUnitsNone')}</p>;
  const cells = (line: WorkUnitLine) => (
    <>
      <td class="number">{line.members}</td><td class="number">{line.attendances}</td><td class="number">{line.time}</td><td class="number">{line.points}</td>
    </>
  );
  return (
    <table class="work-units">
      <caption>{period}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workUnitColumn')}</th><th scope="col" class="number">{t('workUnitMembers')}</th><th scope="col" class="number">{t('workUnitAttendances')}</th>
          <th scope="col" class="number">{t('workUnitTime')}</th><th scope="col" class="number">{t('workUnitPoints')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.body.map((line) => <tr key={line.workUnit}><th scope="row">{line.workUnit}</th>{cells(line)}</tr>)}
      </tbody>
      <tfoot>
        <tr><th scope="row">{lines.total.workUnit}</th>{cells(lines.total)}</tr>
      </tfoot>
    </table>
  );
}
