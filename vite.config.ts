import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The Fastify server the dev server forwards to (`npm start` listens on 3000). */
const backend = process.env.API_URL ?? 'http://127.0.0.1:3000';

const compressible = /\.(js|css|html|svg|json)$/;

/**
 * Writes `<file>.br` and `<file>.gz` next to every text asset above 1 kB of the build, so that the
 * server (@fastify/static `preCompressed`) sends them without compressing at each request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'madoguchi:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
        const file = path.join(outDir, entry);
        if (!compressible.test(file) || statSync(file).size < 1024) continue;
        const body = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
      }
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': backend,
      '/mailbox': backend,
      '/healthz': backend,
    },
  },
});
