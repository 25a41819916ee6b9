// Services the resident may redeem, with prices; those the balance cannot cover are shown but disabled.

import type { Service } from '../flow/types.ts';
import { formatMinutes, type Translate } from '../i18n/i18n.ts';
import { isAffordable } from '../flow/resident-steps.ts';
import { BackButton, BalancesView, BigButton, Frame, Waiting, type ScreenProps } from './parts.tsx';

export function priceText(t: Translate, service: Service): string {
  return service.asset === 'time' ? formatMinutes(t, service.price) : t('pointsValue', { points: service.price });
}

export function ServicesScreen(props: ScreenProps<'services'>) {
  const { view, emit, t } = props;
  return (
    <Frame title={t('chooseService')} footer={<BackButton emit={emit} t={t} />}>
      <BalancesView balances={view.resident.balances} t={t} caption={t('newBalances')} />
      {view.services === null ? <Waiting text={t('loading')} /> : (
        <div class="choices">
          {view.services.map((service) => {
            const canAfford = isAffordable(service, view.resident);
            return <BigButton key={service.id} label={service.name} detail={canAfford ? t('price', { price: priceText(t, service) }) : `${t('price', { price: priceText(t, service) })} · ${t('notEnough')}`} disabled={!canAfford} onPress={() => emit({ type: 'choose-service', serviceId: service.id })} />;
          })}
        </div>
      )}
    </Frame>
  );
}
