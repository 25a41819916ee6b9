// The kiosk's camera: whether one exists, the QR detector (the browser's own, else the jsQR chunk loaded once, in idle
// time, so an offline kiosk has it cached), and one scanning session on a video element that always releases the
// camera when it stops. No frame is kept: each is decoded and cleared.

import { chooseQrDetector, startCameraScanning, type CodeDetector, type DetectorChoice } from '../../../hardware/scanner/camera.ts';
import type { CameraErrorCode } from '../flow/types.ts';

export type MediaDevicesLike = {
  enumerateDevices(): Promise<readonly { kind: string }[]>;
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStreamLike>;
  addEventListener?(type: 'devicechange', listener: () => void): void;
};
export type TrackLike = { stop(): void; addEventListener(type: 'ended', listener: () => void): void };
export type MediaStreamLike = { getTracks(): readonly TrackLike[] };
export type VideoLike = { srcObject: unknown; muted: boolean; play(): Promise<void> };
export type CameraHandlers = { onScan(text: string): void; onError(code: CameraErrorCode): void };

export type CameraDeps = {
  media: MediaDevicesLike | undefined;
  loadDetector?: () => Promise<DetectorChoice>;
  /** Runs work when the page is idle (requestIdleCallback where it exists). */
  whenIdle?: (work: () => void) => void;
};

/** Facing the resident, as a kiosk's front camera is; a card or phone fills enough of a 720p frame at arm's length. */
export const cameraConstraints: MediaStreamConstraints = { audio: false, video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 720 } } };
/** Idle-time preload of the detector waits no longer than this for an idle moment. */
export const detectorPreloadTimeoutMs = 10_000;

export type Camera = ReturnType<typeof createCamera>;

export function createCamera(deps: CameraDeps) {
  const loadDetector = deps.loadDetector ?? (() => chooseQrDetector({ loadFallback: loadCanvasDetector }));
  const whenIdle = deps.whenIdle ?? defaultWhenIdle;
  const listeners = new Set<() => void>();
  let isAvailable = false;
  let detector: Promise<DetectorChoice> | null = null;

  /** Chosen once; a failed load (chunk unreachable) is tried again next time. */
  function chooseDetector(): Promise<DetectorChoice> {
    detector ??= loadDetector().catch((error: unknown) => {
      detector = null;
      throw error;
    });
    return detector;
  }

  async function refresh(): Promise<void> {
    const devices = (await deps.media?.enumerateDevices().catch(() => [])) ?? [];
    const hasVideoInput = devices.some((device) => device.kind === 'videoinput');
    if (hasVideoInput === isAvailable) return;
    isAvailable = hasVideoInput;
    listeners.forEach((listener) => listener());
  }

  return {
    isAvailable: () => isAvailable,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Looks for a camera now and whenever devices change; with one, loads the detector in idle time. */
    async detect(): Promise<void> {
      deps.media?.addEventListener?.('devicechange', () => void refresh());
      await refresh();
      if (isAvailable) whenIdle(() => void chooseDetector().catch(() => undefined));
    },
    /** Opens the camera on `video` and scans until the returned stop function is called (idempotent). */
    open(video: VideoLike, handlers: CameraHandlers): () => void {
      let isStopped = false;
      let stream: MediaStreamLike | null = null;
      let stopScanning = (): void => undefined;
      const release = (): void => {
        stopScanning();
        stream?.getTracks().forEach((track) => track.stop());
        stream = null;
        video.srcObject = null;
      };
      const fail = (code: CameraErrorCode): void => {
        if (isStopped) return;
        isStopped = true;
        release();
        handlers.onError(code);
      };
      void (async () => {
        // The detector first: a camera is never switched on when nothing could read its frames.
        const choice = await chooseDetector();
        if (!choice.ok) return fail('camera_failed');
        if (deps.media === undefined) return fail('camera_failed');
        if (isStopped) return;
        const opened = await deps.media.getUserMedia(cameraConstraints);
        if (isStopped) return opened.getTracks().forEach((track) => track.stop());
        stream = opened;
        // Unplugged or taken by another program: the track ends on its own.
        opened.getTracks().forEach((track) => track.addEventListener('ended', () => fail('camera_failed')));
        video.muted = true;
        video.srcObject = opened;
        await video.play();
        if (isStopped) return;
        stopScanning = startCameraScanning({ detector: choice.value, source: video, onScan: (text) => { if (!isStopped) handlers.onScan(text); } });
      })().catch((error: unknown) => fail(cameraErrorCode(error)));
      return () => {
        isStopped = true;
        release();
      };
    },
  };
}

/** getUserMedia's refusals (permission, insecure page) versus every other failure (no device, busy, broken). */
export function cameraErrorCode(error: unknown): CameraErrorCode {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'camera_denied' : 'camera_failed';
}

/** The jsQR fallback: its own chunk, fetched the first time it is needed. */
async function loadCanvasDetector(): Promise<CodeDetector> {
  const { createCanvasQrDetector } = await import('../../../hardware/scanner/canvas-detector.ts');
  return createCanvasQrDetector();
}

function defaultWhenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: detectorPreloadTimeoutMs });
  else setTimeout(work, 0);
}
