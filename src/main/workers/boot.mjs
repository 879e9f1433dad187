// Starts a TypeScript worker from source (the CLI, `npm run serve` and the tests run from source
// through tsx); the built app runs each worker's own bundle instead and never loads this file.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
