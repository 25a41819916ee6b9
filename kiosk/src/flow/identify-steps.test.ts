// Proves the camera path through the flow machine: 扫码 opens the camera screen with the spoken hint, a decoded
// code is identified exactly like a scanner's, 取消 returns with the chosen action kept, a camera error shows its
// message, a card laid on the reader still counts, and an idle camera screen is wiped.
import { describe, expect, it } from 'vitest';
import { initialFlowState, next } from './machine.ts';
import type { CardData, Effect, FlowEvent, FlowState } from './types.ts';
import { defaultFlowConfig } from './types.ts';

const startMs = Date.UTC(2026, 4, 12, 2, 0, 0);
const memberCode = 'LL1.V00000042.dGhpcy1pcy1hLXRlc3Qtc2lnbmF0dXJl';
const card: CardData = { idNumber: '11010519491231002X', name: '张三', birthDate: '19491231' };

function run(events: FlowEvent[], state: FlowState = initialFlowState(startMs)) {
  let nowMs = startMs;
  const effects: Effect[] = [];
  for (const event of events) {
    nowMs += 1000;
    const transition = next(state, event, nowMs);
    state = transition.state;
    effects.push(...transition.effects);
  }
  return { state, effects, nowMs };
}

describe('camera scanning (扫码)', () => {
  it('opens the camera screen from the attract screen, keeping the chosen action, and speaks the hint', () => {
    const { state, effects } = run([{ type: 'intent', intent: 'check-in' }, { type: 'camera' }]);
    expect(state.view).toEqual({ screen: 'camera', intent: 'check-in' });
    expect(effects.at(-1)).toEqual({ kind: 'speak', key: 'prompt_camera' });
  });

  it('identifies a decoded code exactly as a scanner scan (same trimmed qr request, same identifying view)', () => {
    const byCamera = run([{ type: 'intent', intent: 'redeem' }, { type: 'camera' }, { type: 'scan', text: ` ${memberCode}\n` }]);
    const byScanner = run([{ type: 'intent', intent: 'redeem' }, { type: 'scan', text: ` ${memberCode}\n` }]);
    expect(byCamera.state.view).toEqual(byScanner.state.view);
    expect(byCamera.state.view).toMatchObject({ screen: 'identifying', intent: 'redeem' });
    expect(byCamera.effects.filter((effect) => effect.kind === 'identify')).toEqual([{ kind: 'identify', request: { qr: memberCode } }]);
  });

  it('drops a second code decoded while the first is being identified', () => {
    const { state, effects } = run([{ type: 'camera' }, { type: 'scan', text: memberCode }, { type: 'scan', text: memberCode }]);
    expect(state.view.screen).toBe('identifying');
    expect(effects.filter((effect) => effect.kind === 'identify')).toHaveLength(1);
  });

  it('accepts an ID card laid on the reader while the camera screen is open', () => {
    const { state, effects } = run([{ type: 'camera' }, { type: 'card', card }]);
    expect(state.view).toMatchObject({ screen: 'identifying', card });
    expect(effects).toContainEqual({ kind: 'identify', request: { card } });
  });

  it('goes back to the attract screen on 取消, with the chosen action kept and a wipe', () => {
    const { state, effects } = run([{ type: 'intent', intent: 'check-out' }, { type: 'camera' }, { type: 'back' }]);
    expect(state.view).toEqual({ screen: 'attract', intent: 'check-out' });
    expect(effects.at(-1)).toEqual({ kind: 'wipe' });
  });

  it('shows camera_denied or camera_failed when the camera cannot be used', () => {
    for (const code of ['camera_denied', 'camera_failed'] as const) {
      const { state } = run([{ type: 'camera' }, { type: 'camera-error', code }]);
      expect(state.view).toEqual({ screen: 'message', code, detail: null, card: null });
    }
  });

  it('ignores camera errors outside the camera screen (a late error after 取消 changes nothing)', () => {
    const { state } = run([{ type: 'camera' }, { type: 'back' }, { type: 'camera-error', code: 'camera_failed' }]);
    expect(state.view).toEqual({ screen: 'attract', intent: null });
  });

  it('wipes an idle camera screen at the idle timeout, not before', () => {
    const { state, nowMs } = run([{ type: 'camera' }]);
    expect(next(state, { type: 'tick' }, nowMs + defaultFlowConfig.idleTimeoutMs - 1).state.view.screen).toBe('camera');
    const late = next(state, { type: 'tick' }, nowMs + defaultFlowConfig.idleTimeoutMs);
    expect(late.state.view).toEqual({ screen: 'attract', intent: null });
    expect(late.effects).toEqual([{ kind: 'wipe' }]);
  });
});
