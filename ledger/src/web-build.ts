// Builds the web apps (kiosk, admin, volunteer pages) into dist/ with vite's JS API when dist/ is missing or
// older than their sources. Node only; pages whose index.html does not exist yet are left out of the build.

import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sourceFolders = ['kiosk', 'admin', 'portal', 'domain', 'hardware'];
const stampFile = '.built-at';

/** Builds when needed; answers whether a build ran. */
export async function buildWebAppsIfStale(rootDir: string, log: (line: string) => void): Promise<boolean> {
  const distDir = join(rootDir, 'dist');
  const stamp = join(distDir, stampFile);
  const builtAtMs = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const newestSourceMs = Math.max(...[...sourceFolders.map((folder) => join(rootDir, folder)), join(rootDir, 'vite.config.ts')].map(newestMtimeMs));
  if (builtAtMs > newestSourceMs) return false;
  const { build, loadConfigFromFile } = await import('vite');
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(rootDir, 'vite.config.ts'), rootDir);
  const config = loaded?.config ?? {};
  const inputs = (config.build?.rollupOptions?.input ?? {}) as Record<string, string>;
  const present = Object.fromEntries(Object.entries(inputs).filter(([, file]) => existsSync(file)));
  if (Object.keys(present).length === 0) return false;
  log(`building web apps (${Object.keys(present).join(', ')}) into dist/`);
  await build({ ...config, configFile: false, root: rootDir, logLevel: 'warn', build: { ...config.build, outDir: distDir, rollupOptions: { ...config.build?.rollupOptions, input: present } } });
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  }
  return newest;
}
