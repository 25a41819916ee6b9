// Test support for the outbox tests: a transport that answers from a script (or fails like a cut network) and
// records every call, and a clock the test moves by hand.

import type { SendResult } from './types.ts';

export type Call = { path: string; body: Record<string, unknown> };
/** The answer to call number `index` (from 0), or 'network' for no answer at all. */
export type Script = (call: Call, index: number) => SendResult | 'network';

export function scriptedTransport(answer: Script) {
  const calls: Call[] = [];
  const transport = async (path: string, body: Record<string, unknown>): Promise<SendResult> => {
    const call = { path, body };
    calls.push(call);
    const result = answer(call, calls.length - 1);
    if (result === 'network') throw new TypeError('Failed to fetch');
    return result;
  };
  return { calls, transport };
}

export function manualClock(startMs: number) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => { nowMs += ms; } };
}
