// Real QR images for tests: the `qrcode` package's module matrix drawn as 8-bit grey pixels (scaled, centred on a
// background with a quiet zone), optionally with contrast loss, noise or inverted, and as RGBA for pixel decoders.

import QRCode from 'qrcode';

export type GreyImage = { readonly widthPx: number; readonly heightPx: number; readonly luma: Uint8Array };

export type QrDrawing = {
  readonly moduleSizePx: number;
  /** Light modules around the symbol; the standard asks for 4. */
  readonly quietZoneModules?: number;
  /** Canvas size; the symbol is centred on it. Defaults to the symbol with its quiet zone. */
  readonly widthPx?: number;
  readonly heightPx?: number;
  readonly darkLuma?: number;
  readonly lightLuma?: number;
  /** Outside the quiet zone (a hand, a table): mid grey unless given. */
  readonly backgroundLuma?: number;
};

/** Draws `text` as a QR code (error correction M, as the kiosk's printer prints it). */
export function drawQr(text: string, drawing: QrDrawing): GreyImage {
  const { moduleSizePx, quietZoneModules = 4, darkLuma = 0, lightLuma = 255, backgroundLuma = 128 } = drawing;
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const symbolPx = (modules.size + 2 * quietZoneModules) * moduleSizePx;
  const widthPx = drawing.widthPx ?? symbolPx;
  const heightPx = drawing.heightPx ?? symbolPx;
  if (symbolPx > widthPx || symbolPx > heightPx) throw new Error(`QR of ${symbolPx} px does not fit ${widthPx}×${heightPx}`);
  const luma = new Uint8Array(widthPx * heightPx).fill(backgroundLuma);
  const left = Math.floor((widthPx - symbolPx) / 2);
  const top = Math.floor((heightPx - symbolPx) / 2);
  for (let y = 0; y < symbolPx; y += 1) {
    const row = Math.floor(y / moduleSizePx) - quietZoneModules;
    for (let x = 0; x < symbolPx; x += 1) {
      const column = Math.floor(x / moduleSizePx) - quietZoneModules;
      const isInside = row >= 0 && column >= 0 && row < modules.size && column < modules.size;
      const isDark = isInside && modules.get(row, column) === 1;
      luma[(top + y) * widthPx + left + x] = isDark ? darkLuma : lightLuma;
    }
  }
  return { widthPx, heightPx, luma };
}

/** Adds uniform noise of ±`amplitude` from a seeded generator (same seed, same pixels). */
export function addNoise(image: GreyImage, amplitude: number, seed: number): GreyImage {
  let state = seed >>> 0 || 1;
  const random01 = () => {
    // xorshift32: deterministic and good enough for pixel noise.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const luma = image.luma.map((value) => Math.max(0, Math.min(255, Math.round(value + (random01() * 2 - 1) * amplitude))));
  return { ...image, luma };
}

/** Light on dark, as a phone in dark mode shows it. */
export function invert(image: GreyImage): GreyImage {
  return { ...image, luma: image.luma.map((value) => 255 - value) };
}

/** RGBA as a canvas's getImageData answers (opaque grey). */
export function toRgba(image: GreyImage): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(image.luma.length * 4);
  image.luma.forEach((value, index) => {
    rgba.set([value, value, value, 255], index * 4);
  });
  return rgba;
}
