// The kiosk's runtime: holds the flow state, feeds it events, and carries out its effects (service calls,
// the outbox, printing, speech). The one place where the pure flow meets I/O; screens only read and emit.

import { businessDateOf, businessDayStartMs } from '../../domain/business-date.ts';
import { next, initialFlowState } from './flow/machine.ts';
import type { Activity, Effect, FlowConfig, FlowEvent, FlowState, Receipt, Service, SpeechKey } from './flow/types.ts';
import { defaultFlowConfig } from './flow/types.ts';
import type { KioskApi } from './api/kiosk-api.ts';
import type { Outbox } from './outbox/outbox.ts';
import { submitOperation } from './submit.ts';
import type { PrintJob } from './devices/print-job.ts';
import type { ResidentCache } from './outbox/resident-cache.ts';
import type { IdentifyRequest, OpenAttendance, Operation, Resident, SubmitOutcome } from './flow/types.ts';

const dayMs = 24 * 60 * 60_000;
/** The most business days GET /api/v1/activities lists in one answer. */
const activityListDaysMax = 31;

export type RuntimeDeps = {
  api: Pick<KioskApi, 'identify' | 'activities' | 'services' | 'history' | 'memberQr'>;
  outbox: Pick<Outbox, 'submit'>;
  /** Resolves true once the printer took the job; false when it is missing, out of paper or failed. */
  print: (job: PrintJob) => Promise<boolean>;
  speak: (key: SpeechKey) => void;
  /** Forgets everything about the last resident outside the flow state (speech queue, screen caches). */
  clearResident: () => void;
  kioskId: string;
  baseUrl: string;
  stationName: () => string;
  nowMs?: () => number;
  config?: FlowConfig;
  /** Recently seen residents, for identification while the network is down. */
  cache?: ResidentCache;
};

export type Runtime = ReturnType<typeof createRuntime>;

