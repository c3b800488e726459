import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import { timingSafeEqual } from 'node:crypto';
import { QueueName } from '../queue/queues';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * The BullMQ dashboard for administrators (failed jobs, retries), behind HTTP Basic auth
 * (user "admin", QUEUE_DASHBOARD_PASSWORD) until accounts and roles arrive.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, password: string): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'hocso queues' } },
  });
  const expected = Buffer.from(`Basic ${Buffer.from(`admin:${password}`).toString('base64')}`);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const given = Buffer.from(request.headers.authorization ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          await reply.status(401).header('www-authenticate', 'Basic realm="hocso queues"').send({
            statusCode: 401, error: 'Unauthorized', message: 'Queue dashboard: sign in as admin', requestId: String(request.id), path: request.url,
          });
        }
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
