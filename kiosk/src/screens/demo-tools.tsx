// Demo mode only (loaded lazily, never on a kiosk with real devices): the 模拟刷卡 card picker and the 演示凭条
// preview of the last printout. The preview shows only what the paper shows (a member QR's token not even that:
// it is a credential) and is gone after the wipe.

import { useState } from 'preact/hooks';
import { demoPickerCards } from '../../../hardware/card-reader/demo-cards.ts';
import { decodePrintout } from '../../../hardware/printer/printout.ts';
import { maskName } from '../../../domain/masking.ts';
import type { DeviceHub } from '../devices/supervisor.ts';
import type { View } from '../flow/types.ts';
import type { Translate } from '../i18n/i18n.ts';

export type DemoHub = Pick<DeviceHub, 'demoTap' | 'demoLastPrintedBytes'>;

/** Screens where a resident is asked to lay a card on the reader. */
const tapScreens: ReadonlySet<View['screen']> = new Set(['attract', 'register-tap']);

export function DemoCardPicker(props: { t: Translate; hub: DemoHub; screen: View['screen'] }) {
  const { t, hub } = props;
  const [isOpen, setOpen] = useState(false);
  if (!tapScreens.has(props.screen)) return null;
  return (
    <>
      <button type="button" class="demo-tap" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>{t('demoTap')}</button>
      {isOpen ? (
        <div class="demo-picker" role="dialog" aria-label={t('demoPickTitle')}>
          <h2>{t('demoPickTitle')}</h2>
          {demoPickerCards.map(({ role, card }) => (
            <button key={card.idNumber} type="button" class="big-button plain" aria-label={t('demoTapCard', { name: maskName(card.name) })}
              onClick={() => { setOpen(false); hub.demoTap(card); }}>
              <span class="button-label">{maskName(card.name)}</span>
              <span class="button-detail">{t(`demoRole_${role}`)}</span>
            </button>
          ))}
          <button type="button" class="big-button quiet" onClick={() => setOpen(false)}>{t('demoClose')}</button>
        </div>
      ) : null}
    </>
  );
}

export function DemoReceiptPreview(props: { t: Translate; hub: DemoHub }) {
  const { t } = props;
  const bytes = props.hub.demoLastPrintedBytes();
  const [closed, setClosed] = useState<Uint8Array | null>(null);
  if (bytes === null || bytes === closed) return null;
  const printout = decodePrintout(bytes);
  return (
    <aside class="demo-receipt" aria-label={t('demoReceiptTitle')}>
      <h2>{t('demoReceiptTitle')}</h2>
      <p class="demo-note">{t('demoReceiptNote')}</p>
      <pre class="paper">{printout.lines.join('\n')}</pre>
      {printout.qrPayloads.map((payload) => (
        isLink(payload)
          ? <a key={payload} class="demo-link" href={payload} target="_blank" rel="noopener noreferrer">{t('demoReceiptLink')}: {payload}</a>
          : <p key={payload} class="demo-qr">{t('demoReceiptQr')}</p>
      ))}
      <button type="button" class="demo-tap" onClick={() => setClosed(bytes)}>{t('demoClose')}</button>
    </aside>
  );
}

function isLink(payload: string): boolean {
  return /^https?:\/\//.test(payload);
}
