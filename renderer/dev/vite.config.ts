/** DEV ONLY: builds renderer/dev/index.html (the fake host + the real renderer) for screenshots. Run from the repo root. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '/tmp/renderer-dev-build',
    emptyOutDir: true,
    rolldownOptions: { input: 'renderer/dev/index.html' },
  },
  preview: { port: 4780, host: '127.0.0.1' },
});
