// Flow steps once a resident is known: the menu, check-in, check-out, the statement, redemption, and the results.
// Pure: loading and writing are effects the app carries out.

import type { Step } from './machine.ts';
import type { Activity, FlowEvent, Intent, Operation, Resident, Service, SubmitOutcome, View } from './types.ts';
import { message } from './identify-steps.ts';

type ResidentView = Exclude<View, { screen: 'attract' | 'camera' | 'phone' | 'check-question' | 'identifying' | 'register-tap' | 'consent' | 'register-phone' | 'registered' | 'message' }>;

/** Where a just-identified resident goes: straight to the chosen action, or to the menu. */
export function enterIntent(resident: Resident, intent: Intent | null): Step {
  switch (intent) {
    case 'check-in':
      return { view: { screen: 'activities', resident, activities: null }, effects: [{ kind: 'load-activities' }, { kind: 'speak', key: 'prompt_activity' }] };
    case 'check-out':
      return enterCheckOut(resident);
    case 'query':
      return { view: { screen: 'statement', resident, entries: null }, effects: [{ kind: 'load-history', personId: resident.person.id }] };
    case 'redeem':
      return { view: { screen: 'services', resident, services: null }, effects: [{ kind: 'load-services' }] };
    case 'register':
    case null:
      return { view: { screen: 'menu', resident }, effects: [] };
  }
}

export function stepResident(view: ResidentView, event: FlowEvent): Step | null {
  switch (view.screen) {
    case 'menu':
      if (event.type === 'intent') return enterIntent(view.resident, event.intent);
      if (event.type === 'print-member-qr') {
        if (view.memberQr === 'printing') return null;
        return { view: { ...view, memberQr: 'printing' }, effects: [{ kind: 'print-member-qr', person: view.resident.person }] };
      }
      if (event.type === 'member-qr-printed') return { view: { ...view, memberQr: event.isPrinted ? 'printed' : 'failed' }, effects: [] };
      return event.type === 'back' ? toAttract() : null;
    case 'activities':
      if (event.type === 'activities-loaded') {
        const open = new Set(view.resident.openAttendances.map((attendance) => attendance.activityId));
        const activities = event.activities.filter((activity) => !open.has(activity.id));
        return activities.length === 0 ? message('no_activities') : { view: { ...view, activities }, effects: [] };
      }
      if (event.type === 'choose-activity') {
        const activity = view.activities?.find((candidate) => candidate.id === event.activityId);
        if (!activity) return null;
        return { view: { screen: 'confirm-check-in', resident: view.resident, activity }, effects: [{ kind: 'speak', key: 'prompt_confirm' }] };
      }
      return event.type === 'back' ? toMenu(view.resident) : null;
    case 'confirm-check-in':
      if (event.type === 'confirm') {
        return submit(view.resident, { kind: 'check-in', personId: view.resident.person.id, activityId: view.activity.id }, view.activity, null);
      }
      return event.type === 'back' ? enterIntent(view.resident, 'check-in') : null;
    case 'open-attendances':
      if (event.type === 'activities-loaded') return { view: { ...view, activities: event.activities }, effects: [] };
      if (event.type === 'choose-activity') return submitCheckOut(view.resident, event.activityId, view.activities);
      return event.type === 'back' ? toMenu(view.resident) : null;
    case 'statement':
      if (event.type === 'history-loaded') return { view: { ...view, entries: event.entries }, effects: [] };
      if (event.type === 'print-statement' && view.entries !== null) {
        return { view, effects: [{ kind: 'print-statement', resident: view.resident, entries: view.entries }] };
      }
      return event.type === 'back' ? toMenu(view.resident) : null;
    case 'services':
      return stepServices(view, event);
    case 'confirm-redeem':
      if (event.type === 'confirm') {
        const { service, resident } = view;
        const operation: Operation = { kind: 'redemption', personId: resident.person.id, serviceId: service.id, asset: service.asset, price: service.price, lastSeenBalance: resident.balances[service.asset] };
        return submit(resident, operation, null, service);
      }
      return event.type === 'back' ? enterIntent(view.resident, 'redeem') : null;
    case 'working':
      return event.type === 'submitted' ? finishWork(view, event.outcome) : null;
    case 'checked-in':
    case 'checked-out':
    case 'redeemed':
      return event.type === 'back' ? toAttract() : null;
  }
}

