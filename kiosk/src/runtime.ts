// The kiosk's runtime: holds the flow state, feeds it events, and carries out its effects (service calls,
// the outbox, printing, speech). The one place where the pure flow meets I/O; screens only read and emit.

import { businessDateOf } from '../../domain/business-date.ts';
import { next, initialFlowState } from './flow/machine.ts';
import type { Activity, Effect, FlowConfig, FlowEvent, FlowState, Receipt, Service, SpeechKey } from './flow/types.ts';
import { defaultFlowConfig } from './flow/types.ts';
import type { KioskApi } from './api/kiosk-api.ts';
import type { Outbox } from './outbox/outbox.ts';
import { submitOperation } from './submit.ts';
import type { PrintJob } from './devices/print-job.ts';

export type RuntimeDeps = {
  api: Pick<KioskApi, 'identify' | 'activities' | 'services' | 'history' | 'memberQr'>;
  outbox: Pick<Outbox, 'submit'>;
  print: (job: PrintJob) => Promise<void>;
  speak: (key: SpeechKey) => void;
  /** Forgets everything about the last resident outside the flow state (speech queue, screen caches). */
  clearResident: () => void;
  kioskId: string;
  baseUrl: string;
  stationName: () => string;
  nowMs?: () => number;
  config?: FlowConfig;
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
        return later(deps.api.identify(effect.request).then((answer) => (answer.ok ? { type: 'identified', resident: answer.resident } : { type: 'identify-failed', code: answer.code })), () => ({ type: 'identify-failed', code: 'network_error' }));
      case 'load-activities':
        return later(refreshActivities().then((list) => ({ type: 'activities-loaded', activities: list })), () => ({ type: 'activities-loaded', activities }));
      case 'load-services':
        return later(refreshServices().then((list) => ({ type: 'services-loaded', services: list })), () => ({ type: 'services-loaded', services }));
      case 'load-history':
        return later(deps.api.history(effect.personId).then((entries) => ({ type: 'history-loaded', entries })), () => ({ type: 'history-loaded', entries: [] }));
      case 'submit': {
        const view = state.view;
        const title = view.screen === 'working' ? view.activity?.title ?? view.service?.name ?? null : null;
        const context = { kioskId: deps.kioskId, baseUrl: deps.baseUrl, stationName: deps.stationName(), title };
        return later(submitOperation(deps.outbox, effect.operation, context).then((outcome) => ({ type: 'submitted', outcome })), (error) => ({ type: 'submitted', outcome: { status: 'rejected', code: error instanceof Error ? error.name : 'submit_failed' } }));
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
        void deps.api.memberQr(id).then((qr) => (qr === null ? undefined : deps.print({ kind: 'member-qr', stationName: deps.stationName(), volunteerNo, qr })));
        return;
      }
      case 'speak':
        return deps.speak(effect.key);
      case 'wipe':
        turn += 1;
        deps.clearResident();
        return;
    }
  }

  async function refreshActivities(): Promise<Activity[]> {
    activities = await deps.api.activities(businessDateOf(nowMs()));
    return activities;
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
