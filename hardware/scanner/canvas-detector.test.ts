// Proves the canvas detector: frames are drawn at most frameEdgePxMax on the longer edge, a real QR frame decodes,
// a video with no current frame is skipped, the canvas is cleared after each read, and jsQR is reachable only
// through a dynamic import (so it stays out of the kiosk's initial bundle).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCanvasQrDetector, frameEdgePxMax, scaledFrameSize, type PixelCanvas } from './canvas-detector.ts';
import { drawQr, toRgba } from '../../tests/support/qr-image.ts';

const memberCode = 'LL1.V00000042.dGhpcy1pcy1hLXRlc3Qtc2lnbmF0dXJl';

/** A canvas whose drawImage "draws" a QR image of the requested size, recording every call. */
function recordingCanvas(text: string | null) {
  const calls: string[] = [];
  let pixels: Uint8ClampedArray = new Uint8ClampedArray(0);
  const canvas: PixelCanvas = {
    width: 0,
    height: 0,
    getContext: () => ({
      drawImage: (_source, _x, _y, width, height) => {
        calls.push(`draw ${width}×${height}`);
        const image = text === null ? { widthPx: width, heightPx: height, luma: new Uint8Array(width * height).fill(200) } : drawQr(text, { moduleSizePx: 6, widthPx: width, heightPx: height });
        pixels = toRgba(image);
      },
      getImageData: () => ({ data: pixels }),
      clearRect: () => { calls.push('clear'); pixels = new Uint8ClampedArray(pixels.length); },
    }),
  };
  return { canvas, calls };
}

describe('scaledFrameSize', () => {
  it('keeps a frame within the limit as it is and scales a larger one down to the limit', () => {
    expect(scaledFrameSize(640, 480)).toEqual({ widthPx: 640, heightPx: 480 });
    expect(scaledFrameSize(1280, 720)).toEqual({ widthPx: frameEdgePxMax, heightPx: 360 });
    expect(scaledFrameSize(1080, 1920)).toEqual({ widthPx: 360, heightPx: frameEdgePxMax });
    expect(scaledFrameSize(0, 480)).toBeNull();
  });
});

describe('createCanvasQrDetector', () => {
  it('decodes a 1280×720 video frame drawn at 640×360, then clears the canvas', async () => {
    const { canvas, calls } = recordingCanvas(memberCode);
    const detector = createCanvasQrDetector({ createCanvas: () => canvas });
    await expect(detector.detect({ videoWidth: 1280, videoHeight: 720, readyState: 4 })).resolves.toEqual([{ rawValue: memberCode }]);
    expect(calls).toEqual(['draw 640×360', 'clear']);
  });

  it('finds nothing in a frame without a code, and skips a video that has no frame yet', async () => {
    const { canvas, calls } = recordingCanvas(null);
    const detector = createCanvasQrDetector({ createCanvas: () => canvas });
    await expect(detector.detect({ videoWidth: 640, videoHeight: 480, readyState: 4 })).resolves.toEqual([]);
    await expect(detector.detect({ videoWidth: 640, videoHeight: 480, readyState: 1 })).resolves.toEqual([]);
    await expect(detector.detect({ videoWidth: 0, videoHeight: 0, readyState: 4 })).resolves.toEqual([]);
    expect(calls).toEqual(['draw 640×480', 'clear']);
  });
});

describe('the jsQR chunk', () => {
  const projectRoot = join(import.meta.dirname, '..', '..');
  const sources = ['hardware', 'kiosk/src'].flatMap((folder) => listSources(join(projectRoot, folder))).filter((path) => !/\.test\.tsx?$/.test(path));

  it('is imported statically only by canvas-detector.ts, and canvas-detector.ts only dynamically', () => {
    const staticImporters = (name: string) => sources.filter((path) => new RegExp(`^import [^(]*from '[^']*${name}'`, 'mu').test(readFileSync(path, 'utf8'))).map((path) => relative(projectRoot, path));
    expect(staticImporters('jsqr')).toEqual(['hardware/scanner/qr-pixels.ts']);
    expect(staticImporters('qr-pixels.ts')).toEqual(['hardware/scanner/canvas-detector.ts']);
    expect(staticImporters('canvas-detector.ts')).toEqual([]);
  });
});

function listSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listSources(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
