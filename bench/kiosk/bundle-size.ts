// The kiosk's initial JavaScript, gzipped: a production build of the kiosk page alone into a temp folder with vite's
// manifest, then the entry chunk and every chunk it imports statically, each gzipped. Lazy chunks are left out.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The part of vite's `.vite/manifest.json` this reads: each chunk's file and its static and lazy imports. */
export type ViteManifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }>;
export type InitialJs = { gzipBytes: number; files: { file: string; gzipBytes: number }[] };

export const kioskEntryKey = 'kiosk/index.html';

/** Files of `entryKey`'s chunk and of every chunk reachable from it through static imports, each once, entry first. */
export function initialChunkFiles(manifest: ViteManifest, entryKey: string): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`vite manifest has no chunk ${key}`);
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  return files;
}

/** Builds the kiosk with the project's vite config (production mode) and sums the gzipped initial chunks. */
export async function measureKioskInitialJs(rootDir: string): Promise<InitialJs> {
  const outDir = mkdtempSync(join(tmpdir(), 'linli-bench-kiosk-build-'));
  try {
    const { build, loadConfigFromFile } = await import('vite');
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(rootDir, 'vite.config.ts'), rootDir);
    const config = loaded?.config ?? {};
    await build({
      ...config, configFile: false, root: rootDir, mode: 'production', logLevel: 'silent',
      build: { ...config.build, outDir, emptyOutDir: true, manifest: true, rollupOptions: { ...config.build?.rollupOptions, input: { kiosk: resolve(rootDir, kioskEntryKey) } } },
    });
    const manifestPath = join(outDir, '.vite', 'manifest.json');
    if (!existsSync(manifestPath)) throw new Error('vite wrote no manifest');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest;
    const files = initialChunkFiles(manifest, kioskEntryKey).map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(outDir, file))).length }));
    return { gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), files };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
