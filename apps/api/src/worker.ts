import 'reflect-metadata';
import { createWorker } from './bootstrap/create-worker';
import { ConfigError, loadConfig } from './config/app-config';

/** The worker: same code base as the API, no HTTP server, runs the BullMQ processors. */
async function main(): Promise<void> {
  await createWorker(loadConfig());
}

main().catch((error: unknown) => {
  // A configuration error is one readable line; anything else keeps its stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
