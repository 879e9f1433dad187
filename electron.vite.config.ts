import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Workers are loaded by file, relative to the module that starts them: the PDF page reader
        // (new URL('./pdf-worker.mjs', import.meta.url) in the import worker) and the import and backup
        // workers (src/main/workers/spawn.ts, from index.js). Each is its own entry beside index.js.
        input: {
          index: resolve('src/main/electron/main.ts'),
          'pdf-worker': resolve('src/main/ingest/pdf-worker.mjs'),
          'import-worker': resolve('src/main/ingest/import-worker.ts'),
          'backup-worker': resolve('src/main/store/backup-worker.ts'),
        },
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
      // electron-vite leaves the renderer unminified; minified, the first screen parses a third as much.
      minify: true,
      rolldownOptions: {
        input: resolve('src/renderer/index.html'),
        output: {
          // React and the other libraries in chunks of their own (they change less often than the app);
          // each screen loaded with React.lazy gets its own chunk, with the Fluent UI components only it
          // uses, so the first screen waits only for what it shows. The reader's own libraries (pdf.js, the
          // text diff that lines its pages up) stay with the reader: in the shared chunk they would be
          // loaded with the first screen.
          codeSplitting: {
            groups: [
              // The first screen's reads and the client that sends them, run before everything else (early-reads.ts).
              { name: 'early-reads', test: /src[\\/]renderer[\\/](early-reads|api[\\/]client)\.ts$/, priority: 4 },
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
              // The schemas are for main and for the rules of what a write makes stale (loaded after the first screen).
              { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 3 },
              { name: 'vendor', test: /node_modules[\\/](?!@fluentui|@griffel|tabster|keyborg|@floating-ui|@swc|pdfjs-dist|diff[\\/])/, priority: 2 },
            ],
          },
        },
      },
    },
  },
});
