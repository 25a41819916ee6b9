// Proves there is one status table: every outcome code the service's routes, operations and services can answer
// with has a status in `statusOfCode`, no route hand-makes an error body, and stored rejections take their status
// from the table.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusOfRejection } from '../operations/kiosk-write.ts';
import { isErrorCode, statusOfCode } from './http.ts';

const sourceRoot = join(import.meta.dirname, '..');
const scannedFolders = ['routes', 'operations', 'services'];
const codePatterns = [/reject: '([a-z_]+)'/g, /fail\(c, '([a-z_]+)'/g, /err\('([a-z_]+)'/g, /\bcode: '([a-z_]+)'/g];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.includes('fixture') ? [path] : [];
  });
}

const files = [join(sourceRoot, 'app.ts'), ...scannedFolders.flatMap((folder) => sourceFiles(join(sourceRoot, folder)))];

describe('the status table', () => {
  it('has a status for every code the service answers with', () => {
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of codePatterns) for (const match of text.matchAll(pattern)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((code) => !isErrorCode(code)).sort()).toEqual([]);
  });

  it('is the only place statuses of error bodies are made (fail, never c.json({code}, status))', () => {
    const handMade = files.filter((file) => /c\.json\(\{ code[:,]/.test(readFileSync(file, 'utf8')));
    expect(handMade).toEqual([]);
  });

  it('gives stored rejections the status of their code', () => {
    expect(statusOfRejection('insufficient_balance')).toBe(409);
    expect(statusOfRejection('service_not_found')).toBe(404);
    expect(statusOfRejection('already_reversed')).toBe(409);
    expect(() => statusOfRejection('made_up_code')).toThrow(/made_up_code/);
  });

  it('answers rule rejections with 409, unknown things with 404 and bad input with 422', () => {
    expect(statusOfCode.pairs_per_day_exceeded).toBe(409);
    expect(statusOfCode.receipt_not_found).toBe(404);
    expect(statusOfCode.business_date_in_future).toBe(422);
  });
});
