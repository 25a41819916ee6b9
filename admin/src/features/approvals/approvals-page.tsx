// 审核: the station's attendances awaiting a manager (forgotten check-outs, manager-approval activities);
// approve with the proposed or changed minutes, or reject.

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { Approval } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, noticeOfError, Section, type Notice } from '../../parts.tsx';
import { useLoad } from '../../use-load.ts';
import { personLabel, readMinutes } from './approval-view.ts';

type Props = { t: Translate; api: StaffApi; stationId: string };

export function ApprovalsPage(props: Props) {
  const { t, api } = props;
  const { loaded, reload } = useLoad(() => api.listApprovals(props.stationId), [api, props.stationId]);
  const [notice, setNotice] = useState<Notice>(null);
  const approvals = loaded.status === 'done' && loaded.result.ok ? loaded.result.value.approvals : [];

  async function decide(approval: Approval, decision: 'approve' | 'reject', minutes: number | undefined): Promise<void> {
    const result = await api.decideApproval(approval.attendanceId, decision, decision === 'approve' ? minutes : undefined);
    if (!result.ok) {
      setNotice(noticeOfError(t, result.error));
      return;
    }
    const decided = result.value.approval;
    setNotice({ tone: 'ok', text: decision === 'approve' ? t('approved', { minutes: decided.minutes, points: decided.points }) : t('rejected') });
    reload();
  }

  return (
    <Section title={t('approvalsTitle')}>
      <NoticeLine notice={notice} />
      {loaded.status === 'loading' ? <p>{t('loading')}</p> : null}
      {loaded.status === 'done' && !loaded.result.ok ? <NoticeLine notice={noticeOfError(t, loaded.result.error)} /> : null}
      {loaded.status === 'done' && loaded.result.ok && approvals.length === 0 ? <p>{t('approvalsNone')}</p> : null}
      <ul class="cards">
        {approvals.map((approval) => <ApprovalCard key={approval.id} t={t} approval={approval} onDecide={(decision, minutes) => void decide(approval, decision, minutes)} />)}
      </ul>
    </Section>
  );
}

function ApprovalCard(props: { t: Translate; approval: Approval; onDecide: (decision: 'approve' | 'reject', minutes: number | undefined) => void }) {
  const { t, approval } = props;
  const [text, setText] = useState(String(approval.proposedMinutes));
  const person = personLabel(approval);
  const minutes = readMinutes(text, approval);
  return (
    <li class="card" data-attendance-id={approval.attendanceId}>
      <dl class="facts">
        <dt>{t('approvalPerson')}</dt><dd>{person}</dd>
        <dt>{t('approvalActivity')}</dt><dd>{approval.activityTitle ?? approval.activityId}</dd>
        <dt>{t('approvalTimes')}</dt><dd>{t('checkedInAt', { time: formatDateTime(approval.checkedInAt) })} · {t('closedAt', { time: formatDateTime(approval.closedAt) })}</dd>
        <dt>{t('approvalReason')}</dt><dd>{t(`reason_${approval.reason}`)}</dd>
      </dl>
      <p>{t('approvalProposed', { minutes: approval.proposedMinutes, points: approval.proposedPoints, raw: approval.rawMinutes, max: approval.maxMinutes ?? t('approvalNoMax') })}</p>
      <div class="row-form">
        <label class="field inline">
          <span>{t('approvalMinutes')}</span>
          <input inputMode="numeric" aria-label={t('approvalMinutesLabel', { person })} aria-invalid={!minutes.ok} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <button type="button" class="primary" aria-label={t('approveFor', { person })} disabled={!minutes.ok} onClick={() => minutes.ok && props.onDecide('approve', minutes.minutes)}>{t('approve')}</button>
        <button type="button" class="danger" aria-label={t('rejectFor', { person })} onClick={() => props.onDecide('reject', undefined)}>{t('reject')}</button>
      </div>
    </li>
  );
}
