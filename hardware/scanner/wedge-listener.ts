// Browser edge of the wedge detector: listens to keydown on the document, swallows scanner bursts so they do
// not type into the page, and calls back with each scan. Keys typed into inputs are left alone.

import { createWedgeDetector, type WedgeOptions } from './wedge.ts';

export type KeydownLike = Event & { readonly key: string; readonly target: EventTarget | null };

/** Attaches to `target` (usually `document`); returns the detach function. */
export function attachWedgeScanner(
  target: EventTarget,
  onScan: (value: string) => void,
  options: Partial<WedgeOptions> & { readonly nowMs?: () => number } = {},
): () => void {
  const detector = createWedgeDetector(options);
  const nowMs = options.nowMs ?? (() => performance.now());
  const idleMs = options.scanEndIdleMs ?? 200;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (outcomes: ReturnType<typeof detector.push>) => {
    for (const outcome of outcomes) if (outcome.kind === 'scan') onScan(outcome.value);
  };

  const onKeydown = (event: Event) => {
    const { key, target: origin } = event as KeydownLike;
    const tag = (origin as { tagName?: string } | null)?.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA') return;
    // From the second key of a burst on (suffix included) the keys belong to the scanner, not the page.
    const isScannerKey = detector.isBurst;
    deliver(detector.push(key, nowMs()));
    if (isScannerKey) event.preventDefault();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => deliver(detector.flush(nowMs())), idleMs);
  };

  target.addEventListener('keydown', onKeydown);
  return () => {
    clearTimeout(idleTimer);
    target.removeEventListener('keydown', onKeydown);
  };
}
