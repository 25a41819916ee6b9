// 一体机: the station's kiosks with state, heartbeat and device status; 新增一体机 shows a one-time enrolment code and
// its QR; 停用 revokes after a confirm step.

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { CreatedKiosk, Kiosk } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, noticeOfError, Section, type Notice } from '../../parts.tsx';
import { useLoad } from '../../use-load.ts';
import { EnrollmentPanel } from './enrollment-panel.tsx';
import { deviceStatusLine, isValidKioskName, kioskNameLengthMax, kioskState, kiosksOfStation, stateLabel } from './kiosk-view.ts';

type Props = { t: Translate; api: StaffApi; stationId: string; nowMs: () => number; origin: string };

export function KiosksPage(props: Props) {
  const { t, api } = props;
  const { loaded, reload } = useLoad(() => api.listKiosks(props.stationId), [api, props.stationId]);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ kiosk: CreatedKiosk; name: string } | null>(null);
  const [confirming, setConfirming] = useState<Kiosk | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [isBusy, setBusy] = useState(false);

  async function create(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const result = await api.createKiosk(props.stationId, name.trim());
    setBusy(false);
    setNotice(result.ok ? null : noticeOfError(t, result.error));
    if (!result.ok) return;
    setCreated({ kiosk: result.value, name: name.trim() });
    setName('');
    reload();
  }

  async function revoke(kiosk: Kiosk): Promise<void> {
    setBusy(true);
    const result = await api.revokeKiosk(kiosk.id);
    setBusy(false);
    setConfirming(null);
    setNotice(result.ok ? { tone: 'ok', text: t('revoked', { name: kiosk.name }) } : noticeOfError(t, result.error));
    reload();
  }

  const nowMs = props.nowMs();
  const kiosks = loaded.status === 'done' && loaded.result.ok ? kiosksOfStation(loaded.result.value.kiosks, props.stationId, nowMs) : [];
  return (
    <>
      {created ? <EnrollmentPanel t={t} created={created.kiosk} name={created.name} origin={props.origin} onClose={() => setCreated(null)} /> : null}
      <Section title={t('kiosksTitle')}>
        <form class="row-form" onSubmit={(event) => void create(event)}>
          <label class="field inline">
            <span>{t('newKioskName')}</span>
            <input value={name} maxLength={kioskNameLengthMax} onInput={(event) => setName(event.currentTarget.value)} />
          </label>
          <button type="submit" class="primary" disabled={isBusy || !isValidKioskName(name)}>{t('addKiosk')}</button>
        </form>
        <NoticeLine notice={notice} />
        {confirming ? (
          <div class="confirm" role="alertdialog" aria-label={t('revoke')} aria-describedby="revoke-text">
            <p id="revoke-text">{t('revokeConfirm', { name: confirming.name })}</p>
            <button type="button" class="danger" autoFocus disabled={isBusy} onClick={() => void revoke(confirming)}>{t('revokeYes')}</button>
            <button type="button" onClick={() => setConfirming(null)}>{t('cancel')}</button>
          </div>
        ) : null}
        {loaded.status === 'loading' ? <p>{t('loading')}</p> : null}
        {loaded.status === 'done' && !loaded.result.ok ? <NoticeLine notice={noticeOfError(t, loaded.result.error)} /> : null}
        {loaded.status === 'done' && loaded.result.ok && kiosks.length === 0 ? <p>{t('kioskNone')}</p> : null}
        {kiosks.length > 0 ? (
          <table>
            <thead><tr><th scope="col">{t('kioskName')}</th><th scope="col">{t('kioskState')}</th><th scope="col">{t('kioskHeartbeat')}</th><th scope="col">{t('kioskDevices')}</th><th scope="col">{t('kioskActions')}</th></tr></thead>
            <tbody>
              {kiosks.map((kiosk) => {
                const state = kioskState(kiosk, nowMs);
                return (
                  <tr key={kiosk.id} data-kiosk-id={kiosk.id}>
                    <th scope="row">{kiosk.name}</th>
                    <td class={`state-${state}`}>{stateLabel(t, state)}</td>
                    <td>{kiosk.lastHeartbeatAt ? formatDateTime(kiosk.lastHeartbeatAt) : t('kioskNever')}</td>
                    <td>{deviceStatusLine(t, kiosk.deviceStatus)}</td>
                    <td>{state === 'revoked' ? null : <button type="button" class="danger" aria-label={`${t('revoke')} ${kiosk.name}`} onClick={() => setConfirming(kiosk)}>{t('revoke')}</button>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </Section>
    </>
  );
}
