// Proves the kiosk bench's timings are real measurements: in Chromium against the real service, each round lays a
// card, reaches the resident's screen after the last card byte, and prints a 签退 receipt after the tap.
import { describe, expect, it } from 'vitest';
import { measureKioskTimings } from '../../bench/kiosk/kiosk-timing.ts';

describe('kiosk bench timings', () => {
  it('times card → feedback → resident screen and 签退 tap → last receipt byte for each round after the warm-up', async () => {
    const lines: string[] = [];
    const timings = await measureKioskTimings({ warmUps: 1, rounds: 2, log: (line) => lines.push(line) });
    expect(lines.filter((line) => line.startsWith('warm-up'))).toHaveLength(1);
    for (const samples of [timings.cardTapToFeedbackMs, timings.cardTapToScreenMs, timings.checkOutToReceiptMs]) {
      expect(samples).toHaveLength(2);
      for (const sampleMs of samples) expect(sampleMs).toBeGreaterThan(0);
    }
    timings.cardTapToScreenMs.forEach((screenMs, index) => expect(screenMs).toBeGreaterThanOrEqual(timings.cardTapToFeedbackMs[index]!));
  });
});
