import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Libraries that change rarely get their own long-cached chunks.
const reactCore = /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/;
const router = /[\\/]node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/;

/**
 * Writes .br and .gz next to every text asset, so the server sends compressed files without
 * compressing on each request (the API serves them with @fastify/static preCompressed, nginx with
 * gzip_static). On 3G the bytes on the wire are what the learner waits for.
 */
function precompress(): Plugin {
  return {
    name: 'hocso-precompress',
    apply: 'build',
    enforce: 'post',
    // After the files are written: earlier hooks see chunks before Vite's last rewrites.
    writeBundle(options, bundle) {
      const outDir = options.dir ?? fromHere('dist');
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const path = join(outDir, fileName);
        const raw = readFileSync(path);
        if (raw.length < 1024) continue;
        writeFileSync(`${path}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      '@hocso/curriculum': fromHere('../../libs/curriculum/src/index.ts'),
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  // `vite preview` uses server.proxy too.
  build: {
    outDir: fromHere('dist'),
    emptyOutDir: true,
    sourcemap: false,
    // Learners' phones are cheap and not always up to date: lower the syntax a little below
    // Vite's default (Chrome 111); this costs almost nothing in size.
    target: ['chrome87', 'edge88', 'firefox78', 'safari14'],
    // kB of minified JS. react-dom alone is ~210 kB (66 kB gzip); nothing else should come close.
    chunkSizeWarningLimit: 250,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: reactCore, priority: 3 },
            { name: 'router', test: router, priority: 2 },
            // Other libraries the first page needs (TanStack Query, i18next, openapi-fetch).
            // Libraries used only by lazy pages stay in those pages' chunks.
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});
