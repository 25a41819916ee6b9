// Latency percentiles for the API bench (nearest-rank on sorted samples). Pure: no clock, no I/O.

export type LatencySummary = { readonly requests: number; readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };

/** Nearest-rank percentile: the smallest sample with at least `fraction` of all samples at or below it. */
export function percentileMs(sortedMs: ArrayLike<number>, fraction: number): number {
  if (sortedMs.length === 0) return 0;
  const rank = Math.min(sortedMs.length, Math.max(1, Math.ceil(fraction * sortedMs.length)));
  return sortedMs[rank - 1]!;
}

export function summarizeLatencies(samplesMs: Float64Array): LatencySummary {
  const sorted = Float64Array.from(samplesMs).sort();
  return { requests: sorted.length, p50Ms: percentileMs(sorted, 0.5), p99Ms: percentileMs(sorted, 0.99), maxMs: percentileMs(sorted, 1) };
}
