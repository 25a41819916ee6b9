// Proves the API bench's load generator against a real HTTP server on 127.0.0.1: it sends every request once per
// cycle over keep-alive connections with the body and headers given, never more than `connections` at a time, stops
// at its time limit, and fails a phase on an unexpected status.

import { afterEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { runLoad, type LoadPlan, type PreparedRequest } from './load-generator.ts';
import { serveOnLoopback, type Served } from './serve.ts';

let served: Served | undefined;
afterEach(async () => { await served?.close(); served = undefined; });

const requests = (count: number, path = '/write'): PreparedRequest[] =>
  Array.from({ length: count }, (_, index) => ({ path, headers: { 'X-Index': String(index) }, body: JSON.stringify({ index }) }));

async function startRecorder(delayMs = 0) {
  const seen: { index: number; header: string | undefined }[] = [];
  let inFlight = 0;
  let inFlightMax = 0;
  const app = new Hono();
  app.post('/write', async (c) => {
    inFlight += 1;
    inFlightMax = Math.max(inFlightMax, inFlight);
    const body = await c.req.json<{ index: number }>();
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    seen.push({ index: body.index, header: c.req.header('X-Index') });
    inFlight -= 1;
    return c.json({ ok: true }, 201);
  });
  app.post('/refuse', (c) => c.json({ code: 'nope' }, 409));
  served = await serveOnLoopback(app.fetch);
  return { port: served.port, seen, inFlightMax: () => inFlightMax };
}

const plan = (port: number, overrides: Partial<LoadPlan>): LoadPlan => ({
  port, connections: 4, phaseMsMax: 10_000, expectedStatuses: [201], warmUp: [], timed: [], timedCycles: 1, ...overrides,
});

describe('runLoad', () => {
  it('sends the warm-up, then every timed request once per cycle, with its own body and headers', async () => {
    const server = await startRecorder();
    const order: string[] = [];
    const result = await runLoad(plan(server.port, { warmUp: requests(5), timed: requests(20), timedCycles: 2 }), async () => { order.push(`warm ${server.seen.length}`); });
    expect(order).toEqual(['warm 5']);
    expect(result.warmUp.requests).toBe(5);
    expect(result.timed).toMatchObject({ requests: 40, statuses: { 201: 40 } });
    expect(server.seen.every((entry) => entry.header === String(entry.index))).toBe(true);
    expect(server.seen.slice(5).map((entry) => entry.index).sort((left, right) => left - right)).toEqual([...Array(20).keys()].flatMap((index) => [index, index]));
    expect(result.timed.p50Ms).toBeGreaterThan(0);
    expect(result.timed.p99Ms).toBeGreaterThanOrEqual(result.timed.p50Ms);
  });

  it('keeps at most `connections` requests in flight', async () => {
    const server = await startRecorder(5);
    await runLoad(plan(server.port, { connections: 3, timed: requests(30) }), async () => {});
    expect(server.inFlightMax()).toBe(3);
  });

  it('stops a phase at its time limit with requests left', async () => {
    const server = await startRecorder(20);
    const result = await runLoad(plan(server.port, { connections: 2, phaseMsMax: 150, timed: requests(1_000) }), async () => {});
    expect(result.timed.requests).toBeGreaterThan(0);
    expect(result.timed.requests).toBeLessThan(40);
    expect(result.timed.elapsedMs).toBeLessThan(1_000);
  });

  it('fails when the server answers a status the plan does not expect', async () => {
    const server = await startRecorder();
    await expect(runLoad(plan(server.port, { timed: requests(3, '/refuse') }), async () => {})).rejects.toThrow(/unexpected statuses \{"409":3\}/);
  });
});
