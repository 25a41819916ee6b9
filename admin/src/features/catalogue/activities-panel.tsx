// 活动: the station's activities on a chosen business date, and the form that creates one (times in Beijing time;
// a problem the console sees is named before sending, the server's 422 detail is shown beside the form).

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import { formatDateTime } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, noticeOfError, Section, type Notice } from '../../parts.tsx';
import { useLoad } from '../../use-load.ts';
import { activityKinds, activityTimeRange, readActivityForm, roundingChoices, roundingLabel, roundingOf, titleLengthMax, type ActivityForm } from './catalogue-view.ts';

type Props = { t: Translate; api: StaffApi; stationId: string; today: string };

export function ActivitiesPanel(props: Props) {
  const { t, api, stationId } = props;
  const [date, setDate] = useState(props.today);
  const [shownDate, setShownDate] = useState(props.today);
  const { loaded, reload } = useLoad(() => api.listActivities(stationId, shownDate), [api, stationId, shownDate]);
  const [form, setForm] = useState<ActivityForm>({ title: '', kind: 'service', date: props.today, startTime: '09:00', endTime: '11:00', pointsPerHour: '', rounding: '', approval: 'auto' });
  const [notice, setNotice] = useState<Notice>(null);
  const [isBusy, setBusy] = useState(false);
  const read = readActivityForm(stationId, form);
  const edit = (patch: Partial<ActivityForm>) => setForm((current) => ({ ...current, ...patch }));

  async function create(event: Event): Promise<void> {
    event.preventDefault();
    if (!read.ok) return;
    setBusy(true);
    const result = await api.createActivity(read.value);
    setBusy(false);
    setNotice(result.ok ? { tone: 'ok', text: t('activityCreated', { title: result.value.activity.title }) } : noticeOfError(t, result.error));
    if (!result.ok) return;
    edit({ title: '' });
    setDate(form.date);
    setShownDate(form.date);
    reload();
  }

  const activities = loaded.status === 'done' && loaded.result.ok ? loaded.result.value.activities : [];
  return (
    <Section title={t('activitiesTitle')}>
      <form class="row-form" onSubmit={(event) => { event.preventDefault(); setShownDate(date); reload(); }}>
        <label class="field inline"><span>{t('activitiesDate')}</span><input type="date" required value={date} onInput={(event) => setDate(event.currentTarget.value)} /></label>
        <button type="submit">{t('activitiesShow')}</button>
      </form>
      {loaded.status === 'loading' ? <p>{t('loading')}</p> : null}
      {loaded.status === 'done' && !loaded.result.ok ? <NoticeLine notice={noticeOfError(t, loaded.result.error)} /> : null}
      {loaded.status === 'done' && loaded.result.ok && activities.length === 0 ? <p>{t('activitiesNone', { date: shownDate })}</p> : null}
      {activities.length > 0 ? (
        <table class="activities">
          <thead><tr><th scope="col">{t('activityTitle')}</th><th scope="col">{t('activityKind')}</th><th scope="col">{t('activityTime')}</th><th scope="col">{t('activityPointsShort')}</th><th scope="col">{t('activityRounding')}</th><th scope="col">{t('activityApproval')}</th></tr></thead>
          <tbody>
            {activities.map((activity) => (
              <tr key={activity.id} data-activity-id={activity.id}>
                <th scope="row">{activity.title}</th>
                <td>{t(`activityKind_${activity.kind}`)}</td>
                <td>{activityTimeRange(activity, formatDateTime)}</td>
                <td>{activity.pointsPerHour}</td>
                <td>{roundingLabel(t, activity.rounding)}</td>
                <td>{t(`approval_${activity.approval}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h3 id="new-activity">{t('addActivity')}</h3>
      <form class="grid-form" aria-labelledby="new-activity" onSubmit={(event) => void create(event)}>
        <label class="field"><span>{t('activityTitle')}</span><input value={form.title} maxLength={titleLengthMax} onInput={(event) => edit({ title: event.currentTarget.value })} /></label>
        <label class="field"><span>{t('activityKind')}</span>
          <select value={form.kind} onChange={(event) => edit({ kind: event.currentTarget.value as ActivityForm['kind'] })}>
            {activityKinds.map((kind) => <option key={kind} value={kind}>{t(`activityKind_${kind}`)}</option>)}
          </select>
        </label>
        <label class="field"><span>{t('activityDate')}</span><input type="date" value={form.date} onInput={(event) => edit({ date: event.currentTarget.value })} /></label>
        <label class="field"><span>{t('activityStart')}</span><input type="time" value={form.startTime} onInput={(event) => edit({ startTime: event.currentTarget.value })} /></label>
        <label class="field"><span>{t('activityEnd')}</span><input type="time" value={form.endTime} onInput={(event) => edit({ endTime: event.currentTarget.value })} /></label>
        <label class="field"><span>{t('activityPointsPerHour')}</span><input inputMode="numeric" value={form.pointsPerHour} onInput={(event) => edit({ pointsPerHour: event.currentTarget.value })} /></label>
        <label class="field"><span>{t('activityRounding')}</span>
          <select value={form.rounding} onChange={(event) => edit({ rounding: event.currentTarget.value as ActivityForm['rounding'] })}>
            {roundingChoices.map((choice) => <option key={choice} value={choice}>{roundingLabel(t, roundingOf(choice))}</option>)}
          </select>
        </label>
        <label class="field"><span>{t('activityApproval')}</span>
          <select value={form.approval} onChange={(event) => edit({ approval: event.currentTarget.value as ActivityForm['approval'] })}>
            <option value="auto">{t('approval_auto')}</option>
            <option value="manager">{t('approval_manager')}</option>
          </select>
        </label>
        <div class="form-foot">
          {!read.ok && form.title !== '' ? <p class="hint" aria-live="polite">{t(`activityProblem_${read.code}`)}</p> : null}
          <NoticeLine notice={notice} />
          <button type="submit" class="primary" disabled={isBusy || !read.ok}>{t('createActivity')}</button>
        </div>
      </form>
    </Section>
  );
}
