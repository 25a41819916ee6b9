// The one shape every driver talks to: bytes out, chunks in, a close signal. Transports (Web Serial, Node
// serialport, in-memory) adapt to it, so drivers and probing never know which one they run on.

export type ByteChannel = {
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to incoming chunks (any size, not frame-aligned); returns the unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the transport ends: `closed` after close(), `lost` when the device went away. */
  onEnd(listener: (reason: ChannelEndReason) => void): () => void;
  close(): Promise<void>;
};

export type ChannelEndReason = 'closed' | 'lost';

/** Fan-out helper for transports: keeps listeners and ends exactly once. */
export function createChannelEvents(): {
  emitData(chunk: Uint8Array): void;
  emitEnd(reason: ChannelEndReason): void;
  readonly hasEnded: boolean;
  onData: ByteChannel['onData'];
  onEnd: ByteChannel['onEnd'];
} {
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const endListeners = new Set<(reason: ChannelEndReason) => void>();
  let hasEnded = false;
  return {
    emitData(chunk) {
      for (const listener of [...dataListeners]) listener(chunk);
    },
    emitEnd(reason) {
      if (hasEnded) return;
      hasEnded = true;
      for (const listener of [...endListeners]) listener(reason);
    },
    get hasEnded() {
      return hasEnded;
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onEnd(listener) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
  };
}

/**
 * Resolves with the first chunk list for which `isComplete` says yes, or with `undefined` after `timeoutMs`.
 * Used by probing and status queries that expect a short reply.
 */
export function collectReply(channel: ByteChannel, isComplete: (received: Uint8Array) => boolean, timeoutMs: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    let received = new Uint8Array(0);
    const finish = (value: Uint8Array | undefined) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    const unsubscribe = channel.onData((chunk) => {
      const joined = new Uint8Array(received.length + chunk.length);
      joined.set(received, 0);
      joined.set(chunk, received.length);
      received = joined;
      if (isComplete(received)) finish(received);
    });
  });
}
