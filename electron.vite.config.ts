import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The PDF reader's worker is loaded by file (new URL('./pdf-worker.mjs', import.meta.url)), so it is
        // built as its own entry next to index.js under the same name.
        input: { index: resolve('src/main/electron/main.ts'), 'pdf-worker': resolve('src/main/ingest/pdf-worker.mjs') },
        output: { entryFileNames: (chunk) => (chunk.name === 'pdf-worker' ? '[name].mjs' : '[name].js') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload is loaded as a classic script: it must be CommonJS.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
