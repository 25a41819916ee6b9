// 活动与服务: the station's activities (listed by business date, created in Beijing time) and its services catalogue.

import type { StaffApi } from '../../api/staff-api.ts';
import { businessDateOf } from '../../../../domain/business-date.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { ActivitiesPanel } from './activities-panel.tsx';
import { ServicesPanel } from './services-panel.tsx';

type Props = { t: Translate; api: StaffApi; stationId: string; nowMs: () => number };

export function CataloguePage(props: Props) {
  return (
    <>
      <ActivitiesPanel t={props.t} api={props.api} stationId={props.stationId} today={businessDateOf(props.nowMs())} />
      <ServicesPanel t={props.t} api={props.api} stationId={props.stationId} />
    </>
  );
}
