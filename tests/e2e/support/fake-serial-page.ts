// The page side of the fake Web Serial: installed with addInitScript before the kiosk loads (native
// requestPort never settles in headless Chromium). Written self-contained: Playwright sends its source text.
// Each delivery is logged with the page's clock, so the bench can time from the last byte a device sent.

export type FakeSerialPageOptions = { portCount: number };
/** One chunk handed to the kiosk: which port, how many bytes, and when (`performance.timeOrigin + performance.now()`). */
export type SerialDelivery = { port: number; byteCount: number; atMs: number };

/** Runs in the page. Writes go to Node through `__linliSerialWrite`; Node delivers replies with `__linliSerialDeliver`. */
export function installFakeSerialInPage(options: FakeSerialPageOptions): void {
  type PageWindow = Window & {
    __linliSerialWrite(index: number, bytes: number[]): Promise<void>;
    __linliSerialDeliver(index: number, bytes: number[]): void;
    __linliSerialDeliveries: SerialDelivery[];
  };
  const page = window as unknown as PageWindow;
  const controllers: (ReadableStreamDefaultController<Uint8Array> | null)[] = [];
  const ports = Array.from({ length: options.portCount }, (_, index) => {
    controllers.push(null);
    const port = {
      readable: null as ReadableStream<Uint8Array> | null,
      writable: null as WritableStream<Uint8Array> | null,
      async open() {
        port.readable = new ReadableStream<Uint8Array>({ start(controller) { controllers[index] = controller; }, cancel() { controllers[index] = null; } });
        port.writable = new WritableStream<Uint8Array>({ write: (chunk) => page.__linliSerialWrite(index, Array.from(chunk)) });
      },
      async close() {
        port.readable = null;
        port.writable = null;
        controllers[index] = null;
      },
      getInfo() { return { usbVendorId: 0x1a86, usbProductId: 0x7500 + index }; },
    };
    return port;
  });
  const deliveriesMax = 200;
  page.__linliSerialDeliveries = [];
  page.__linliSerialDeliver = (index, bytes) => {
    const controller = controllers[index];
    if (!controller) return;
    controller.enqueue(new Uint8Array(bytes));
    page.__linliSerialDeliveries.push({ port: index, byteCount: bytes.length, atMs: performance.timeOrigin + performance.now() });
    if (page.__linliSerialDeliveries.length > deliveriesMax) page.__linliSerialDeliveries.shift();
  };
  const serial = Object.assign(new EventTarget(), { getPorts: async () => ports, requestPort: async () => ports[0] });
  Object.defineProperty(navigator, 'serial', { value: serial, configurable: true });
}
