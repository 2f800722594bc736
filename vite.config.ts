import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The Fastify server the dev server forwards to (`npm start` listens on 3000). */
const backend = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': backend,
      '/mailbox': backend,
      '/healthz': backend,
    },
  },
});
