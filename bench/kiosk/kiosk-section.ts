// Kiosk bench: initial JavaScript gzipped from a production build (≤ 40 KB), and in real Chromium against a local
// ledger with emulated devices, last card byte → resident's screen (≤ 100 ms) and 签退 tap → last receipt byte
// (≤ 300 ms), as median and p95 over timed rounds after a warm-up. The budgets are absolute (design §8).

import { fileURLToPath } from 'node:url';
import type { BenchSection, SectionResult } from '../section.ts';
import { measureKioskInitialJs } from './bundle-size.ts';
import { measureKioskTimings } from './kiosk-timing.ts';
import { summarize } from './samples.ts';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));

export const kioskSection: BenchSection = {
  name: 'kiosk',
  async run({ quick, log }): Promise<SectionResult> {
    const initialJs = await measureKioskInitialJs(rootDir);
    log(`initial JS ${initialJs.gzipBytes} B gzipped: ${initialJs.files.map((file) => `${file.file} ${file.gzipBytes} B`).join(', ')}`);
    const timings = await measureKioskTimings({ ...(quick ? { warmUps: 2, rounds: 10 } : { warmUps: 3, rounds: 20 }), log });
    const feedback = summarize(timings.cardTapToFeedbackMs);
    const screen = summarize(timings.cardTapToScreenMs);
    const receipt = summarize(timings.checkOutToReceiptMs);
    log(`card → resident's screen median ${screen.medianMs.toFixed(1)} ms p95 ${screen.p95Ms.toFixed(1)} ms; 签退 → receipt median ${receipt.medianMs.toFixed(1)} ms p95 ${receipt.p95Ms.toFixed(1)} ms (${screen.count} rounds)`);
    return {
      baselines: {},
      measured: {
        kioskInitialJsGzipBytes: initialJs.gzipBytes,
        cardTapToFeedbackMs: feedback.medianMs,
        cardTapToScreenMs: screen.medianMs,
        cardTapToScreenP95Ms: screen.p95Ms,
        checkOutToReceiptMs: receipt.medianMs,
        checkOutToReceiptP95Ms: receipt.p95Ms,
        kioskTimedRounds: screen.count,
      },
      ratios: {},
      targets: {
        kioskInitialJsGzipBytes: { op: '<=', value: 40_960 },
        cardTapToScreenMs: { op: '<=', value: 100 },
        checkOutToReceiptMs: { op: '<=', value: 300 },
      },
    };
  },
};
