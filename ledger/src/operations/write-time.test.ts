// Proves the write-time rule: a write that waited in the kiosk's outbox longer than `queuedWriteDelayMsMin` is an
// offline fact dated by its queue delay on the server's clock, whatever the kiosk's clock says; shorter waits stay online.
import { describe, expect, it } from 'vitest';
import { decideWriteTime, queuedWriteDelayMsMin } from './write-time.ts';

const serverMs = Date.parse('2026-04-01T10:30:00+08:00');
const minuteMs = 60_000;

describe('decideWriteTime', () => {
  it('keeps a write sent at once online, at the server arrival time', () => {
    expect(decideWriteTime({ offlineFlag: false, occurredAtMs: serverMs, sentAtMs: serverMs, receivedAtMs: serverMs + 40 }))
      .toEqual({ offline: false, queueDelayMs: 0, effectiveAtMs: serverMs + 40 });
  });

  it('keeps a write 30 s late online', () => {
    expect(decideWriteTime({ offlineFlag: false, occurredAtMs: serverMs - 30_000, sentAtMs: serverMs, receivedAtMs: serverMs }))
      .toEqual({ offline: false, queueDelayMs: 30_000, effectiveAtMs: serverMs });
  });

  it('keeps a write exactly at the limit online and makes one a millisecond later offline', () => {
    const at = (delayMs: number) => decideWriteTime({ offlineFlag: false, occurredAtMs: serverMs - delayMs, sentAtMs: serverMs, receivedAtMs: serverMs });
    expect(at(queuedWriteDelayMsMin).offline).toBe(false);
    expect(at(queuedWriteDelayMsMin + 1)).toEqual({ offline: true, queueDelayMs: queuedWriteDelayMsMin + 1, effectiveAtMs: serverMs - queuedWriteDelayMsMin - 1 });
  });

  it('dates a write 20 minutes late to when it happened, as an offline fact', () => {
    expect(decideWriteTime({ offlineFlag: false, occurredAtMs: serverMs - 20 * minuteMs, sentAtMs: serverMs, receivedAtMs: serverMs }))
      .toEqual({ offline: true, queueDelayMs: 20 * minuteMs, effectiveAtMs: serverMs - 20 * minuteMs });
  });

  it('gives the same time when the kiosk clock is off by minutes either way', () => {
    for (const skewMs of [-4 * minuteMs, 0, 3 * minuteMs]) {
      expect(decideWriteTime({ offlineFlag: false, occurredAtMs: serverMs - 20 * minuteMs + skewMs, sentAtMs: serverMs + skewMs, receivedAtMs: serverMs }).effectiveAtMs)
        .toBe(serverMs - 20 * minuteMs);
    }
  });

  it('dates a flagged offline upload by its queue delay, even a short one', () => {
    expect(decideWriteTime({ offlineFlag: true, occurredAtMs: serverMs - 5_000, sentAtMs: serverMs, receivedAtMs: serverMs }))
      .toEqual({ offline: true, queueDelayMs: 5_000, effectiveAtMs: serverMs - 5_000 });
  });

  it('never dates an offline fact in the future', () => {
    expect(decideWriteTime({ offlineFlag: true, occurredAtMs: serverMs + 90_000, sentAtMs: serverMs, receivedAtMs: serverMs })).toEqual({ offline: true, queueDelayMs: 0, effectiveAtMs: serverMs });
  });

  it('dates an upload weeks late to when it happened', () => {
    const weeksMs = 21 * 24 * 60 * minuteMs;
    expect(decideWriteTime({ offlineFlag: false, occurredAtMs: serverMs - weeksMs, sentAtMs: serverMs, receivedAtMs: serverMs }).effectiveAtMs).toBe(serverMs - weeksMs);
  });
});
