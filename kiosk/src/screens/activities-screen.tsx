// Choosing an activity: to check in to (today's, not already joined), or to check out of when several are open.

import { BackButton, BigButton, Frame, Waiting, clockTime, type ScreenProps } from './parts.tsx';

export function ActivitiesScreen(props: ScreenProps<'activities'> | ScreenProps<'open-attendances'>) {
  const { view, emit, t } = props;
  const isCheckOut = view.screen === 'open-attendances';
  const open = new Set(view.resident.openAttendances.map((attendance) => attendance.activityId));
  const list = (view.activities ?? []).filter((activity) => !isCheckOut || open.has(activity.id));
  return (
    <Frame title={isCheckOut ? t('chooseCheckOut') : t('chooseActivity')} footer={<BackButton emit={emit} t={t} />}>
      {view.activities === null ? <Waiting text={t('loading')} /> : (
        <div class="choices">
          {list.map((activity) => (
            <BigButton key={activity.id} label={activity.title} detail={t('activityTime', { start: clockTime(activity.startsAt), end: clockTime(activity.endsAt) })} onPress={() => emit({ type: 'choose-activity', activityId: activity.id })} />
          ))}
        </div>
      )}
    </Frame>
  );
}
