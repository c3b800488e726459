import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { JobName, QueueName, jobId } from '../../apps/api/src/queue/queues';
import { startApi, waitFor, type RunningApi } from '../support/app';
import { testEnv } from '../support/env';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { createPerson, type TestPerson } from '../support/scope-fixtures';
import { client, createQuizCourse, enrol, itemInputs } from './assessment.fixtures';

// The compiled worker (as `npm run start:worker` runs it), in a child process we can SIGKILL mid-job.
const workerJs = join(__dirname, '../../apps/api/dist/apps/api/src/worker.js');
const REF = 'digcomp-2.2:3.1';

interface Child {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<unknown>;
}

function startChildWorker(prefix: string, env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, [workerJs], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: testEnv.databaseUrl(),
      REDIS_URL: testEnv.redisUrl(),
      QUEUE_PREFIX: prefix,
      RUN_MIGRATIONS: 'false',
      LOG_LEVEL: 'info',
      // a killed worker's job is taken back after ~2 lock periods instead of 30 s
      ASSESSMENT_WORKER_LOCK_MS: '1500',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exit };
}

(existsSync(workerJs) ? describe : describe.skip)('assessment: exactly one grade when the worker is killed mid-job (compiled worker in a child process)', () => {
  const prefix = ownQueuePrefix('assessment-kill');
  let api: RunningApi;
  let db: DataSource;
  let author: TestPerson;
  let learner: TestPerson;
  const children: Child[] = [];

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix }); // no worker in this process: the child takes the jobs
    db = api.app.get<DataSource>(getDataSourceToken());
    author = await createPerson(db, { roles: [{ role: 'author' }] });
    learner = await createPerson(db);
  });
  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await api?.close();
    await deleteKeysWithPrefix(prefix);
  });

  it('a worker killed before COMMIT leaves nothing; the restarted worker grades once; a redelivery changes nothing', async () => {
    const kinds = itemInputs(REF, 1);
    for (const kind of ['single_choice', 'true_false', 'numeric']) expect((await client(api.url, author).post('/api/v1/assessment/items', kinds[kind]!.input)).status).toBe(201);
    const course = await createQuizCourse(db);
    await enrol(db, learner.id, course);
    const quiz = await client(api.url, author).post('/api/v1/assessment/quizzes', { lessonId: course.lessonId, title: 'Kill', passPercent: 60, blueprint: [{ competencyRef: REF, level: 1, count: 3 }] });
    expect(quiz.status).toBe(201);
    const me = client(api.url, learner);
    const attempt = (await me.post(`/api/v1/quizzes/${quiz.body.id}/attempts`, { lessonId: course.lessonId })).body as { id: string; items: { itemId: string; kind: string }[] };
    for (const item of attempt.items) expect((await me.put(`/api/v1/attempts/${attempt.id}/answers/${item.itemId}`, kinds[item.kind]!.right)).status).toBe(200);

    const counts = async () =>
      ((await db.query(
        `SELECT a.status, (SELECT count(*) FROM grades WHERE attempt_id = a.id)::int AS grades,
                (SELECT count(*) FROM competency_evidence WHERE source_id = a.id)::int AS evidence,
                (SELECT count(*) FROM attempt_items WHERE attempt_id = a.id AND score IS NOT NULL)::int AS scored
           FROM quiz_attempts a WHERE a.id = $1`,
        [attempt.id],
      )) as { status: string; grades: number; evidence: number; scored: number }[])[0]!;

    // 1. a worker that holds the grading transaction open before COMMIT, killed there
    const first = startChildWorker(prefix, { ASSESSMENT_TEST_PAUSE_BEFORE_COMMIT_MS: '120000' });
    children.push(first);
    expect((await me.post(`/api/v1/attempts/${attempt.id}/submit`)).status).toBe(200);
    await waitFor(async () => (first.output().includes(`ASSESSMENT_TEST_PAUSED_BEFORE_COMMIT ${attempt.id}`) ? true : undefined), 'the first worker to pause before COMMIT', 90_000);
    first.child.kill('SIGKILL');
    await first.exit;
    expect(await counts()).toEqual({ status: 'submitted', grades: 0, evidence: 0, scored: 0 });

    // 2. a new worker takes the stalled job back and grades it, once
    const second = startChildWorker(prefix);
    children.push(second);
    await waitFor(async () => ((await counts()).status === 'graded' ? true : undefined), 'the restarted worker to grade the attempt', 30_000);
    expect(await counts()).toEqual({ status: 'graded', grades: 1, evidence: 1, scored: 3 });
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Assessment));
    const job = await queue.getJob(jobId(JobName.GradeAttempt, attempt.id));
    await waitFor(async () => ((await job!.getState()) === 'completed' ? true : undefined), 'the grading job to complete');

    // 3. delivered again (another job for the same attempt, past the job-id guard): nothing changes
    const again = await queue.add(JobName.GradeAttempt, { attemptId: attempt.id }, { jobId: `redelivery.${attempt.id}` });
    await waitFor(async () => ((await again.getState()) === 'completed' ? true : undefined), 'the redelivered job to complete');
    expect((await queue.getJob(again.id!))!.returnvalue).toEqual({ outcome: 'already-graded', passed: true });
    expect(await counts()).toEqual({ status: 'graded', grades: 1, evidence: 1, scored: 3 });
    const result = await me.get(`/api/v1/attempts/${attempt.id}`);
    expect(result.body.grade).toMatchObject({ percent: 100, passed: true });

    second.child.kill('SIGTERM');
    await second.exit;
  }, 180_000);
});