export function createRuntime(deps: RuntimeDeps) {
  const nowMs = deps.nowMs ?? Date.now;
  const config = deps.config ?? defaultFlowConfig;
  let state: FlowState = initialFlowState(nowMs());
  /** Incremented at each wipe, so an answer for an earlier resident never reaches a later one's screen. */
  let turn = 0;
  let activities: Activity[] = [];
  let services: Service[] = [];
  let lastReceipt: { receipt: Receipt; isQueued: boolean } | null = null;
  /** How the current resident was identified, kept in memory for this turn only, to update the offline cache. */
  let currentRequest: IdentifyRequest | null = null;
  const listeners = new Set<() => void>();

  function dispatch(event: FlowEvent): void {
    const transition = next(state, event, nowMs(), config);
    const changed = transition.state !== state;
    state = transition.state;
    for (const effect of transition.effects) run(effect);
    if (changed) listeners.forEach((listener) => listener());
  }

  /** Dispatches the answer of an async effect only if the same resident is still at the kiosk. */
  function later(promise: Promise<FlowEvent>, fallback: (error: unknown) => FlowEvent): void {
    const startedTurn = turn;
    promise.catch(fallback).then((event) => {
      if (turn === startedTurn) dispatch(event);
    });
  }

  function run(effect: Effect): void {
    switch (effect.kind) {
      case 'identify':
        return later(identify(effect.request), () => ({ type: 'identify-failed', code: 'network_error' }));
      case 'load-activities': {
        const view = state.view;
        const loading = view.screen === 'open-attendances' ? activitiesOfOpenAttendances(view.resident.openAttendances) : refreshActivities();
        return later(loading.then((list) => ({ type: 'activities-loaded', activities: list })), () => ({ type: 'activities-loaded', activities }));
      }
      case 'load-services':
        return later(refreshServices().then((list) => ({ type: 'services-loaded', services: list })), () => ({ type: 'services-loaded', services }));
      case 'load-history':
        return later(deps.api.history(effect.personId).then((entries) => ({ type: 'history-loaded', entries })), () => ({ type: 'history-loaded', entries: [] }));
      case 'submit': {
        const view = state.view;
        const title = view.screen === 'working' ? view.activity?.title ?? view.service?.name ?? null : null;
        const context = { kioskId: deps.kioskId, baseUrl: deps.baseUrl, stationName: deps.stationName(), title };
        const resident = view.screen === 'working' ? view.resident : null;
        const submitted = submitOperation(deps.outbox, effect.operation, context).then((outcome) => {
          if (resident) void rememberAfter(resident, effect.operation, outcome).catch(() => undefined);
          return { type: 'submitted', outcome } as const;
        });
        return later(submitted, (error) => ({ type: 'submitted', outcome: { status: 'rejected', code: error instanceof Error ? error.name : 'submit_failed' } }));
      }
      case 'print':
        lastReceipt = { receipt: effect.receipt, isQueued: effect.isQueued };
        void deps.print({ kind: 'receipt', receipt: effect.receipt, isQueued: effect.isQueued });
        return;
      case 'print-statement':
        void deps.print({ kind: 'statement', stationName: deps.stationName(), volunteerNo: effect.resident.person.volunteerNo, balances: effect.resident.balances, entries: effect.entries, printedAt: new Date(nowMs()).toISOString() });
        return;
      case 'print-member-qr': {
        const { volunteerNo, id } = effect.person;
        const printed = deps.api.memberQr(id).then((qr) => (qr === null ? false : deps.print({ kind: 'member-qr', stationName: deps.stationName(), volunteerNo, qr })));
        return later(printed.then((isPrinted) => ({ type: 'member-qr-printed', isPrinted })), () => ({ type: 'member-qr-printed', isPrinted: false }));
      }
      case 'speak':
        return deps.speak(effect.key);
      case 'wipe':
        turn += 1;
        currentRequest = null;
        deps.clearResident();
        return;
    }
  }

  /** Online: the service's answer, remembered for offline use. Offline (network error): the cached resident, if any. */
  async function identify(request: IdentifyRequest): Promise<FlowEvent> {
    let answer: Awaited<ReturnType<RuntimeDeps['api']['identify']>>;
    try {
      answer = await deps.api.identify(request);
    } catch {
      // No answer at all: the network is down, so the last seen state of this resident stands in for it.
      const cached = (await deps.cache?.recall(request)) ?? null;
      if (cached === null) return { type: 'identify-failed', code: 'network_error' };
      currentRequest = request;
      return { type: 'identified', resident: cached };
    }
    if (!answer.ok) return { type: 'identify-failed', code: answer.code };
    currentRequest = request;
    await deps.cache?.remember(request, answer.resident).catch(() => undefined);
    return { type: 'identified', resident: answer.resident };
  }

  /** Keeps the offline cache in step with a write: open attendances and, when the service said so, balances. */
  async function rememberAfter(resident: Resident, operation: Operation, outcome: SubmitOutcome): Promise<void> {
    if (!deps.cache || currentRequest === null || outcome.status === 'rejected') return;
    let next = resident;
    if (operation.kind === 'check-in') {
      next = { ...resident, openAttendances: [...resident.openAttendances, { attendanceId: '', activityId: operation.activityId, checkedInAt: new Date(nowMs()).toISOString() }] };
    } else if (operation.kind === 'check-out') {
      const balances = outcome.status === 'done' && outcome.checkOut?.balances ? outcome.checkOut.balances : resident.balances;
      next = { ...resident, balances, openAttendances: resident.openAttendances.filter((attendance) => attendance.activityId !== operation.activityId) };
    } else if (operation.kind === 'redemption') {
      // Queued: lower the cached balance now too. Until the entry is sent the outbox also subtracts it, which errs
      // on the safe side (rule 14: never below zero); once sent, the cached balance is right again.
      const spent = { ...resident.balances, [operation.asset]: resident.balances[operation.asset] - operation.price };
      next = { ...resident, balances: outcome.status === 'done' && outcome.redemption?.balances ? outcome.redemption.balances : spent };
    }
    await deps.cache.remember(currentRequest, next);
  }

  async function refreshActivities(): Promise<Activity[]> {
    activities = await deps.api.activities(businessDateOf(nowMs()));
    return activities;
  }

  /**
   * The check-out chooser needs the activity of every open attendance, and one begun before midnight may belong to an
   * activity that ended yesterday (still inside its late grace): list from the earliest check-in's business date to
   * today. Today's cached list for the attract screen is left as it is.
   */
  async function activitiesOfOpenAttendances(open: readonly OpenAttendance[]): Promise<Activity[]> {
    const today = businessDateOf(nowMs());
    const checkedInDates = open.map((attendance) => Date.parse(attendance.checkedInAt)).filter(Number.isSafeInteger).map(businessDateOf);
    const earliest = checkedInDates.reduce((min, date) => (date < min ? date : min), today);
    if (earliest === today) return refreshActivities();
    const days = Math.min(activityListDaysMax, Math.round((businessDayStartMs(today) - businessDayStartMs(earliest)) / dayMs) + 1);
    return deps.api.activities(earliest, days);
  }

  async function refreshServices(): Promise<Service[]> {
    services = await deps.api.services();
    return services;
  }

  return {
    dispatch,
    state: () => state,
    /** Today's activities for the attract screen (no personal data). */
    activities: () => activities,
    refreshActivities,
    lastReceipt: () => lastReceipt,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
