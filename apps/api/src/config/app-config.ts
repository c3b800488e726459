import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

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

  /** How many reverse proxies stand in front of the API (0: none; 1 behind nginx); X-Forwarded-For is believed only from them. */
  @Transform(toInt)
  @IsInt({ message: 'TRUST_PROXY must be a whole number of proxy hops' })
  @Min(0)
  @Max(10)
  TRUST_PROXY = 0;

  /** Run pending migrations (under an advisory lock) before the API serves. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'RUN_MIGRATIONS must be true or false' })
  RUN_MIGRATIONS = true;

  /** Enqueue the idempotent import of the demo courses at boot (used by `npm start`). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEMO_CONTENT must be true or false' })
  DEMO_CONTENT = false;

  /** With DEMO_CONTENT: create demo accounts (administrator, officials) with this password. Never in production. */
  @IsOptional()
  @MinLength(12, { message: 'DEMO_ACCOUNTS_PASSWORD must be at least 12 characters' })
  DEMO_ACCOUNTS_PASSWORD?: string;

  /** Folder of the built web app; when set, the API serves it on the same origin as /api. */
  @IsOptional()
  @IsString()
  WEB_DIST?: string;

  /** Password of the queue dashboard at /api/admin/queues (user "admin"); the dashboard is off when unset. */
  @IsOptional()
  @MinLength(12, { message: 'QUEUE_DASHBOARD_PASSWORD must be at least 12 characters' })
  QUEUE_DASHBOARD_PASSWORD?: string;

  /**
   * Sign-in with the national digital ID (OpenID Connect): the provider's issuer URL. The feature is
   * off when unset; when set, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and NATIONAL_ID_HMAC_KEY are required.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'OIDC_ISSUER must be an absolute http(s) URL' })
  OIDC_ISSUER?: string;

  @ValidateIf((c: AppConfig) => c.OIDC_ISSUER !== undefined)
  @IsString()
  @MinLength(1, { message: 'OIDC_CLIENT_ID is required when OIDC_ISSUER is set' })
  OIDC_CLIENT_ID?: string;

  @ValidateIf((c: AppConfig) => c.OIDC_ISSUER !== undefined)
  @IsString()
  @MinLength(1, { message: 'OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set' })
  OIDC_CLIENT_SECRET?: string;

  /** Where the provider sends the browser back; default: PUBLIC_URL + /api/v1/auth/oidc/callback. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'OIDC_REDIRECT_URI must be an absolute http(s) URL' })
  OIDC_REDIRECT_URI?: string;

  /** Scopes asked of the provider (space-separated); must include openid. */
  @Matches(/(^|\s)openid(\s|$)/, { message: 'OIDC_SCOPES must include openid' })
  OIDC_SCOPES = 'openid profile';

  /** Claim (ID token or userinfo) holding the national ID number; stored only as an HMAC. */
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'OIDC_NATIONAL_ID_CLAIM must be a claim name' })
  OIDC_NATIONAL_ID_CLAIM = 'national_id';

  /** Claim holding the person's name (becomes the display name of a new account). */
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'OIDC_NAME_CLAIM must be a claim name' })
  OIDC_NAME_CLAIM = 'name';

  /** Key of the HMAC-SHA256 under which national ID numbers are kept (for de-duplication); ≥ 32 characters. */
  @ValidateIf((c: AppConfig) => c.OIDC_ISSUER !== undefined || c.NATIONAL_ID_HMAC_KEY !== undefined)
  @IsString()
  @MinLength(32, { message: 'NATIONAL_ID_HMAC_KEY must be at least 32 characters (required when OIDC_ISSUER is set)' })
  NATIONAL_ID_HMAC_KEY?: string;

  /** == media == Where stored files go: `local` disk (STORAGE_DIR) or an `s3`-compatible store (S3_*). */
  @IsIn(['local', 's3'], { message: 'STORAGE_DRIVER must be local or s3' })
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** Folder of the local storage driver; default: $HOCSO_DATA_DIR/storage, else .data/storage under the working directory. */
  @IsOptional()
  @IsString()
  STORAGE_DIR?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'S3_ENDPOINT must be an absolute http(s) URL' })
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  @ValidateIf((c: AppConfig) => c.STORAGE_DRIVER === 's3')
  @IsString()
  @MinLength(1, { message: 'S3_BUCKET is required when STORAGE_DRIVER is s3' })
  S3_BUCKET?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  /** Largest video upload accepted, in bytes (default 2 GiB). */
  @Transform(toInt)
  @IsInt({ message: 'MEDIA_MAX_UPLOAD_BYTES must be a whole number of bytes' })
  @Min(1)
  MEDIA_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

  /** Time limit of one ffmpeg run; the process group is killed past it. */
  @Transform(toInt)
  @IsInt({ message: 'MEDIA_TRANSCODE_TIMEOUT_SECONDS must be a whole number of seconds' })
  @Min(1)
  MEDIA_TRANSCODE_TIMEOUT_SECONDS = 3600;

  /** Local scratch folder for uploads in progress and transcoding; default: the system temp dir + /hocso-media. */
  @IsOptional()
  @IsString()
  MEDIA_WORK_DIR?: string;

  /** == certificates == Ed25519 signing keys: JSON list of {id, seed (32 bytes hex/base64url) | privateKeyPem | publicKeyMultibase (retired)}. Required in production. */
  @IsOptional()
  @IsString()
  CERT_SIGNING_KEYS?: string;

  /** Id of the key in CERT_SIGNING_KEYS that signs new credentials (default: the last one). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'CERT_ACTIVE_KEY_ID must be a key id' })
  CERT_ACTIVE_KEY_ID?: string;

  /** Outside production, without CERT_SIGNING_KEYS: file of the generated key; default $HOCSO_DATA_DIR or .data, certificate-signing-key.json. */
  @IsOptional()
  @IsString()
  CERT_DEV_KEY_FILE?: string;

  /** Name of the issuer on certificates and credentials. */
  @IsString()
  @MinLength(1)
  CERT_ISSUER_NAME = 'Học số — Bình dân học vụ số';

  /** Every how many minutes the worker looks for completions, confirmations and undelivered outbox rows (0: never). */
  @Transform(toInt)
  @IsInt({ message: 'CERT_SWEEP_MINUTES must be a whole number of minutes' })
  @Min(0)
  CERT_SWEEP_MINUTES = 10;

  /** Endpoint of the national ID system receiving confirmations of universalisation (https in production; off when unset). */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'NATIONAL_ID_CONFIRMATION_URL must be an absolute http(s) URL' })
  NATIONAL_ID_CONFIRMATION_URL?: string;

  /** Shared secret of the HMAC-SHA256 request signature (≥ 32 characters). */
  @ValidateIf((c: AppConfig) => c.NATIONAL_ID_CONFIRMATION_URL !== undefined || c.NATIONAL_ID_CONFIRMATION_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'NATIONAL_ID_CONFIRMATION_SECRET must be at least 32 characters (required with NATIONAL_ID_CONFIRMATION_URL)' })
  NATIONAL_ID_CONFIRMATION_SECRET?: string;

  /** Delivery attempts before a confirmation is dead (an administrator can replay it), and the first backoff delay. */
  @Transform(toInt)
  @IsInt({ message: 'NATIONAL_ID_CONFIRMATION_ATTEMPTS must be a whole number' })
  @Min(1)
  NATIONAL_ID_CONFIRMATION_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt({ message: 'NATIONAL_ID_CONFIRMATION_BACKOFF_MS must be a whole number of milliseconds' })
  @Min(1)
  NATIONAL_ID_CONFIRMATION_BACKOFF_MS = 5000;

  /** Forward every stored xAPI statement to this external LRS endpoint (e.g. https://lrs.example/xapi); off when unset. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'XAPI_FORWARD_URL must be an absolute http(s) URL' })
  XAPI_FORWARD_URL?: string;

  /** HTTP Basic credentials at the external LRS (with XAPI_FORWARD_URL). */
  @IsOptional()
  @IsString()
  XAPI_FORWARD_USERNAME?: string;

  @IsOptional()
  @IsString()
  XAPI_FORWARD_PASSWORD?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws a ConfigError whose message is one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const source: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL', 'WEB_DIST', 'QUEUE_DASHBOARD_PASSWORD', 'DEMO_ACCOUNTS_PASSWORD',
    'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI', 'NATIONAL_ID_HMAC_KEY',
    'STORAGE_DIR', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'MEDIA_WORK_DIR',
    'CERT_SIGNING_KEYS', 'CERT_ACTIVE_KEY_ID', 'CERT_DEV_KEY_FILE', 'NATIONAL_ID_CONFIRMATION_URL', 'NATIONAL_ID_CONFIRMATION_SECRET',
    'XAPI_FORWARD_URL', 'XAPI_FORWARD_USERNAME', 'XAPI_FORWARD_PASSWORD']) {
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
