import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Libraries that change rarely get their own long-cached chunks.
const reactCore = /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/;
const router = /[\\/]node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/;

export default defineConfig({
  root: here,
  plugins: [react()],
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
