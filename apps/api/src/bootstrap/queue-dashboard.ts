import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { SessionsService } from '../modules/identity/sessions.service';
import { QueueName } from '../queue/queues';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * The BullMQ dashboard (failed jobs, retries) for a signed-in administrator, or with HTTP Basic auth
 * (user "admin", QUEUE_DASHBOARD_PASSWORD) for an operator without an account. Off when neither can
 * work: mounted only when the password is set or `forAdministrators` is true.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, password: string | undefined): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'hocso queues' } },
  });
  const expected = password ? Buffer.from(`Basic ${Buffer.from(`admin:${password}`).toString('base64')}`) : undefined;
  const sessions = app.get(SessionsService);
  const fastify = app.getHttpAdapter().getInstance();
  const isAdministrator = async (request: FastifyRequest): Promise<boolean> => {
    const token = sessions.tokenFromRequest(request);
    const session = token ? await sessions.authenticate(token) : null;
    if (!session?.user.roles.some((r) => r.role === 'administrator')) return false;
    // The dashboard's own buttons cannot send our CSRF header: for them, only same-site requests.
    const origin = request.headers.origin;
    return request.method === 'GET' || origin === undefined || origin === `${request.protocol}://${request.host}`;
  };
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const given = Buffer.from(request.headers.authorization ?? '');
        const basicOk = expected !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
        if (!basicOk && !(await isAdministrator(request))) {
          await reply.status(401).header('www-authenticate', 'Basic realm="hocso queues"').send({
            statusCode: 401, error: 'Unauthorized', message: 'Queue dashboard: sign in as an administrator', requestId: String(request.id), path: request.url,
          });
        }
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
