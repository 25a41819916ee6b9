// Proves the pixel decoder on real QR images drawn from the `qrcode` package's matrix: a member code at several
// scales, with contrast loss and noise, light-on-dark, off-centre on a bigger frame; pictures with no code give null.

import { describe, expect, it } from 'vitest';
import { decodeQrFromPixels, qrPixelsMax } from './qr-pixels.ts';
import { addNoise, drawQr, invert, toRgba, type GreyImage } from '../../tests/support/qr-image.ts';

const memberCode = 'LL1.V00000042.dGhpcy1pcy1hLXRlc3Qtc2lnbmF0dXJl';
const decode = (image: GreyImage) => decodeQrFromPixels(toRgba(image), image.widthPx, image.heightPx);

describe('decodeQrFromPixels', () => {
  it('reads a member code drawn at 3, 6 and 10 px per module', () => {
    for (const moduleSizePx of [3, 6, 10]) expect(decode(drawQr(memberCode, { moduleSizePx }))).toBe(memberCode);
  });

  it('reads a code centred in a 640×480 camera frame with a grey surround', () => {
    expect(decode(drawQr(memberCode, { moduleSizePx: 8, widthPx: 640, heightPx: 480 }))).toBe(memberCode);
  });

  it('reads a washed-out code (contrast 120 of 255) under ±30 of noise', () => {
    const faint = drawQr(memberCode, { moduleSizePx: 6, darkLuma: 80, lightLuma: 200, widthPx: 400, heightPx: 300 });
    expect(decode(addNoise(faint, 30, 7))).toBe(memberCode);
  });

  it('reads a light-on-dark code, as a phone in dark mode shows it', () => {
    expect(decode(invert(drawQr(memberCode, { moduleSizePx: 5 })))).toBe(memberCode);
  });

  it('reads Chinese text (byte mode as UTF-8)', () => {
    expect(decode(drawQr('邻里服务站', { moduleSizePx: 6 }))).toBe('邻里服务站');
  });

  it('answers null for a picture without a code: flat grey, noise, or a code with its finder patterns wiped', () => {
    expect(decode({ widthPx: 320, heightPx: 240, luma: new Uint8Array(320 * 240).fill(128) })).toBeNull();
    expect(decode(addNoise({ widthPx: 320, heightPx: 240, luma: new Uint8Array(320 * 240).fill(128) }, 127, 3))).toBeNull();
    const drawn = drawQr(memberCode, { moduleSizePx: 6 });
    const wiped = drawn.luma.map((value, index) => ((index % drawn.widthPx) < drawn.widthPx / 2 ? 255 : value));
    expect(decode({ ...drawn, luma: wiped })).toBeNull();
  });

  it('answers null for sizes that do not match the pixels or exceed qrPixelsMax, without decoding', () => {
    const image = drawQr(memberCode, { moduleSizePx: 4 });
    expect(decodeQrFromPixels(toRgba(image), image.widthPx + 1, image.heightPx)).toBeNull();
    expect(decodeQrFromPixels(new Uint8ClampedArray(0), 0, 0)).toBeNull();
    expect(decodeQrFromPixels(new Uint8ClampedArray(4), qrPixelsMax + 1, 1)).toBeNull();
  });
});