/** A service is offered when the resident is old enough; those they cannot afford are listed but not choosable. */
export function isEligible(service: Service, resident: Resident): boolean {
  const { age } = resident.person;
  return service.minAge === undefined || (age !== undefined && age >= service.minAge);
}

export function isAffordable(service: Service, resident: Resident): boolean {
  return resident.balances[service.asset] >= service.price;
}

function stepServices(view: Extract<View, { screen: 'services' }>, event: FlowEvent): Step | null {
  if (event.type === 'services-loaded') {
    const services = event.services.filter((service) => isEligible(service, view.resident));
    return services.length === 0 ? message('no_services') : { view: { ...view, services }, effects: [] };
  }
  if (event.type === 'choose-service') {
    const service = view.services?.find((candidate) => candidate.id === event.serviceId);
    if (!service || !isAffordable(service, view.resident)) return null;
    return { view: { screen: 'confirm-redeem', resident: view.resident, service }, effects: [{ kind: 'speak', key: 'prompt_confirm' }] };
  }
  return event.type === 'back' ? toMenu(view.resident) : null;
}

function enterCheckOut(resident: Resident): Step {
  const open = resident.openAttendances;
  if (open.length === 0) return message('no_open_attendance');
  const only = open.length === 1 ? open[0] : undefined;
  if (only !== undefined) return submit(resident, { kind: 'check-out', personId: resident.person.id, activityId: only.activityId }, null, null);
  return { view: { screen: 'open-attendances', resident, activities: null }, effects: [{ kind: 'load-activities' }] };
}

function submitCheckOut(resident: Resident, activityId: string, activities: Activity[] | null): Step | null {
  if (!resident.openAttendances.some((attendance) => attendance.activityId === activityId)) return null;
  const activity = activities?.find((candidate) => candidate.id === activityId) ?? null;
  return submit(resident, { kind: 'check-out', personId: resident.person.id, activityId }, activity, null);
}

function submit(resident: Resident, operation: Operation, activity: Activity | null, service: Service | null): Step {
  return { view: { screen: 'working', resident, operation, activity, service }, effects: [{ kind: 'submit', operation }] };
}

function finishWork(view: Extract<View, { screen: 'working' }>, outcome: SubmitOutcome): Step {
  if (outcome.status === 'rejected') return message('rejected', outcome.code);
  const resident = view.resident;
  const isQueued = outcome.status === 'queued';
  const receipt = outcome.receipt;
  const print = receipt === null ? [] : [{ kind: 'print', receipt, isQueued } as const];
  switch (view.operation.kind) {
    case 'check-in':
      if (!resident || !view.activity) return toAttract();
      return { view: { screen: 'checked-in', resident, activity: view.activity, receipt, isQueued }, effects: [...print, { kind: 'speak', key: 'done_check_in' }] };
    case 'check-out': {
      if (!resident) return toAttract();
      const result = outcome.status === 'done' ? outcome.checkOut ?? null : null;
      return { view: { screen: 'checked-out', resident, result, receipt, isQueued }, effects: [...print, { kind: 'speak', key: 'done_check_out' }] };
    }
    case 'redemption':
      if (!resident || !view.service) return toAttract();
      return { view: { screen: 'redeemed', resident, service: view.service, result: outcome.redemption ?? null, receipt, isQueued }, effects: [...print, { kind: 'speak', key: 'done_redeem' }] };
    case 'registration':
      return { view: { screen: 'registered', person: outcome.status === 'done' ? outcome.person ?? null : null }, effects: [] };
  }
}

function toMenu(resident: Resident): Step {
  return { view: { screen: 'menu', resident }, effects: [] };
}

function toAttract(): Step {
  return { view: { screen: 'attract', intent: null }, effects: [] };
}
