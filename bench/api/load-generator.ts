// The API bench's load generator, run as its own process: replays pre-built requests at 127.0.0.1 over a fixed
// number of keep-alive connections, first an untimed warm-up phase, then the timed phase, and prints one JSON line.
// Each phase stops by itself when its requests run out or `phaseMsMax` passes. Usage: load-generator.ts <plan.json>

import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { summarizeLatencies, type LatencySummary } from './latency.ts';

export type PreparedRequest = { readonly path: string; readonly headers: Record<string, string>; readonly body: string };
export type LoadPlan = {
  readonly port: number;
  readonly connections: number;
  /** Each phase ends after this long even with requests left. */
  readonly phaseMsMax: number;
  /** The server's answer to a whole phase must use only these statuses; anything else fails the run. */
  readonly expectedStatuses: readonly number[];
  readonly warmUp: readonly PreparedRequest[];
  readonly timed: readonly PreparedRequest[];
  /** How many times the timed list is sent over (the no-op endpoint reuses bodies; ledger writes must not). */
  readonly timedCycles: number;
};
export type PhaseResult = LatencySummary & { readonly elapsedMs: number; readonly perSec: number; readonly statuses: Record<string, number> };
export type LoadResult = { readonly warmUp: PhaseResult; readonly timed: PhaseResult };

const host = '127.0.0.1';

/** Runs the warm-up, waits for `beforeTimed` (the server takes its counters), then runs the timed phase. */
export async function runLoad(plan: LoadPlan, beforeTimed: () => Promise<void>): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections, maxFreeSockets: plan.connections });
  try {
    const warmUp = await runPhase(agent, plan, plan.warmUp, 1);
    await beforeTimed();
    const timed = await runPhase(agent, plan, plan.timed, plan.timedCycles);
    return { warmUp, timed };
  } finally {
    agent.destroy();
  }
}

async function runPhase(agent: Agent, plan: LoadPlan, requests: readonly PreparedRequest[], cycles: number): Promise<PhaseResult> {
  const encoded = requests.map((item) => ({ path: item.path, headers: { ...item.headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(item.body)) }, body: Buffer.from(item.body) }));
  const total = encoded.length * cycles;
  const latenciesMs = new Float64Array(total);
  const statuses: Record<string, number> = {};
  let next = 0;
  let done = 0;
  const start = performance.now();
  const deadline = start + plan.phaseMsMax;
  const connection = async () => {
    while (next < total && performance.now() < deadline) {
      const item = encoded[next++ % encoded.length]!;
      const sentAt = performance.now();
      const status = await send(agent, plan.port, item);
      latenciesMs[done++] = performance.now() - sentAt;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: plan.connections }, connection));
  const elapsedMs = performance.now() - start;
  const unexpected = Object.keys(statuses).filter((status) => !plan.expectedStatuses.includes(Number(status)));
  if (unexpected.length > 0) throw new Error(`unexpected statuses ${JSON.stringify(statuses)}`);
  return { ...summarizeLatencies(latenciesMs.subarray(0, done)), elapsedMs, perSec: done / (elapsedMs / 1000), statuses };
}

function send(agent: Agent, port: number, item: { path: string; headers: Record<string, string>; body: Buffer }): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host, port, method: 'POST', path: item.path, headers: item.headers, agent }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', reject);
    });
    outgoing.once('error', reject);
    outgoing.end(item.body);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Protocol with the bench: after the warm-up print `warm`, wait for a line on stdin, run the timed phase, print
  // the result as one JSON line.
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;
  const beforeTimed = () => new Promise<void>((resolve) => {
    process.stdin.once('data', () => resolve());
    process.stdout.write('warm\n');
  });
  const result = await runLoad(plan, beforeTimed);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stdin.destroy();
}
