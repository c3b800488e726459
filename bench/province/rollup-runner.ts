/**
 * Runs the reports rollup of the compiled API (apps/api/dist) once, in a NestJS application context of
 * AppModule (no HTTP server, no queue workers), and prints one JSON line with the service's answer and
 * the wall time of the call alone (not the start-up). Compiled to bench/dist/province/rollup-runner.js
 * by dashboard.bench.ts and run with plain `node`:
 *
 *   node bench/dist/province/rollup-runner.js <apiDist> recompute|refresh
 *
 * Environment: as the API's (DATABASE_URL, REDIS_URL, QUEUE_PREFIX, NODE_ENV, …).
 */
import { join } from 'node:path';

interface RollupService {
  recompute(range?: { from?: string; to?: string }): Promise<unknown>;
  refresh(): Promise<unknown>;
}

async function main(): Promise<void> {
  const [apiDist, command] = process.argv.slice(2);
  if (!apiDist || (command !== 'recompute' && command !== 'refresh')) throw new Error('usage: rollup-runner <apiDist> recompute|refresh');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('reflect-metadata');
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NestFactory } = require(require.resolve('@nestjs/core', { paths: [apiDist] })) as typeof import('@nestjs/core');
  const { loadConfig } = require(join(apiDist, 'config/app-config.js')) as { loadConfig(): unknown };
  const { AppModule } = require(join(apiDist, 'app.module.js')) as { AppModule: { register(config: unknown): never } };
  const { ReportsRollupService } = require(join(apiDist, 'modules/reports/rollup.service.js')) as { ReportsRollupService: new (...args: never[]) => RollupService };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app = await NestFactory.createApplicationContext(AppModule.register(loadConfig()), { logger: ['error', 'warn'] });
  try {
    const service = app.get(ReportsRollupService, { strict: false });
    const started = process.hrtime.bigint();
    const result = command === 'recompute' ? await service.recompute() : await service.refresh();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`${JSON.stringify({ command, ms, result })}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
