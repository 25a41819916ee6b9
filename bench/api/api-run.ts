// One measured API run: serves either the real app (engine at a given groupUnitsMax, fresh temp database) or the no-op
// endpoint in this process, drives it from a separate load-generator process over loopback, and checks the ledger's
// invariants afterwards. The generator gets the warm-up (check-ins) and the timed check-outs, all signed up front.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ledger } from '../../ledger/src/db/ledger/ledger.ts';
import type { LoadPlan, LoadResult, PhaseResult, PreparedRequest } from './load-generator.ts';
import { preparePostingStation } from './posting-endpoint.ts';
import { noopApp, serveOnLoopback } from './serve.ts';
import { prepareStation } from './station.ts';

export type ApiRunOptions = {
  readonly dir: string;
  readonly name: string;
  readonly people: number;
  readonly checkOuts: number;
  readonly connections: number;
  readonly phaseMsMax: number;
};
export type ApiRun = PhaseResult & {
  readonly averageGroupUnits: number;
  readonly invariantViolations: number;
  /** What was sent, for the no-op endpoint to replay. */
  readonly sent: { readonly checkIns: PreparedRequest[]; readonly checkOuts: PreparedRequest[] };
};

const generatorPath = fileURLToPath(new URL('./load-generator.ts', import.meta.url));
/** The generator process is killed past both phases' limits plus this allowance (start-up, plan parsing). */
const generatorStartMsMax = 30_000;

/** The real API at `groupUnitsMax` (100: group commit; 1: one commit per request). */
export async function runLedgerApi(options: ApiRunOptions, groupUnitsMax: number): Promise<ApiRun> {
  const station = await prepareStation({ path: join(options.dir, `${options.name}.db`), groupUnitsMax, people: options.people, checkOuts: options.checkOuts });
  const served = await serveOnLoopback(station.app.fetch);
  try {
    const plan = { port: served.port, connections: options.connections, phaseMsMax: options.phaseMsMax, expectedStatuses: [201], warmUp: station.checkIns };
    // The warm-up is all check-ins: a check-out must find its attendance open, so the timed phase starts after it.
    let statsAtTimedStart = station.engine.stats();
    const result = await runGenerator(options, { ...plan, timed: station.checkOuts, timedCycles: 1 }, async () => {
      await station.engine.drain();
      statsAtTimedStart = station.engine.stats();
    });
    if (result.warmUp.requests !== station.checkIns.length) throw new Error(`${options.name}: warm-up sent ${result.warmUp.requests} of ${station.checkIns.length} check-ins within ${options.phaseMsMax} ms`);
    await station.engine.drain();
    const after = station.engine.stats();
    const groups = after.groupsCommitted - statsAtTimedStart.groupsCommitted;
    const averageGroupUnits = groups === 0 ? 0 : (after.unitsCommitted - statsAtTimedStart.unitsCommitted) / groups;
    const invariantViolations = await countViolations(station.engine, result.timed.requests);
    return { ...result.timed, averageGroupUnits, invariantViolations, sent: { checkIns: station.checkIns, checkOuts: station.checkOuts } };
  } finally {
    await served.close();
    await station.close();
  }
}

/**
 * The reference's posting workload (posting-endpoint.ts) at `groupUnitsMax`: the warm-up opens every person's
 * account, the timed phase posts `requests` credits, redemptions and replays (201, 200 or 409 each).
 */
export async function runPostingApi(options: ApiRunOptions & { readonly requests: number }, groupUnitsMax: number): Promise<Omit<ApiRun, 'sent'>> {
  const station = await preparePostingStation({ path: join(options.dir, `${options.name}.db`), groupUnitsMax, requests: options.requests });
  const served = await serveOnLoopback(station.app.fetch);
  try {
    const plan = { port: served.port, connections: options.connections, phaseMsMax: options.phaseMsMax, expectedStatuses: [200, 201, 409], warmUp: station.openings, timed: station.timed, timedCycles: 1 };
    let statsAtTimedStart = station.engine.stats();
    const result = await runGenerator(options, plan, async () => {
      await station.engine.drain();
      statsAtTimedStart = station.engine.stats();
    });
    await station.engine.drain();
    const after = station.engine.stats();
    const groups = after.groupsCommitted - statsAtTimedStart.groupsCommitted;
    const averageGroupUnits = groups === 0 ? 0 : (after.unitsCommitted - statsAtTimedStart.unitsCommitted) / groups;
    return { ...result.timed, averageGroupUnits, invariantViolations: await countViolations(station.engine, result.timed.requests) };
  } finally {
    await served.close();
    await station.close();
  }
}

/** The no-op endpoint with the same bodies and headers, each timed request sent `timedCycles` times over. */
export async function runNoop(options: ApiRunOptions, warmUp: readonly PreparedRequest[], timed: readonly PreparedRequest[], timedCycles: number): Promise<PhaseResult> {
  const served = await serveOnLoopback(noopApp().fetch);
  try {
    const result = await runGenerator(options, { port: served.port, connections: options.connections, phaseMsMax: options.phaseMsMax, expectedStatuses: [201], warmUp, timed, timedCycles }, async () => {});
    return result.timed;
  } finally {
    await served.close();
  }
}

/**
 * Starts the generator process and resolves with its result line. Between the phases the generator prints `warm`
 * and waits; `beforeTimed` runs then (engine counters are taken) and a line on its stdin starts the timed phase.
 */
function runGenerator(options: ApiRunOptions, plan: LoadPlan, beforeTimed: () => Promise<void>): Promise<LoadResult> {
  const planPath = join(options.dir, `${options.name}-plan.json`);
  writeFileSync(planPath, JSON.stringify(plan));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', generatorPath, planPath], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 2 * plan.phaseMsMax + generatorStartMsMax, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    let warm = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (warm || !/^warm$/m.test(stdout)) return;
      warm = true;
      beforeTimed().then(() => child.stdin.write('go\n'), (error: unknown) => { child.kill('SIGKILL'); reject(error); });
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`${options.name}: load generator exited with ${code ?? signal}: ${stderr.trim().slice(-2000)}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult);
      } catch (error) {
        reject(new Error(`${options.name}: load generator printed no result: ${String(error)}`));
      }
    });
  });
}

/** Zero-sum per asset, balances equal to their postings, an intact chain, and a timed phase that sent anything. */
async function countViolations(engine: Ledger, timedRequests: number): Promise<number> {
  const trial = await engine.trialBalance();
  const matches = await engine.checkBalancesMatchPostings();
  const chain = await engine.verifyChain();
  return (trial.time !== 0 ? 1 : 0) + (trial.points !== 0 ? 1 : 0) + matches.mismatches.length + (chain.ok ? 0 : 1) + (timedRequests > 0 ? 0 : 1);
}
