// Proves the initial-JavaScript walk over vite's manifest: the entry and its static imports count once each, lazy
// chunks and CSS never count, and a missing chunk is an error; then measures the real kiosk build.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { initialChunkFiles, measureKioskInitialJs, type ViteManifest } from './bundle-size.ts';

const manifest: ViteManifest = {
  'kiosk/index.html': { file: 'assets/kiosk.js', isEntry: true, imports: ['_preact.js', '_shared.js'], dynamicImports: ['devices.ts'] },
  '_preact.js': { file: 'assets/preact.js', imports: ['_shared.js'] },
  '_shared.js': { file: 'assets/shared.js', imports: ['kiosk/index.html'] },
  'devices.ts': { file: 'assets/devices.js', imports: ['_preact.js'] },
  'style.css': { file: 'assets/kiosk.css' },
};

describe('initialChunkFiles', () => {
  it('counts the entry and every static import once, and leaves lazy chunks out', () => {
    expect(initialChunkFiles(manifest, 'kiosk/index.html')).toEqual(['assets/kiosk.js', 'assets/preact.js', 'assets/shared.js']);
  });

  it('starts from a lazy chunk when asked, following only its static imports', () => {
    expect(initialChunkFiles(manifest, 'devices.ts')).toEqual(['assets/devices.js', 'assets/preact.js', 'assets/shared.js', 'assets/kiosk.js']);
  });

  it('leaves non-JavaScript files out', () => {
    expect(initialChunkFiles({ entry: { file: 'assets/a.js', imports: ['css'] }, css: { file: 'assets/a.css' } }, 'entry')).toEqual(['assets/a.js']);
  });

  it('fails on a chunk the manifest does not have', () => {
    expect(() => initialChunkFiles({ entry: { file: 'a.js', imports: ['gone'] } }, 'entry')).toThrow(/gone/);
  });
});

describe('measureKioskInitialJs', () => {
  it('builds the kiosk and finds its initial JavaScript within the 40 KB budget, device layer excluded', async () => {
    const rootDir = fileURLToPath(new URL('../..', import.meta.url));
    const measured = await measureKioskInitialJs(rootDir);
    expect(measured.files.length).toBeGreaterThan(0);
    expect(measured.files[0]!.file).toMatch(/kiosk-.*\.js$/);
    expect(measured.files.some((file) => file.file.includes('supervisor'))).toBe(false);
    expect(measured.gzipBytes).toBe(measured.files.reduce((sum, file) => sum + file.gzipBytes, 0));
    expect(measured.gzipBytes).toBeGreaterThan(5_000);
    expect(measured.gzipBytes).toBeLessThanOrEqual(40_960);
  });
});
