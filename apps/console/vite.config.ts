import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: fromHere('.'),
  plugins: [react()],
  resolve: {
    alias: {
      '#contracts': fromHere('../../libs/contracts/src/index.ts'),
      '#triage': fromHere('../../libs/triage/src/index.ts'),
      '#geo': fromHere('../../libs/geo/src/index.ts'),
      '#dispatch': fromHere('../../libs/dispatch/src/index.ts'),
    },
  },
  build: {
    outDir: fromHere('../../dist/console'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/socket.io': { target: api, ws: true, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/socket.io': { target: api, ws: true, changeOrigin: true },
    },
  },
});
