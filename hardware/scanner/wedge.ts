// Keyboard-wedge scanner detection from key timing: a scanner types a burst with short gaps and usually a
// suffix key (Enter); a person types slowly. Pure: keys and timestamps in, scans and human keys out.

export type WedgeOptions = {
  /** Largest gap between keys of one scan; scanners type every ≈ 10 ms, some up to 80-100 ms. */
  readonly interKeyGapMsMax: number;
  /** Fewer keys than this are never a scan (a person can type two keys fast). */
  readonly scanKeysMin: number;
  /** Key that ends a scan, or null for scanners configured without a suffix (then silence ends it). */
  readonly suffixKey: 'Enter' | 'Tab' | null;
  /** Silence after which a burst without suffix counts as finished. */
  readonly scanEndIdleMs: number;
  readonly scanCharsMax: number;
};

export const defaultWedgeOptions: WedgeOptions = { interKeyGapMsMax: 40, scanKeysMin: 4, suffixKey: 'Enter', scanEndIdleMs: 200, scanCharsMax: 4096 };

export type WedgeOutcome = { readonly kind: 'scan'; readonly value: string } | { readonly kind: 'typed'; readonly keys: readonly string[] };

export type WedgeDetector = {
  /** One keydown (`KeyboardEvent.key`) at `timeMs`; returns what it completes. */
  push(key: string, timeMs: number): WedgeOutcome[];
  /** Call after `scanEndIdleMs` of silence; ends a pending burst. */
  flush(timeMs: number): WedgeOutcome[];
  /** True while the current keys still look like a scanner burst (the UI should swallow them). */
  readonly isBurst: boolean;
};

export function createWedgeDetector(options: Partial<WedgeOptions> = {}): WedgeDetector {
  const settings = { ...defaultWedgeOptions, ...options };
  let keys: string[] = [];
  let lastKeyMs = Number.NEGATIVE_INFINITY;
  let isBurst = true;

  function release(): WedgeOutcome[] {
    const released = keys;
    const wasBurst = isBurst;
    keys = [];
    isBurst = true;
    if (released.length === 0) return [];
    return wasBurst && released.length >= settings.scanKeysMin ? [{ kind: 'scan', value: released.join('') }] : [{ kind: 'typed', keys: released }];
  }

  return {
    push(key, timeMs) {
      const gapMs = timeMs - lastKeyMs;
      const outcomes: WedgeOutcome[] = [];
      if (keys.length > 0 && gapMs > settings.interKeyGapMsMax) {
        // A slow key: whatever came before was typed by hand, or was a suffix-less scan that has ended.
        outcomes.push(...(settings.suffixKey === null ? release() : releaseAsTyped()));
      }
      lastKeyMs = timeMs;
      if (key === settings.suffixKey) {
        if (keys.length === 0) return [...outcomes, { kind: 'typed', keys: [key] }];
        const finished = release();
        return [...outcomes, ...(finished[0]?.kind === 'typed' ? [{ kind: 'typed' as const, keys: [...finished[0].keys, key] }] : finished)];
      }
      if ([...key].length !== 1) return [...outcomes, { kind: 'typed', keys: [key] }];
      keys.push(key);
      if (keys.length > settings.scanCharsMax) isBurst = false;
      return outcomes;
    },
    flush(timeMs) {
      if (timeMs - lastKeyMs < settings.scanEndIdleMs) return [];
      return settings.suffixKey === null ? release() : releaseAsTyped();
    },
    get isBurst() {
      return isBurst && keys.length > 0;
    },
  };

  function releaseAsTyped(): WedgeOutcome[] {
    const released = keys;
    keys = [];
    isBurst = true;
    return released.length === 0 ? [] : [{ kind: 'typed', keys: released }];
  }
}
