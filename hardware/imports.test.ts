// Proves the hardware layer's import rules: it imports no other project folder, and only the Node serial
// transport, the diagnostics CLI and tests may import node: modules or serialport (the rest runs in the kiosk).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = import.meta.dirname;
const nodeAllowed = new Set(['serial/node-serial.ts', 'diagnostics/cli.ts']);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/gu)].map((match) => match[1] ?? '');
}

describe('hardware imports', () => {
  const files = sourceFiles(root).map((path) => ({ name: relative(root, path), imports: importsOf(path) }));

  it('never reaches outside hardware/ (tests may use tests/support)', () => {
    for (const file of files) {
      const outside = file.imports.filter((specifier) => specifier.startsWith('.') && relative(root, join(root, file.name, '..', specifier)).startsWith('..'));
      const allowed = file.name.endsWith('.test.ts') ? outside.filter((specifier) => !specifier.includes('/tests/support/')) : outside;
      expect({ file: file.name, outside: allowed }).toEqual({ file: file.name, outside: [] });
    }
  });

  it('keeps node: modules and serialport out of everything the browser loads', () => {
    for (const file of files.filter((entry) => !entry.name.endsWith('.test.ts') && !nodeAllowed.has(entry.name))) {
      const nodeOnly = file.imports.filter((specifier) => specifier.startsWith('node:') || specifier === 'serialport');
      expect({ file: file.name, nodeOnly }).toEqual({ file: file.name, nodeOnly: [] });
    }
  });

  it('loads web-serial-polyfill only through a dynamic import', () => {
    const text = readFileSync(join(root, 'serial/web-serial.ts'), 'utf8');
    expect(text).toContain("await import('web-serial-polyfill')");
    expect(text).not.toMatch(/^import .*web-serial-polyfill/mu);
  });
});
