/**
 * electron-vite build: the Electron main process (with its utility-process entry
 * points), the sandboxed preload and the React renderer.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = __dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // better-sqlite3 and typescript are runtime dependencies: externalizeDeps keeps them out of the bundle.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'main/electron/index.ts'),
          'service-process': resolve(root, 'main/workers/service-process.ts'),
          'compiler-worker': resolve(root, 'main/workers/compiler-worker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require 'electron': zod (used by the contract constants) must be bundled in.
      externalizeDeps: { exclude: ['zod'] },
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative asset URLs: the same build loads from file:// (Electron) and from the browser host at '/'.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // The browser host serves this build over HTTP too: keep it small.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
