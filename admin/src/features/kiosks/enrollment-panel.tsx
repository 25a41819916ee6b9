// The enrolment code of a new kiosk, big, with its expiry and a QR of the kiosk page link that carries it.

import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import type { CreatedKiosk } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { enrollUrl } from './kiosk-view.ts';

/** Large enough to scan from a kiosk camera at arm's length; the link is short, so error correction M fits. */
const qrWidthPx = 280;

export function EnrollmentPanel(props: { t: Translate; created: CreatedKiosk; name: string; origin: string; onClose: () => void }) {
  const { t, created } = props;
  const link = enrollUrl(props.origin, created.enrollmentCode);
  const [qrDataUrl, setQrDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: qrWidthPx }).then((url) => { if (isCurrent) setQrDataUrl(url); });
    return () => { isCurrent = false; };
  }, [link]);

  return (
    <section class="panel enrollment" aria-label={t('enrollTitle', { name: props.name })}>
      <h2>{t('enrollTitle', { name: props.name })}</h2>
      <div class="enrollment-body">
        <div>
          <p class="label" id="enroll-code-label">{t('enrollCode')}</p>
          <p class="enroll-code" aria-labelledby="enroll-code-label" data-code={created.enrollmentCode}>{created.enrollmentCode}</p>
          <p>{t('enrollExpires', { time: formatDateTime(created.expiresAt) })}</p>
          <p>{t('enrollHow')}</p>
          <p><span>{t('enrollLink')}：</span><a href={link} target="_blank" rel="noopener">{link}</a></p>
        </div>
        {qrDataUrl ? <img class="qr" src={qrDataUrl} width={qrWidthPx} height={qrWidthPx} alt={t('enrollQr')} /> : null}
      </div>
      <button type="button" onClick={props.onClose}>{t('close')}</button>
    </section>
  );
}
