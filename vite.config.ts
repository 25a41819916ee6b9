// One multi-page build for the three web apps: kiosk (/kiosk/), admin (/admin/), volunteer pages (/me/).
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        kiosk: resolve(root, 'kiosk/index.html'),
        admin: resolve(root, 'admin/index.html'),
        me: resolve(root, 'portal/index.html'),
      },
    },
  },
  optimizeDeps: { include: ['web-serial-polyfill', 'qrcode'] },
});
