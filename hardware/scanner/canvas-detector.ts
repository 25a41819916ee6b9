// The camera fallback detector: draws the current video frame, downscaled, into a canvas, reads its pixels and
// decodes them with jsQR. Reach it only through a dynamic import(): jsQR must stay out of the initial bundle.

import type { CodeDetector, DetectedCode } from './camera.ts';
import { decodeQrFromPixels } from './qr-pixels.ts';

/** Longest edge a frame is decoded at: 640 px keeps jsQR near 20–60 ms a frame on a kiosk CPU and still gives a card-sized code ≥ 5 px per module at arm's length. */
export const frameEdgePxMax = 640;

/** What the detector needs of a canvas: a 2D context it can draw a frame into and read back. */
export type PixelCanvas = {
  width: number;
  height: number;
  getContext(kind: '2d', options: { willReadFrequently: boolean }): PixelContext | null;
};
export type PixelContext = {
  drawImage(source: never, x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  clearRect(x: number, y: number, width: number, height: number): void;
};
/** A video element, or any drawable with its own size (an image, a canvas). */
export type FrameSource = { videoWidth?: number; videoHeight?: number; width?: number; height?: number; readyState?: number };

/** HTMLMediaElement.HAVE_CURRENT_DATA: below this a video has no frame to draw. */
const haveCurrentData = 2;

/** The size a frame is drawn at: its own, or scaled down so the longer edge is `edgePxMax`. Null for an empty frame. */
export function scaledFrameSize(widthPx: number, heightPx: number, edgePxMax = frameEdgePxMax): { widthPx: number; heightPx: number } | null {
  if (!(widthPx > 0) || !(heightPx > 0)) return null;
  const scale = Math.min(1, edgePxMax / Math.max(widthPx, heightPx));
  return { widthPx: Math.max(1, Math.round(widthPx * scale)), heightPx: Math.max(1, Math.round(heightPx * scale)) };
}

/** A CodeDetector over a canvas; the canvas is cleared after each read, so no frame outlives its decoding. */
export function createCanvasQrDetector(options: { createCanvas?: () => PixelCanvas; edgePxMax?: number } = {}): CodeDetector {
  const createCanvas = options.createCanvas ?? (() => document.createElement('canvas') as unknown as PixelCanvas);
  let canvas: PixelCanvas | null = null;
  let context: PixelContext | null = null;
  return {
    async detect(source: unknown): Promise<readonly DetectedCode[]> {
      const frame = source as FrameSource;
      if (frame.readyState !== undefined && frame.readyState < haveCurrentData) return [];
      const size = scaledFrameSize(frame.videoWidth ?? frame.width ?? 0, frame.videoHeight ?? frame.height ?? 0, options.edgePxMax);
      if (size === null) return [];
      if (canvas === null) {
        canvas = createCanvas();
        context = canvas.getContext('2d', { willReadFrequently: true });
      }
      if (context === null) return [];
      if (canvas.width !== size.widthPx || canvas.height !== size.heightPx) {
        canvas.width = size.widthPx;
        canvas.height = size.heightPx;
      }
      context.drawImage(source as never, 0, 0, size.widthPx, size.heightPx);
      const { data } = context.getImageData(0, 0, size.widthPx, size.heightPx);
      context.clearRect(0, 0, size.widthPx, size.heightPx);
      const text = decodeQrFromPixels(data, size.widthPx, size.heightPx);
      return text === null ? [] : [{ rawValue: text }];
    },
  };
}
