// Layout of a `30 01` response's data: text length u16 BE, photo length u16 BE, text, WLT photo (§1.6).
// Pure. The photo is never copied: the caller's buffer is zeroed once the text is taken out.

import { cardTextBytes } from './card-layouts.ts';

export const photoBytes = 1024;

export type BasicInfoErrorCode = 'basic_info_layout_invalid';

/** Copies the text block out and zeroes the whole data buffer (photo included), so no photo byte is kept. */
export function takeBasicInfoText(data: Uint8Array): { readonly ok: true; readonly value: Uint8Array } | { readonly ok: false; readonly code: BasicInfoErrorCode } {
  const textLength = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
  const photoLength = ((data[2] ?? 0) << 8) | (data[3] ?? 0);
  const isWellFormed = textLength === cardTextBytes && data.length === 4 + textLength + photoLength;
  const text = isWellFormed ? data.slice(4, 4 + textLength) : undefined;
  data.fill(0);
  return text === undefined ? { ok: false, code: 'basic_info_layout_invalid' } : { ok: true, value: text };
}

/** Builds the data part of a `30 01` response; the emulator passes an all-zero photo (a real WLT cannot be made). */
export function encodeBasicInfoData(text: Uint8Array, photo: Uint8Array = new Uint8Array(photoBytes)): Uint8Array {
  const data = new Uint8Array(4 + text.length + photo.length);
  data[0] = text.length >> 8;
  data[1] = text.length & 0xff;
  data[2] = photo.length >> 8;
  data[3] = photo.length & 0xff;
  data.set(text, 4);
  data.set(photo, 4 + text.length);
  return data;
}
