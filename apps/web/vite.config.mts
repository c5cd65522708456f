import react from '@vitejs/plugin-react-swc';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm run dev:web` serves the client with hot reload and forwards the API's paths to a running API
// (API_URL, default http://localhost:3000). The production build goes to dist/web, which the API serves.
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The budget that matters is gzip of the first load (test/web-build.e2e-spec.ts: 200 KB), not Vite's 500 kB raw warning.
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true, reportCompressedSize: false, chunkSizeWarningLimit: 1000 },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/exports': { target: api, changeOrigin: true },
      '/unsubscribe': { target: api, changeOrigin: true },
      '/contexts': { target: api, changeOrigin: true },
    },
  },
});
