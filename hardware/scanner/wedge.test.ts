// Proves wedge detection by timing: a fast burst with Enter is a scan, slow typing is not, a suffix-less
// scanner ends on silence, a burst at exactly the gap limit still counts, and the listener swallows bursts.

import { describe, expect, it } from 'vitest';
import { createWedgeDetector } from './wedge.ts';
import { attachWedgeScanner } from './wedge-listener.ts';

function typeKeys(detector: ReturnType<typeof createWedgeDetector>, keys: string[], gapMs: number, startMs = 1000) {
  return keys.flatMap((key, index) => detector.push(key, startMs + index * gapMs));
}

describe('createWedgeDetector', () => {
  it('reports a 10 ms burst ending in Enter as one scan', () => {
    expect(typeKeys(createWedgeDetector(), [...'6901234567892', 'Enter'], 10)).toEqual([{ kind: 'scan', value: '6901234567892' }]);
  });

  it('accepts gaps of exactly interKeyGapMsMax and rejects one millisecond more', () => {
    expect(typeKeys(createWedgeDetector({ interKeyGapMsMax: 40 }), [...'ABCD', 'Enter'], 40)).toEqual([{ kind: 'scan', value: 'ABCD' }]);
    const slow = typeKeys(createWedgeDetector({ interKeyGapMsMax: 40 }), [...'ABCD', 'Enter'], 41);
    expect(slow.every((outcome) => outcome.kind === 'typed')).toBe(true);
  });

  it('treats a burst shorter than scanKeysMin as typing', () => {
    expect(typeKeys(createWedgeDetector(), ['1', '2', 'Enter'], 5)).toEqual([{ kind: 'typed', keys: ['1', '2', 'Enter'] }]);
  });

  it('ends a suffix-less scan on silence (flush) or on the next slow key', () => {
    const detector = createWedgeDetector({ suffixKey: null });
    typeKeys(detector, [...'https://x.cn/a'], 8);
    expect(detector.flush(1000 + 13 * 8 + 100)).toEqual([]);
    expect(detector.flush(1000 + 13 * 8 + 200)).toEqual([{ kind: 'scan', value: 'https://x.cn/a' }]);
    typeKeys(detector, [...'QRQR'], 8, 5000);
    expect(detector.push('z', 6000)).toEqual([{ kind: 'scan', value: 'QRQR' }]);
  });

  it('keeps typed keys for the UI when a person types slowly', () => {
    expect(typeKeys(createWedgeDetector(), ['a', 'b'], 300)).toEqual([{ kind: 'typed', keys: ['a'] }]);
  });
});

describe('attachWedgeScanner', () => {
  it('calls back with the scan and prevents default on the burst keys after the first', () => {
    const target = new EventTarget();
    let clockMs = 0;
    const scans: string[] = [];
    const detach = attachWedgeScanner(target, (value) => scans.push(value), { nowMs: () => clockMs });
    const prevented: boolean[] = [];
    for (const key of [...'K-0007', 'Enter']) {
      clockMs += 10;
      const event = Object.assign(new Event('keydown', { cancelable: true }), { key });
      target.dispatchEvent(event);
      prevented.push(event.defaultPrevented);
    }
    detach();
    expect(scans).toEqual(['K-0007']);
    expect(prevented).toEqual([false, true, true, true, true, true, true]);
  });
});
