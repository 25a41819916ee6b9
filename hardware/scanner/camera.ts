// Camera scanning: uses the browser's BarcodeDetector where it really supports QR, otherwise a fallback
// detector the caller loads lazily (a dynamic import, never in the kiosk's initial bundle), otherwise none.

export type DetectedCode = { readonly rawValue: string };
export type CodeDetector = { detect(source: unknown): Promise<readonly DetectedCode[]> };
type BarcodeDetectorConstructor = {
  new (options: { formats: string[] }): CodeDetector;
  getSupportedFormats(): Promise<string[]>;
};

export type DetectorChoice = { readonly ok: true; readonly value: CodeDetector; readonly kind: 'native' | 'fallback' } | { readonly ok: false; readonly code: 'camera_scanning_unsupported' };

/**
 * Picks a QR detector. The constructor alone proves nothing: vendor browsers expose it but
 * `getSupportedFormats()` throws or returns [] (hardware.md §4.4).
 */
export async function chooseQrDetector(options: { readonly scope?: object; readonly loadFallback?: () => Promise<CodeDetector> } = {}): Promise<DetectorChoice> {
  const scope = (options.scope ?? globalThis) as { BarcodeDetector?: BarcodeDetectorConstructor };
  const Native = scope.BarcodeDetector;
  if (Native !== undefined) {
    const formats = await Native.getSupportedFormats().catch(() => [] as string[]);
    if (formats.includes('qr_code')) return { ok: true, value: new Native({ formats: ['qr_code'] }), kind: 'native' };
  }
  if (options.loadFallback !== undefined) return { ok: true, value: await options.loadFallback(), kind: 'fallback' };
  return { ok: false, code: 'camera_scanning_unsupported' };
}

export type CameraScanOptions = {
  readonly detector: CodeDetector;
  /** A video element (or anything the detector accepts) showing the camera. */
  readonly source: unknown;
  readonly onScan: (value: string) => void;
  /** Pause between detection attempts; detection on a kiosk CPU takes tens of ms. */
  readonly frameIntervalMs?: number;
  /** A code held in view is reported once; it is reported again only after being out of view this long. */
  readonly repeatSuppressMs?: number;
  readonly nowMs?: () => number;
};

/** Detects codes frame after frame until the returned stop function is called. */
export function startCameraScanning(options: CameraScanOptions): () => void {
  const { detector, source, onScan, frameIntervalMs = 200, repeatSuppressMs = 2000, nowMs = () => Date.now() } = options;
  let isStopped = false;
  let lastValue = '';
  let lastAtMs = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function tick(): Promise<void> {
    // A frame that cannot be analysed (video not playing yet) is skipped like a frame with no code.
    const codes = await detector.detect(source).catch((): readonly DetectedCode[] => []);
    for (const { rawValue } of codes) {
      const isRepeat = rawValue === lastValue && nowMs() - lastAtMs < repeatSuppressMs;
      lastValue = rawValue;
      lastAtMs = nowMs();
      if (!isRepeat && !isStopped) onScan(rawValue);
    }
    if (!isStopped) timer = setTimeout(() => void tick(), frameIntervalMs);
  }

  void tick();
  return () => {
    isStopped = true;
    clearTimeout(timer);
  };
}
