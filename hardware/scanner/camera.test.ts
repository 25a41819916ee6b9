// Proves the camera detector choice (native only when it lists qr_code, else the lazily loaded fallback,
// else camera_scanning_unsupported) and that scanning reports a code held in view once, not every frame.

import { describe, expect, it, vi } from 'vitest';
import { chooseQrDetector, startCameraScanning, type CodeDetector } from './camera.ts';

function nativeScope(formats: string[] | 'throws') {
  return {
    BarcodeDetector: class {
      static getSupportedFormats = () => (formats === 'throws' ? Promise.reject(new Error('not supported')) : Promise.resolve(formats));
      detect = async () => [];
    },
  };
}

describe('chooseQrDetector', () => {
  it('uses BarcodeDetector when it supports qr_code', async () => {
    await expect(chooseQrDetector({ scope: nativeScope(['ean_13', 'qr_code']) })).resolves.toMatchObject({ ok: true, kind: 'native' });
  });

  it('does not trust a constructor whose formats are empty or throw; loads the fallback only then', async () => {
    const fallback: CodeDetector = { detect: async () => [] };
    const loadFallback = vi.fn(async () => fallback);
    await expect(chooseQrDetector({ scope: nativeScope([]), loadFallback })).resolves.toEqual({ ok: true, value: fallback, kind: 'fallback' });
    await expect(chooseQrDetector({ scope: nativeScope('throws'), loadFallback })).resolves.toMatchObject({ ok: true, kind: 'fallback' });
    await chooseQrDetector({ scope: nativeScope(['qr_code']), loadFallback });
    expect(loadFallback).toHaveBeenCalledTimes(2);
  });

  it('reports camera_scanning_unsupported with no detector and no fallback', async () => {
    await expect(chooseQrDetector({ scope: {} })).resolves.toEqual({ ok: false, code: 'camera_scanning_unsupported' });
  });
});

describe('startCameraScanning', () => {
  it('reports a code once while it stays in view, and again when it comes back after the repeat window', async () => {
    let clockMs = 0;
    const seen = [{ rawValue: 'K-1' }];
    const frames: { rawValue: string }[][] = [seen, seen, seen, [], [], [], [], seen];
    const detector: CodeDetector = { detect: async () => ((clockMs += 40), frames.shift() ?? []) };
    const scans: string[] = [];
    const stop = startCameraScanning({ detector, source: {}, onScan: (value) => scans.push(value), frameIntervalMs: 1, repeatSuppressMs: 100, nowMs: () => clockMs });
    await vi.waitFor(() => expect(frames).toHaveLength(0));
    stop();
    expect(scans).toEqual(['K-1', 'K-1']);
  });
});
