import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Cross-origin isolation gives the page SharedArrayBuffer; without these headers (a plain static
// host) the app still works, carrying buffers between workers instead.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  root: '.',
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Four pages: the simulator (index.html), the what-if comparison (compare.html), experiments
    // (experiments.html) and the same page offering only sensitivity analyses (sensitivity.html).
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        compare: resolve(import.meta.dirname, 'compare.html'),
        experiments: resolve(import.meta.dirname, 'experiments.html'),
        sensitivity: resolve(import.meta.dirname, 'sensitivity.html'),
      },
    },
  },
});
