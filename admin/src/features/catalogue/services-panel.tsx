// 服务项目: the station's services catalogue (active and retired), the form that adds one (a time price typed in
// hours and minutes, a points price in points) and 停用 after a confirm step.

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { Service } from '../../api/types.ts';
import { formatValue } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, noticeOfError, Section, type Notice } from '../../parts.tsx';
import { useLoad } from '../../use-load.ts';
import { readServiceForm, serviceNameLengthMax, type ServiceForm } from './catalogue-view.ts';

type Props = { t: Translate; api: StaffApi; stationId: string };
const emptyForm: ServiceForm = { name: '', asset: 'time', hours: '', minutes: '', points: '', minAge: '' };

export function ServicesPanel(props: Props) {
  const { t, api, stationId } = props;
  const { loaded, reload } = useLoad(() => api.listServices(stationId), [api, stationId]);
  const [form, setForm] = useState<ServiceForm>(emptyForm);
  const [confirming, setConfirming] = useState<Service | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [formNotice, setFormNotice] = useState<Notice>(null);
  const [isBusy, setBusy] = useState(false);
  const read = readServiceForm(stationId, form);
  const edit = (patch: Partial<ServiceForm>) => setForm((current) => ({ ...current, ...patch }));
  const isTouched = form.name !== '' || form.hours !== '' || form.minutes !== '' || form.points !== '';

  async function create(event: Event): Promise<void> {
    event.preventDefault();
    if (!read.ok) return;
    setBusy(true);
    const result = await api.createService(read.value);
    setBusy(false);
    setFormNotice(result.ok ? { tone: 'ok', text: t('serviceCreated', { name: result.value.service.name }) } : noticeOfError(t, result.error));
    if (!result.ok) return;
    setForm({ ...emptyForm, asset: form.asset });
    reload();
  }

  async function retire(service: Service): Promise<void> {
    setBusy(true);
    const result = await api.retireService(service.id);
    setBusy(false);
    setConfirming(null);
    setNotice(result.ok ? { tone: 'ok', text: t('serviceRetiredNotice', { name: service.name }) } : noticeOfError(t, result.error));
    reload();
  }

  const services = loaded.status === 'done' && loaded.result.ok ? loaded.result.value.services : [];
  return (
    <Section title={t('servicesTitle')}>
      <NoticeLine notice={notice} />
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-label={t('retireServiceFor', { name: confirming.name })} aria-describedby="retire-text">
          <p id="retire-text">{t('retireConfirm', { name: confirming.name })}</p>
          <button type="button" class="danger" autoFocus disabled={isBusy} onClick={() => void retire(confirming)}>{t('retireYes')}</button>
          <button type="button" onClick={() => setConfirming(null)}>{t('cancel')}</button>
        </div>
      ) : null}
      {loaded.status === 'loading' ? <p>{t('loading')}</p> : null}
      {loaded.status === 'done' && !loaded.result.ok ? <NoticeLine notice={noticeOfError(t, loaded.result.error)} /> : null}
      {loaded.status === 'done' && loaded.result.ok && services.length === 0 ? <p>{t('servicesNone')}</p> : null}
      {services.length > 0 ? (
        <table class="services">
          <thead><tr><th scope="col">{t('serviceName')}</th><th scope="col">{t('servicePrice')}</th><th scope="col">{t('serviceMinAgeShort')}</th><th scope="col">{t('serviceStatus')}</th><th scope="col">{t('serviceActions')}</th></tr></thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.id} data-service-id={service.id}>
                <th scope="row">{service.name}</th>
                <td>{t(`assetName_${service.asset}`)} · {formatValue(t, service.asset, service.price)}</td>
                <td>{service.minAge === null ? t('none') : t('serviceMinAgeValue', { age: service.minAge })}</td>
                <td class={service.status === 'active' ? 'state-enrolled' : 'state-revoked'}>{t(service.status === 'active' ? 'serviceActive' : 'serviceRetired')}</td>
                <td>{service.status === 'active' ? <button type="button" class="danger" aria-label={t('retireServiceFor', { name: service.name })} onClick={() => setConfirming(service)}>{t('retireService')}</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h3 id="new-service">{t('addService')}</h3>
      <form class="grid-form" aria-labelledby="new-service" onSubmit={(event) => void create(event)}>
        <label class="field"><span>{t('serviceName')}</span><input value={form.name} maxLength={serviceNameLengthMax} onInput={(event) => edit({ name: event.currentTarget.value })} /></label>
        <label class="field"><span>{t('serviceAsset')}</span>
          <select value={form.asset} onChange={(event) => edit({ asset: event.currentTarget.value as ServiceForm['asset'] })}>
            <option value="time">{t('assetName_time')}</option>
            <option value="points">{t('assetName_points')}</option>
          </select>
        </label>
        {form.asset === 'time' ? (
          <>
            <label class="field"><span>{t('servicePriceHours')}</span><input inputMode="numeric" value={form.hours} onInput={(event) => edit({ hours: event.currentTarget.value })} /></label>
            <label class="field"><span>{t('servicePriceMinutes')}</span><input inputMode="numeric" value={form.minutes} onInput={(event) => edit({ minutes: event.currentTarget.value })} /></label>
          </>
        ) : (
          <label class="field"><span>{t('servicePricePoints')}</span><input inputMode="numeric" value={form.points} onInput={(event) => edit({ points: event.currentTarget.value })} /></label>
        )}
        <label class="field"><span>{t('serviceMinAge')}</span><input inputMode="numeric" value={form.minAge} onInput={(event) => edit({ minAge: event.currentTarget.value })} /></label>
        <div class="form-foot">
          {!read.ok && isTouched ? <p class="hint" aria-live="polite">{t(`serviceProblem_${read.code}`)}</p> : null}
          <NoticeLine notice={formNotice} />
          <button type="submit" class="primary" disabled={isBusy || !read.ok}>{t('createService')}</button>
        </div>
      </form>
    </Section>
  );
}
