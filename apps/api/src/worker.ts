import 'reflect-metadata';
import { createWorker } from './bootstrap/create-worker';
import { ConfigError, loadConfig } from './config/app-config';

/** The worker: same code base as the API, no HTTP server, runs the BullMQ processors. */
createWorker(loadConfig())
  .then(() => console.log(JSON.stringify({ level: 30, time: new Date().toISOString(), name: 'hocso-worker', msg: 'hocso worker started' })))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
