// Keeps the kiosk's devices connected with no per-port configuration: probes each granted port for its role,
// drops a device whose port is lost, and finds it again when it is plugged back (connect events, or polling
// where the polyfill has no events).

import type { ByteChannel } from './byte-channel.ts';
import { probeDevice, type DeviceRole, type ProbeOptions } from './probe.ts';
import type { SerialLike, SerialPortLike } from './serial-types.ts';
import { openWebSerialChannel } from './web-serial.ts';

export type ConnectedDevice = { readonly role: DeviceRole; readonly port: SerialPortLike; readonly channel: ByteChannel };

export type DeviceSupervisorOptions = {
  readonly serial: SerialLike;
  /** Called after every change with the devices now connected. */
  readonly onChange: (devices: ReadonlyMap<DeviceRole, ConnectedDevice>) => void;
  /** Re-scan period while a role is missing; also the only recovery path without connect events. */
  readonly rescanIntervalMs?: number;
  readonly probe?: Partial<ProbeOptions>;
};

export type DeviceSupervisor = {
  start(): Promise<void>;
  rescan(): Promise<void>;
  devices(): ReadonlyMap<DeviceRole, ConnectedDevice>;
  stop(): Promise<void>;
};

const roleCount = 2;

export function createDeviceSupervisor(options: DeviceSupervisorOptions): DeviceSupervisor {
  const { serial, onChange, rescanIntervalMs = 2000 } = options;
  const connected = new Map<DeviceRole, ConnectedDevice>();
  const unknownPorts = new WeakSet<SerialPortLike>();
  let scanning: Promise<void> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let isStopped = false;

  const onConnect = () => {
    // A re-plugged port may be the same object as before; give every port a fresh chance.
    void rescanAll();
  };

  async function rescanAll(): Promise<void> {
    for (const port of await serial.getPorts()) unknownPorts.delete(port);
    return rescan();
  }

  function rescan(): Promise<void> {
    scanning ??= scan().finally(() => (scanning = undefined));
    return scanning;
  }

  async function scan(): Promise<void> {
    const inUse = new Set([...connected.values()].map((device) => device.port));
    for (const port of await serial.getPorts()) {
      if (isStopped || connected.size === roleCount) return;
      if (inUse.has(port) || unknownPorts.has(port)) continue;
      // A port that cannot be opened (unplugged, busy) is tried again on the next scan.
      const result = await probeDevice((settings) => openWebSerialChannel(port, settings), options.probe).catch(() => ({ role: 'unavailable' }) as const);
      if (result.role === 'unavailable') continue;
      if (result.role === 'unknown' || connected.has(result.role)) {
        if (result.role !== 'unknown') await result.channel.close();
        unknownPorts.add(port);
        continue;
      }
      const device = { role: result.role, port, channel: result.channel };
      connected.set(result.role, device);
      device.channel.onEnd((reason) => {
        if (connected.get(device.role) !== device) return;
        connected.delete(device.role);
        onChange(new Map(connected));
        if (reason === 'lost' && !isStopped) void rescan();
      });
      onChange(new Map(connected));
    }
  }

  return {
    async start() {
      serial.addEventListener?.('connect', onConnect);
      timer = setInterval(() => {
        if (connected.size < roleCount) void rescan();
      }, rescanIntervalMs);
      await rescan();
    },
    rescan: rescanAll,
    devices: () => new Map(connected),
    async stop() {
      isStopped = true;
      clearInterval(timer);
      serial.removeEventListener?.('connect', onConnect);
      await scanning;
      await Promise.all([...connected.values()].map((device) => device.channel.close()));
      connected.clear();
    },
  };
}
