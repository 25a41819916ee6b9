// A tiny YUV4MPEG2 (Y4M) writer, 4:2:0: grey frames for Chromium's fake camera
// (`--use-file-for-fake-video-capture=<file.y4m>`), which loops the file as the camera's picture.

import type { GreyImage } from './qr-image.ts';

/** Neutral chroma: the picture stays grey. */
const chromaNeutral = 128;

/** Encodes grey frames (all the same even size) as a Y4M file at `framesPerSecond`. */
export function encodeY4m(frames: readonly GreyImage[], framesPerSecond: number): Uint8Array {
  const first = frames[0];
  if (first === undefined) throw new Error('a Y4M file needs at least one frame');
  const { widthPx, heightPx } = first;
  if (widthPx % 2 !== 0 || heightPx % 2 !== 0) throw new Error(`4:2:0 needs an even size, not ${widthPx}×${heightPx}`);
  if (frames.some((frame) => frame.widthPx !== widthPx || frame.heightPx !== heightPx)) throw new Error('all Y4M frames must have one size');
  const encoder = new TextEncoder();
  const header = encoder.encode(`YUV4MPEG2 W${widthPx} H${heightPx} F${framesPerSecond}:1 Ip A1:1 C420jpeg\n`);
  const frameHeader = encoder.encode('FRAME\n');
  const chromaBytes = (widthPx / 2) * (heightPx / 2);
  const frameBytes = frameHeader.length + widthPx * heightPx + 2 * chromaBytes;
  const file = new Uint8Array(header.length + frames.length * frameBytes);
  file.set(header, 0);
  frames.forEach((frame, index) => {
    const at = header.length + index * frameBytes;
    file.set(frameHeader, at);
    file.set(frame.luma, at + frameHeader.length);
    file.fill(chromaNeutral, at + frameHeader.length + frame.luma.length, at + frameBytes);
  });
  return file;
}
