// The identified resident's menu: greeting, balances and the actions, plus printing the member QR with a line
// that says whether it is printing, printed (take it) or failed.

import type { MemberQrPrint } from '../flow/types.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { BackButton, BalancesView, BigButton, Frame, type ScreenProps } from './parts.tsx';

const memberQrKeys: Record<MemberQrPrint, MessageKey> = { printing: 'memberQrPrinting', printed: 'memberQrPrinted', failed: 'memberQrFailed' };

export function MenuScreen(props: ScreenProps<'menu'>) {
  const { view, emit, t } = props;
  const { person, balances } = view.resident;
  return (
    <Frame title={t('hello', { name: person.displayName })} footer={<BackButton emit={emit} t={t} />}>
      <p class="muted">{t('volunteerNo', { number: person.volunteerNo })}</p>
      <BalancesView balances={balances} t={t} caption={t('statementTitle')} />
      <h2>{t('menuTitle')}</h2>
      <div class="actions menu-actions">
        <BigButton label={t('checkIn')} icon="✓" onPress={() => emit({ type: 'intent', intent: 'check-in' })} />
        <BigButton label={t('checkOut')} icon="⏏" onPress={() => emit({ type: 'intent', intent: 'check-out' })} />
        <BigButton label={t('query')} icon="☰" onPress={() => emit({ type: 'intent', intent: 'query' })} />
        <BigButton label={t('redeem')} icon="★" onPress={() => emit({ type: 'intent', intent: 'redeem' })} />
        <BigButton label={t('printMemberQr')} icon="▦" disabled={view.memberQr === 'printing'} onPress={() => emit({ type: 'print-member-qr' })} />
      </div>
      {view.memberQr ? <p class={`notice ${view.memberQr}`} role="status">{t(memberQrKeys[view.memberQr])}</p> : null}
    </Frame>
  );
}
