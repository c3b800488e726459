// Writes the OpenAPI document to apps/api/openapi.json without a database or Redis (Nest preview
// mode instantiates nothing). The web app's types are generated from that file.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './bootstrap/openapi';
import { loadConfig } from './config/app-config';

export async function generateOpenApiJson(): Promise<string> {
  const config = loadConfig({ DATABASE_URL: 'postgres://preview/preview', REDIS_URL: 'redis://preview:6379', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), new FastifyAdapter(), { preview: true, logger: false });
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (require.main === module) {
  const target = resolve(__dirname.split('/dist/')[0] ?? '.', 'openapi.json');
  generateOpenApiJson()
    .then((json) => {
      writeFileSync(target, json);
      console.log(`wrote ${target}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
