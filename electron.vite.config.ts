/**
 * electron-vite build: the Electron main process (with its utility-process entry
 * points), the sandboxed preload and the React renderer.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './common/content-security-policy';

const root = __dirname;

/**
 * The strict CSP as a `<meta>` in the built index.html only: the dev server needs the React
 * refresh preamble and Vite's injected styles, and gets its (dev) policy as a header from
 * Electron main instead. Every host also sends the strict policy as a header.
 */
function cspMeta(): Plugin {
  return {
    name: 'config-tool-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ delivery: 'meta' }) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

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
        // index.js is package.json's "main"; the process entry points are named as in out/node
        // (compiler-worker.cjs), so a service finds its workers next to itself in either build.
        output: { format: 'cjs', entryFileNames: (chunk) => (chunk.name === 'index' ? '[name].js' : '[name].cjs') },
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
    // Relative asset URLs: the same build loads from app:// (Electron) and from the browser host at '/'.
    base: './',
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // The browser host serves this build over HTTP too: keep it small.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
