// The kiosk's flow as a pure state machine: next(state, event, nowMs) → new state and effects as data.
// Never does I/O, reads no clock and keeps no hidden state; app.tsx carries out the effects.

import type { Effect, FlowConfig, FlowEvent, FlowState, View } from './types.ts';
import { defaultFlowConfig } from './types.ts';
import { stepIdentification } from './identify-steps.ts';
import { stepResident } from './resident-steps.ts';
import { stepRegistration } from './registration-steps.ts';

export type Step = { view: View; effects: Effect[] };
export type Transition = { state: FlowState; effects: Effect[] };

/** The state a kiosk starts in and returns to: the attract screen, nobody's data in memory. */
export function initialFlowState(nowMs: number): FlowState {
  return { view: { screen: 'attract', intent: null }, lastInputMs: nowMs };
}

/** Screens the idle timeout never interrupts: nothing to wipe, or a request whose answer is on its way. */
const idleExempt = new Set<View['screen']>(['attract', 'working', 'identifying']);

export function next(state: FlowState, event: FlowEvent, nowMs: number, config: FlowConfig = defaultFlowConfig): Transition {
  if (event.type === 'tick') {
    const isIdle = nowMs - state.lastInputMs >= config.idleTimeoutMs;
    if (isIdle && !idleExempt.has(state.view.screen)) return wipe(nowMs);
    return { state, effects: [] };
  }
  if (event.type === 'touch') return { state: { view: state.view, lastInputMs: nowMs }, effects: [] };
  if (event.type === 'finish') return wipe(nowMs);
  const step = stepView(state.view, event, nowMs, config);
  if (step === null) return { state: { view: state.view, lastInputMs: nowMs }, effects: [] };
  if (step.view.screen === 'attract' && state.view.screen !== 'attract') {
    return { state: { view: step.view, lastInputMs: nowMs }, effects: [{ kind: 'wipe' }, ...step.effects] };
  }
  return { state: { view: step.view, lastInputMs: nowMs }, effects: step.effects };
}

/** Back to the attract screen: the resident's data leaves the state, and the app clears everything else it holds. */
export function wipe(nowMs: number): Transition {
  return { state: initialFlowState(nowMs), effects: [{ kind: 'wipe' }] };
}

/** null means the event does not apply to this screen and is ignored. */
function stepView(view: View, event: FlowEvent, nowMs: number, config: FlowConfig): Step | null {
  switch (view.screen) {
    case 'attract':
    case 'camera':
    case 'phone':
    case 'check-question':
    case 'identifying':
      return stepIdentification(view, event, nowMs);
    case 'register-tap':
    case 'consent':
    case 'register-phone':
    case 'registered':
      return stepRegistration(view, event, nowMs, config);
    case 'message':
      if (event.type === 'intent' && event.intent === 'register' && view.card !== null) {
        return stepRegistration({ screen: 'register-tap' }, { type: 'card', card: view.card }, nowMs, config);
      }
      return event.type === 'back' ? { view: { screen: 'attract', intent: null }, effects: [] } : null;
    default:
      return stepResident(view, event);
  }
}
