// A fake Web Serial port and `navigator.serial` driven by a device emulator, for tests (Node or browser) and
// the kiosk's demo mode. Only web platform globals (streams, EventTarget): no node: imports.

import type { LineSettings } from './line-settings.ts';
import type { DeviceEmulator, SerialLike, SerialPortInfoLike, SerialPortLike } from './serial-types.ts';

export type FakeSerialPort = SerialPortLike &
  EventTarget & {
    /** Line settings of the last open(), for tests that check the settings are spelled out. */
    readonly openedWith: LineSettings | undefined;
    readonly isOpen: boolean;
    /** Simulates pulling the USB cable: the readable stream errors and `disconnect` fires. */
    unplug(): void;
    /** Simulates plugging it back in: `connect` fires; the port can be opened again. */
    plug(): void;
  };

export function createFakeSerialPort(emulator: DeviceEmulator, info: SerialPortInfoLike = {}): FakeSerialPort {
  return new EmulatedSerialPort(emulator, info);
}

class EmulatedSerialPort extends EventTarget implements FakeSerialPort {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  openedWith: LineSettings | undefined;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  #unsubscribe: (() => void) | undefined;
  #isPlugged = true;

  constructor(
    private readonly emulator: DeviceEmulator,
    private readonly info: SerialPortInfoLike,
  ) {
    super();
  }

  get isOpen(): boolean {
    return this.readable !== null;
  }

  getInfo(): SerialPortInfoLike {
    return this.info;
  }

  async open(options: LineSettings): Promise<void> {
    if (!this.#isPlugged) throw new DOMException('Failed to open serial port.', 'NetworkError');
    if (this.readable !== null) throw new DOMException('The port is already open.', 'InvalidStateError');
    this.openedWith = options;
    this.readable = new ReadableStream<Uint8Array>({ start: (controller) => void (this.#controller = controller) });
    this.writable = new WritableStream<Uint8Array>({ write: (chunk) => this.emulator.receive(Uint8Array.from(chunk)) });
    this.#unsubscribe = this.emulator.onOutput((bytes) => this.#controller?.enqueue(Uint8Array.from(bytes)));
  }

  async close(): Promise<void> {
    if (this.readable === null) throw new DOMException('The port is already closed.', 'InvalidStateError');
    this.#teardown();
  }

  unplug(): void {
    this.#isPlugged = false;
    this.#controller?.error(new DOMException('The device has been lost.', 'NetworkError'));
    this.#teardown();
    this.dispatchEvent(new Event('disconnect'));
  }

  plug(): void {
    this.#isPlugged = true;
    this.dispatchEvent(new Event('connect'));
  }

  #teardown(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.readable = null;
    this.writable = null;
    this.#controller = undefined;
  }
}

export type FakeSerial = SerialLike & EventTarget & { addPort(port: FakeSerialPort): void; removePort(port: FakeSerialPort): void };

/** A fake `navigator.serial` whose granted ports are the given fake ports; connect/disconnect events are forwarded. */
export function createFakeSerial(ports: FakeSerialPort[] = []): FakeSerial {
  const target = new EventTarget();
  const granted = new Set<FakeSerialPort>();
  const forward = (event: Event) => target.dispatchEvent(new Event(event.type));
  const serial = Object.assign(target, {
    async getPorts() {
      return [...granted];
    },
    async requestPort() {
      const first = [...granted][0];
      if (first === undefined) throw new DOMException('No port selected by the user.', 'NotFoundError');
      return first;
    },
    addPort(port: FakeSerialPort) {
      granted.add(port);
      port.addEventListener('connect', forward);
      port.addEventListener('disconnect', forward);
    },
    removePort(port: FakeSerialPort) {
      granted.delete(port);
      port.removeEventListener('connect', forward);
      port.removeEventListener('disconnect', forward);
    },
  });
  for (const port of ports) serial.addPort(port);
  return serial;
}

/** Installs a fake serial as `navigator.serial` (own property shadows Chromium's native getter). */
export function installFakeSerial(navigatorLike: object, serial: FakeSerial): void {
  Object.defineProperty(navigatorLike, 'serial', { value: serial, configurable: true });
}
