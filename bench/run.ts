// `npm run bench [-- --quick]`: runs every section, prints one table, writes bench/results.json as
// {baselines, measured, ratios, targets} (each target with its pass) and exits non-zero when a target fails.
// To add a section, append its module to `sections` below.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeApiSection } from './api/api-section.ts';
import { kioskSection } from './kiosk/kiosk-section.ts';
import { ledgerSection } from './ledger-section.ts';
import { passes, round, type BenchSection, type Target } from './section.ts';

const quick = process.argv.includes('--quick');
const log = (line: string) => process.stdout.write(`${line}\n`);
const baselines: Record<string, number> = {};
const measured: Record<string, number> = {};
const ratios: Record<string, number> = {};
const targets: Record<string, Target & { actual: number; pass: boolean }> = {};
// Later sections may divide by earlier sections' baselines (the API by the ledger's raw batch rate).
const sections: BenchSection[] = [ledgerSection, makeApiSection((name) => baselines[name]), kioskSection];

for (const section of sections) {
  log(`== ${section.name}${quick ? ' (quick)' : ''}`);
  const result = await section.run({ quick, log: (line) => log(`  ${line}`) });
  Object.assign(baselines, result.baselines);
  Object.assign(measured, result.measured);
  Object.assign(ratios, result.ratios);
  for (const [name, target] of Object.entries(result.targets)) {
    const actual = ratios[name] ?? measured[name];
    if (actual === undefined) throw new Error(`target ${name} has no ratio or measurement`);
    targets[name] = { ...target, actual: round(actual), pass: passes(actual, target) };
  }
}

const rows = Object.entries(targets).map(([name, target]) => [name, String(target.actual), `${target.op} ${target.value}`, target.pass ? 'pass' : 'FAIL']);
const widths = [0, 1, 2, 3].map((column) => Math.max(...[['target', 'actual', 'wanted', ''], ...rows].map((row) => row[column]!.length)));
log('');
for (const [name, value] of Object.entries({ ...baselines, ...measured })) log(`${name.padEnd(36)} ${round(value)}`);
log('');
for (const row of [['target', 'actual', 'wanted', ''], ...rows]) log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));

const resultsPath = fileURLToPath(new URL('./results.json', import.meta.url));
const roundAll = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, round(value)]));
writeFileSync(resultsPath, `${JSON.stringify({ quick, baselines: roundAll(baselines), measured: roundAll(measured), ratios: roundAll(ratios), targets }, null, 2)}\n`);
log(`\nwrote ${resultsPath}`);
const failed = Object.values(targets).filter((target) => !target.pass).length;
if (failed > 0) {
  log(`${failed} target(s) failed`);
  process.exitCode = 1;
}
