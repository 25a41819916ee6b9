// Staff maintenance behind the PIN: device status, test print, reprint, outbox state (with permanent
// rejections by code), network state and the kiosk id. Shows no resident data.

import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../i18n/i18n.ts';
import type { DeviceState, DeviceStatus } from '../devices/supervisor.ts';
import type { OutboxEntry } from '../outbox/types.ts';
import { BigButton, Frame } from './parts.tsx';

export type MaintenanceProps = {
  t: Translate;
  kioskId: string;
  devices: DeviceStatus;
  isOnline: boolean;
  entries: readonly OutboxEntry[];
  checkPin: (pin: string) => Promise<boolean>;
  onTestPrint: () => void;
  onReprint: (() => void) | null;
  onConnect: () => void;
  onClose: () => void;
};

const deviceKeys: Record<DeviceState, MessageKey> = { ready: 'device_ready', missing: 'device_missing', demo: 'device_demo', error: 'device_error', no_paper: 'device_no_paper' };

export function MaintenanceScreen(props: MaintenanceProps) {
  const { t } = props;
  const [isUnlocked, setUnlocked] = useState(false);
  const [pin, setPin] = useState('');
  const [isWrong, setWrong] = useState(false);
  if (!isUnlocked) {
    return (
      <Frame title={t('pinTitle')} footer={<BigButton label={t('back')} tone="quiet" onPress={props.onClose} />}>
        <label class="field"><span>{t('pinTitle')}</span><input type="password" inputMode="numeric" value={pin} onInput={(event) => setPin(event.currentTarget.value)} /></label>
        {isWrong ? <p class="error" role="alert">✗</p> : null}
        <BigButton label={t('confirm')} tone="primary" onPress={() => void props.checkPin(pin).then((isRight) => { setUnlocked(isRight); setWrong(!isRight); setPin(''); })} />
      </Frame>
    );
  }
  const pending = props.entries.filter((entry) => entry.state === 'pending');
  const rejected = props.entries.filter((entry) => entry.state === 'rejected');
  return (
    <Frame title={t('maintenance')} footer={<BigButton label={t('back')} tone="quiet" onPress={props.onClose} />}>
      <dl class="facts">
        <div><dt>{t('kioskId')}</dt><dd>{props.kioskId}</dd></div>
        <div><dt>{t('reader')}</dt><dd>{t(deviceKeys[props.devices.reader])}</dd></div>
        <div><dt>{t('printer')}</dt><dd>{t(deviceKeys[props.devices.printer])}{props.devices.printerCode ? ` (${props.devices.printerCode})` : ''}</dd></div>
        <div><dt>{t('outboxState')}</dt><dd>{props.isOnline ? t('networkOnline') : t('networkOffline')} · {t('outboxPending', { count: pending.length })} · {t('outboxRejected', { count: rejected.length })}</dd></div>
      </dl>
      <div class="pair">
        <BigButton label={t('testPrint')} onPress={props.onTestPrint} />
        <BigButton label={t('reprint')} disabled={props.onReprint === null} onPress={() => props.onReprint?.()} />
        <BigButton label={t('connectDevices')} onPress={props.onConnect} />
      </div>
      <table class="entries" aria-label={t('outboxState')}>
        <tbody>
          {[...pending, ...rejected].slice(0, 20).map((entry) => (
            <tr key={entry.id}><td>#{entry.kioskSeq}</td><td>{entry.operation}</td><td>{entry.state}</td><td>{entry.lastCode ?? ''}</td><td>{entry.attempts}</td></tr>
          ))}
        </tbody>
      </table>
    </Frame>
  );
}
