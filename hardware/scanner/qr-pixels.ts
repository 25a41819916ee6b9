// Decodes a QR code from RGBA pixels with jsQR: the camera fallback where BarcodeDetector cannot read QR. Pure (no
// canvas, no clock); loaded only through canvas-detector.ts, which the kiosk imports dynamically.

import jsQR from 'jsqr';

/**
 * Pixels larger than this are refused as a programmer error: the caller downscales first, because jsQR's time grows
 * with the pixel count and a kiosk CPU has tens of milliseconds per frame.
 */
export const qrPixelsMax = 1920 * 1080;

/**
 * The text of the first QR code found in `rgba` (4 bytes per pixel, row by row), or null when none decodes.
 * Phone screens in dark mode show light-on-dark codes, so both polarities are tried.
 */
export function decodeQrFromPixels(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return null;
  if (width * height > qrPixelsMax || rgba.length !== width * height * 4) return null;
  const code = jsQR(rgba, width, height, { inversionAttempts: 'attemptBoth' });
  if (code === null || code.data === '') return null;
  return code.data;
}
