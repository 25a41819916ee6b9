// Structural types for Web Serial ports: native `navigator.serial`, `web-serial-polyfill` and the fake port
// all satisfy them, so the transport never depends on which one it got.

import type { LineSettings } from './line-settings.ts';

export type SerialPortInfoLike = { readonly usbVendorId?: number | undefined; readonly usbProductId?: number | undefined };

export type SerialPortLike = {
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  open(options: LineSettings): Promise<void>;
  close(): Promise<void>;
  getInfo(): SerialPortInfoLike;
};

export type SerialPortFilterLike = { readonly usbVendorId?: number; readonly usbProductId?: number };

/** `navigator.serial` or the polyfill's `serial` (which has no connect/disconnect events). */
export type SerialLike = {
  getPorts(): Promise<SerialPortLike[]>;
  requestPort(options?: { filters?: SerialPortFilterLike[] }): Promise<SerialPortLike>;
  addEventListener?: (type: 'connect' | 'disconnect', listener: (event: Event) => void) => void;
  removeEventListener?: (type: 'connect' | 'disconnect', listener: (event: Event) => void) => void;
};

/** A device emulator speaks the device's bytes: it receives host writes and emits replies in chunks of its choosing. */
export type DeviceEmulator = {
  receive(bytes: Uint8Array): void;
  onOutput(listener: (bytes: Uint8Array) => void): () => void;
};
