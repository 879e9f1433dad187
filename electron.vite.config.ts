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
      // electron-vite leaves the renderer unminified; minified, the first screen parses a third as much.
      minify: true,
      rolldownOptions: {
        input: resolve('src/renderer/index.html'),
        output: {
          // React and the other libraries in chunks of their own (they change less often than the app);
          // each screen loaded with React.lazy gets its own chunk, with the Fluent UI components only it
          // uses, so the first screen waits only for what it shows.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
              { name: 'vendor', test: /node_modules[\\/](?!@fluentui|@griffel|tabster|keyborg|@floating-ui|@swc)/, priority: 2 },
            ],
          },
        },
      },
    },
  },
});
