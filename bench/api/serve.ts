// Serves a Hono app on 127.0.0.1 at a free port for the API bench, and the no-op baseline endpoint: a tiny Hono app
// that parses the same JSON body and answers 201.

import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

export type Served = { readonly port: number; close(): Promise<void> };
type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

export async function serveOnLoopback(fetch: Fetch): Promise<Served> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
    listening.once('error', reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve, reject) => {
      // Keep-alive sockets of a finished load generator are already gone; this only waits for the listener.
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

export function noopApp(): Hono {
  const app = new Hono();
  app.post('*', async (c) => {
    await c.req.json();
    return c.json({ ok: true }, 201);
  });
  return app;
}
