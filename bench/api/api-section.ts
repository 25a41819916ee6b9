// API bench: signed check-outs per second through the real app with group commit (groupUnitsMax 100) and with one
// commit per request (groupUnitsMax 1), WAL + synchronous=FULL on a temp file, 32 keep-alive connections from a
// separate load-generator process on 127.0.0.1, p50/p99, average group size; a no-op Hono endpoint's rate; and, as a
// measurement without a target, the reference's own T3/T5 workload (unsigned two-leg postings, posting-endpoint.ts)
// grouped and one commit per request.

import type { BenchSection, SectionResult } from '../section.ts';
import { makeTempDir } from '../section.ts';
import { runLedgerApi, runNoop, runPostingApi, type ApiRun, type ApiRunOptions } from './api-run.ts';
import type { PhaseResult } from './load-generator.ts';

type Round = { grouped: ApiRun; perRequest: ApiRun; noop: PhaseResult; posting: Omit<ApiRun, 'sent'>; postingPerRequest: Omit<ApiRun, 'sent'> };

/**
 * `baselineOf` reads a baseline an earlier section measured in the same run: the grouped rate is divided by the
 * ledger section's raw libSQL 1,000-rows-per-transaction rate (`rawBatchRowsPerSec`), not measured again here.
 */
export function makeApiSection(baselineOf: (name: string) => number | undefined): BenchSection {
  return {
    name: 'api',
    async run({ quick, log }): Promise<SectionResult> {
      const rawBatchRowsPerSec = baselineOf('rawBatchRowsPerSec');
      if (rawBatchRowsPerSec === undefined) throw new Error('the api section needs rawBatchRowsPerSec from the ledger section (run it first)');
      const sizes = quick ? { rounds: 1, people: 200, checkOuts: 2_000, noopCycles: 5, postings: 6_000 } : { rounds: 3, people: 300, checkOuts: 6_000, noopCycles: 5, postings: 20_000 };
      const temp = makeTempDir('api');
      try {
        const rounds: Round[] = [];
        for (let round = 0; round < sizes.rounds; round++) {
          const options: ApiRunOptions = { dir: temp.dir, name: `round-${round}`, people: sizes.people, checkOuts: sizes.checkOuts, connections: 32, phaseMsMax: 90_000 };
          const grouped = await runLedgerApi({ ...options, name: `grouped-${round}` }, 100);
          const noop = await runNoop({ ...options, name: `noop-${round}` }, grouped.sent.checkIns, grouped.sent.checkOuts, sizes.noopCycles);
          const perRequest = await runLedgerApi({ ...options, name: `per-request-${round}` }, 1);
          const posting = await runPostingApi({ ...options, name: `posting-${round}`, requests: sizes.postings }, 100);
          const postingPerRequest = await runPostingApi({ ...options, name: `posting-per-request-${round}`, requests: sizes.postings / 2 }, 1);
          rounds.push({ grouped, perRequest, noop, posting, postingPerRequest });
          log(`round ${round + 1}: ${describe('grouped', grouped)}; ${describe('per-request', perRequest)}; noop ${noop.perSec.toFixed(0)}/s p50 ${noop.p50Ms.toFixed(2)} ms`);
          log(`  reference workload: ${describe('grouped', posting)}; ${describe('per-request', postingPerRequest)}`);
        }
        // Each ratio pairs numbers of the same round and keeps the median round (see ledger-section.ts).
        const median = (pick: (round: Round) => number) => rounds.map(pick).sort((left, right) => left - right)[Math.floor(rounds.length / 2)]!;
        const measured = {
          apiGroupedReqPerSec: median((round) => round.grouped.perSec),
          apiGroupedP50Ms: median((round) => round.grouped.p50Ms),
          apiGroupedP99Ms: median((round) => round.grouped.p99Ms),
          apiGroupedAverageUnits: median((round) => round.grouped.averageGroupUnits),
          apiPerRequestReqPerSec: median((round) => round.perRequest.perSec),
          apiPerRequestP50Ms: median((round) => round.perRequest.p50Ms),
          apiPerRequestP99Ms: median((round) => round.perRequest.p99Ms),
          apiTimedRequests: rounds.reduce((sum, round) => sum + round.grouped.requests + round.perRequest.requests, 0),
          apiPostingReqPerSec: median((round) => round.posting.perSec),
          apiPostingAverageUnits: median((round) => round.posting.averageGroupUnits),
          apiPostingPerRequestReqPerSec: median((round) => round.postingPerRequest.perSec),
          apiInvariantViolations: rounds.reduce((sum, round) => sum + round.grouped.invariantViolations + round.perRequest.invariantViolations
            + round.posting.invariantViolations + round.postingPerRequest.invariantViolations, 0),
        };
        return {
          baselines: { noopReqPerSec: median((round) => round.noop.perSec) },
          measured,
          ratios: {
            apiGroupedVsRawBatch: measured.apiGroupedReqPerSec / rawBatchRowsPerSec,
            apiGroupedVsPerRequest: median((round) => round.grouped.perSec / round.perRequest.perSec),
            apiP99VsP50: median((round) => round.grouped.p99Ms / round.grouped.p50Ms),
            apiGroupedVsNoop: median((round) => round.grouped.perSec / round.noop.perSec),
            // The reference's T3 as it measured it (unsigned two-leg postings): reported beside the signed check-out's.
            apiPostingVsRawBatch: median((round) => round.posting.perSec) / rawBatchRowsPerSec,
            apiPostingGroupedVsPerRequest: median((round) => round.posting.perSec / round.postingPerRequest.perSec),
          },
          targets: {
            apiGroupedVsRawBatch: { op: '>=', value: 0.065 },
            apiGroupedVsPerRequest: { op: '>=', value: 3.5 },
            apiP99VsP50: { op: '<=', value: 5 },
            apiInvariantViolations: { op: '<=', value: 0 },
          },
        };
      } finally {
        temp.cleanup();
      }
    },
  };
}

function describe(name: string, run: Omit<ApiRun, 'sent'>): string {
  return `${name} ${run.perSec.toFixed(0)}/s p50 ${run.p50Ms.toFixed(1)} ms p99 ${run.p99Ms.toFixed(1)} ms group ${run.averageGroupUnits.toFixed(1)}`;
}
