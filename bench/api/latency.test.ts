// Proves the API bench's percentiles: nearest rank on sorted samples, at the edges and with one sample.

import { describe, expect, it } from 'vitest';
import { percentileMs, summarizeLatencies } from './latency.ts';

describe('percentileMs', () => {
  const sorted = Float64Array.from({ length: 100 }, (_, index) => index + 1);

  it('picks the smallest sample with the fraction of samples at or below it (p50 of 1..100 is 50, p99 is 99)', () => {
    expect(percentileMs(sorted, 0.5)).toBe(50);
    expect(percentileMs(sorted, 0.99)).toBe(99);
  });

  it('returns the largest sample at fraction 1 and the smallest at fraction 0', () => {
    expect(percentileMs(sorted, 1)).toBe(100);
    expect(percentileMs(sorted, 0)).toBe(1);
  });

  it('returns 0 without samples', () => {
    expect(percentileMs(new Float64Array(0), 0.5)).toBe(0);
  });
});

describe('summarizeLatencies', () => {
  it('sorts unsorted samples before picking percentiles and counts them', () => {
    const samples = Float64Array.from([9, 1, 5, 3, 7]);
    expect(summarizeLatencies(samples)).toEqual({ requests: 5, p50Ms: 5, p99Ms: 9, maxMs: 9 });
    expect(Array.from(samples)).toEqual([9, 1, 5, 3, 7]);
  });
});
