/** Names of the variables that `npm test` (scripts/test.ts) hands to jest, with local defaults. */
export const testEnv = {
  postgresAdminUrl: () => process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: () => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  /** Set by the global setup: the database created for this run. */
  databaseUrl: () => required('TEST_DATABASE_URL'),
  /** Set by the global setup: the BullMQ key prefix of this run, so runs never see each other's jobs. */
  queuePrefix: () => required('TEST_QUEUE_PREFIX'),
  webDist: () => process.env.TEST_WEB_DIST,
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\` (or through jest's globalSetup)`);
  return value;
}
