import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);

/**
 * Every setting of the API and the worker, read from the environment once at boot.
 * A missing or malformed value stops the process with one line naming the variable.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL!: string;

  /** Prefix of every BullMQ key, so that several installations (or test runs) can share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1-64 letters, digits, - or _' })
  QUEUE_PREFIX = 'hocso';

  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL must be an absolute http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Run pending migrations (under an advisory lock) before the API serves. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'RUN_MIGRATIONS must be true or false' })
  RUN_MIGRATIONS = true;

  /** Enqueue the idempotent import of the demo courses at boot (used by `npm start`). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEMO_CONTENT must be true or false' })
  DEMO_CONTENT = false;

  /** Folder of the built web app; when set, the API serves it on the same origin as /api. */
  @IsOptional()
  @IsString()
  WEB_DIST?: string;

  /** Password of the queue dashboard at /api/admin/queues (user "admin"); the dashboard is off when unset. */
  @IsOptional()
  @MinLength(12, { message: 'QUEUE_DASHBOARD_PASSWORD must be at least 12 characters' })
  QUEUE_DASHBOARD_PASSWORD?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws a ConfigError whose message is one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const source: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL', 'WEB_DIST', 'QUEUE_DASHBOARD_PASSWORD']) {
    const value = env[key];
    if (value !== undefined && value !== '') source[key] = value;
  }
  const config = plainToInstance(AppConfig, source, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      // Name the type problem first (a non-number PORT also fails Min/Max, which says less).
      const constraints = e.constraints ?? {};
      const key = ['isInt', 'isBoolean', 'matches', 'isIn', 'isUrl'].find((k) => k in constraints) ?? Object.keys(constraints)[0];
      const first = (key && constraints[key]) || 'is invalid';
      return e.value === undefined ? `${e.property} is required (${first})` : first.startsWith(e.property) ? first : `${e.property}: ${first}`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  return config;
}
