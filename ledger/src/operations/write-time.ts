// Pure: when a kiosk write happened on the server's clock, and whether it is an offline fact (design.md §3 rules 1
// and 14, docs/outbox.md "On the service"). Reads no clock and no request: the route passes every time in.

/**
 * A write sent more than this after it happened on the kiosk (queue delay = `X-Kiosk-Timestamp − occurredAt`, both on
 * the kiosk's clock) waited in the outbox: it is recorded as an offline fact, as if it carried `"offline": true`.
 * One minute covers a slow send and its retries while the resident is still at the kiosk.
 */
export const queuedWriteDelayMsMin = 60_000;

export type WriteTimeInput = {
  /** The body's `"offline": true`. */
  offlineFlag: boolean;
  /** The body's `occurredAt`, on the kiosk's clock. */
  occurredAtMs: number;
  /** `X-Kiosk-Timestamp`, the time of this send on the kiosk's clock (already checked within the signing window). */
  sentAtMs: number;
  /** The server's clock when the request arrived. */
  receivedAtMs: number;
};

export type WriteTime = {
  /** True for an offline upload or a queued write: recorded (rule 14), never bounced. */
  offline: boolean;
  /** How long the write waited on the kiosk, never negative. */
  queueDelayMs: number;
  /** The time the rules use, on the server's clock: the arrival online; the arrival minus the queue delay offline. */
  effectiveAtMs: number;
};

/**
 * Online (no flag, queue delay at most `queuedWriteDelayMsMin`): the server's arrival time (rule 1). Offline: the
 * arrival minus the queue delay, so a kiosk clock that is off shifts both of its times alike and cancels out. Never in
 * the future (an `occurredAt` after the send counts as no delay). No earlier bound: as with `occurredAt` before, the
 signed kiosk is trusted for when its facts happened; weeks-old uploads are legitimate (a close flags them as late).
 */
export function decideWriteTime(input: WriteTimeInput): WriteTime {
  const queueDelayMs = Math.max(0, input.sentAtMs - input.occurredAtMs);
  const offline = input.offlineFlag || queueDelayMs > queuedWriteDelayMsMin;
  if (!offline) return { offline, queueDelayMs, effectiveAtMs: input.receivedAtMs };
  return { offline, queueDelayMs, effectiveAtMs: input.receivedAtMs - queueDelayMs };
}
