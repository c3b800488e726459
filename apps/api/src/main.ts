import 'reflect-metadata';
import { createHttpApp } from './bootstrap/create-app';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  app.getHttpAdapter().getInstance().log.info({ url: config.PUBLIC_URL }, `hocso API listening on ${config.HOST}:${config.PORT}`);
}

main().catch((error: unknown) => {
  // A configuration error is one readable line; anything else keeps its stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
