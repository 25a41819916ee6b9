// The shape every `npm run bench` section returns, and helpers they share: temp database files with the engine's
// durability settings (WAL + synchronous=FULL), timing, and target checks. Sections live in bench/*-section.ts.

import { createClient, type Client } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Target = { readonly op: '>=' | '<='; readonly value: number };
export type SectionResult = {
  baselines: Record<string, number>;
  measured: Record<string, number>;
  ratios: Record<string, number>;
  targets: Record<string, Target>;
};
export type BenchOptions = { readonly quick: boolean; readonly log: (line: string) => void };
export type BenchSection = { readonly name: string; readonly run: (options: BenchOptions) => Promise<SectionResult> };

/** A fresh temp folder, removed by the returned cleanup. */
export function makeTempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `linli-bench-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A raw client on a file with the same settings the engine runs with: WAL, synchronous=FULL, one connection. */
export async function openRawFile(path: string): Promise<Client> {
  const client = createClient({ url: `file:${path}`, concurrency: 1 });
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = FULL');
  return client;
}

export async function timeMs(action: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

export function passes(value: number, target: Target): boolean {
  return target.op === '>=' ? value >= target.value : value <= target.value;
}

export function round(value: number, digits = 4): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
