// Node transport over `serialport` for the field diagnostics command. The only serial file that may import
// Node-only code; never imported by the kiosk bundle.

import { SerialPort } from 'serialport';
import { createChannelEvents, type ByteChannel } from './byte-channel.ts';
import type { LineSettings } from './line-settings.ts';

export type NodePortInfo = { readonly path: string; readonly manufacturer?: string | undefined; readonly vendorId?: string | undefined; readonly productId?: string | undefined; readonly serialNumber?: string | undefined };

export async function listNodeSerialPorts(): Promise<NodePortInfo[]> {
  const ports = await SerialPort.list();
  return ports.map(({ path, manufacturer, vendorId, productId, serialNumber }) => ({ path, manufacturer, vendorId, productId, serialNumber }));
}

/** Opens `path` with every line setting spelled out and adapts it to a ByteChannel. */
export function openNodeSerialChannel(path: string, settings: LineSettings): Promise<ByteChannel> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({
      path,
      baudRate: settings.baudRate,
      dataBits: settings.dataBits,
      stopBits: settings.stopBits,
      parity: settings.parity,
      rtscts: settings.flowControl === 'hardware',
      xon: false,
      xoff: false,
      highWaterMark: settings.bufferSize,
      autoOpen: false,
    });
    const events = createChannelEvents();
    let isClosing = false;
    port.on('data', (chunk: Buffer) => events.emitData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
    port.on('close', () => events.emitEnd(isClosing ? 'closed' : 'lost'));
    port.on('error', () => events.emitEnd(isClosing ? 'closed' : 'lost'));
    port.open((error) => {
      if (error) return reject(error);
      resolve({
        write: (bytes) =>
          new Promise((done, fail) => {
            port.write(Buffer.from(bytes), (writeError) => (writeError ? fail(writeError) : port.drain((drainError) => (drainError ? fail(drainError) : done()))));
          }),
        onData: events.onData,
        onEnd: events.onEnd,
        close: () =>
          new Promise((done) => {
            if (!port.isOpen) return done();
            isClosing = true;
            port.close(() => done());
          }),
      });
    });
  });
}
