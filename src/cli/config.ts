import { dirname, join } from 'node:path';
import type { RateLimitSettings } from '../http/rate-limits.js';
import type { SignInSettings } from '../directory/sign-in/sign-in-settings.js';

/** Configuration is read once, here, from the environment; validated, frozen and passed in. */
export interface Config {
  readonly host: string;
  readonly port: number;
  readonly publicBaseUrl: string;
  /** Whether ROSTER_PUBLIC_URL set publicBaseUrl, or it was made from ROSTER_HOST and ROSTER_PORT. */
  readonly publicBaseUrlFrom: 'ROSTER_PUBLIC_URL' | 'ROSTER_HOST and ROSTER_PORT';
  readonly database: DatabaseLocation;
  readonly logLevel: LogLevel;
  readonly tokenLifetimeDays: number;
  readonly bodyLimitBytes: number;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  readonly databasePoolSize: number;
  readonly statementTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
  readonly cursorTimeoutSeconds: number;
  readonly createRetryWindowSeconds: number;
  readonly bulkMaxOperations: number;
  readonly bulkMaxPayloadBytes: number;
  readonly jobPollMs: number;
  /** Days events are kept in the outbox (the events API reads back this far). */
  readonly eventRetentionDays: number;
  /** Days the provisioning log keeps SCIM requests. */
  readonly provisioningLogRetentionDays: number;
  /** Attributes the provisioning log redacts from request bodies, besides password. */
  readonly provisioningLogRedact: readonly string[];
  /** Webhook endpoints may target loopback, private, link-local and unique-local addresses. */
  readonly allowPrivateWebhookUrls: boolean;
  /** How often an instance looks for webhook deliveries that are due. */
  readonly webhookPollMs: number;
  /** The bearer token `GET /metrics` requires; undefined: no metrics endpoint. Never logged. */
  readonly metricsToken: string | undefined;
  /** Token verification: clock leeway, JWKS caching, fetch limits and SSRF protection. */
  readonly signIn: SignInSettings;
  /** Requests per second per integration (SCIM) and per admin key (admin API), per instance; 0: none. */
  readonly rateLimits: RateLimitSettings;
  /** Where the keys that encrypt recoverable secrets come from (src/cli/secret-keys.ts reads them). */
  readonly secretKeys: SecretKeySource;
}

/**
 * `environment`: ROSTER_SECRET_KEY (current) and ROSTER_SECRET_KEY_PREVIOUS (read only), validated here.
 * `file`: ROSTER_SECRET_KEY_FILE, or when nothing is set a generated file (`generated: true`) beside the
 * SQLite database or in ./data; read (and created) when a command needs the keys.
 */
export type SecretKeySource =
  | { readonly kind: 'environment'; readonly keys: readonly Uint8Array[] }
  | { readonly kind: 'file'; readonly path: string; readonly generated: boolean };

export type DatabaseLocation =
  | { readonly engine: 'sqlite'; readonly file: string }
  | { readonly engine: 'postgres'; readonly url: string; readonly schema: string | undefined };

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Environment = Readonly<Record<string, string | undefined>>;

/** Reads every ROSTER_* variable and reports every bad one at once. */
export function loadConfig(env: Environment): Config {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}; got ${JSON.stringify(raw)}.`);
      return fallback;
    }
    return value;
  };

  const host = env.ROSTER_HOST?.trim() || '127.0.0.1';
  const port = integer('ROSTER_PORT', 8080, 0, 65535);
  const publicBaseUrl = parsePublicUrl(
    env.ROSTER_PUBLIC_URL,
    `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    problems,
  );
  const database = parseDatabaseUrl(
    env.ROSTER_DATABASE_URL ?? 'sqlite:./data/roster.db',
    env.ROSTER_DATABASE_SCHEMA,
    problems,
  );

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name} must be true or false; got ${JSON.stringify(env[name])}.`);
    return fallback;
  };

  const levelText = (env.ROSTER_LOG_LEVEL ?? 'info').toLowerCase();
  const logLevel = logLevels.find((l) => l === levelText);
  if (!logLevel)
    problems.push(
      `ROSTER_LOG_LEVEL must be one of ${logLevels.join(', ')}; got ${JSON.stringify(env.ROSTER_LOG_LEVEL)}.`,
    );

  const config: Config = {
    host,
    port,
    publicBaseUrl,
    publicBaseUrlFrom: env.ROSTER_PUBLIC_URL?.trim() ? 'ROSTER_PUBLIC_URL' : 'ROSTER_HOST and ROSTER_PORT',
    database,
    logLevel: logLevel ?? 'info',
    tokenLifetimeDays: integer('ROSTER_TOKEN_LIFETIME_DAYS', 365, 1, 3650),
    bodyLimitBytes: integer('ROSTER_BODY_LIMIT_BYTES', 1_048_576, 1024, 256 * 1_048_576),
    defaultPageSize: integer('ROSTER_DEFAULT_PAGE_SIZE', 100, 1, 10_000),
    maxPageSize: integer('ROSTER_MAX_PAGE_SIZE', 1000, 1, 10_000),
    databasePoolSize: integer('ROSTER_DATABASE_POOL_SIZE', 10, 1, 1000),
    statementTimeoutMs: integer('ROSTER_STATEMENT_TIMEOUT_MS', 30_000, 100, 3_600_000),
    shutdownTimeoutMs: integer('ROSTER_SHUTDOWN_TIMEOUT_MS', 25_000, 0, 600_000),
    cursorTimeoutSeconds: integer('ROSTER_CURSOR_TIMEOUT_SECONDS', 3600, 10, 7 * 86_400),
    createRetryWindowSeconds: integer('ROSTER_CREATE_RETRY_WINDOW_SECONDS', 600, 0, 86_400),
    jobPollMs: integer('ROSTER_JOB_POLL_MS', 1000, 50, 600_000),
    eventRetentionDays: integer('ROSTER_EVENT_RETENTION_DAYS', 30, 1, 3650),
    allowPrivateWebhookUrls: boolean('ROSTER_ALLOW_PRIVATE_WEBHOOK_URLS', false),
    webhookPollMs: integer('ROSTER_WEBHOOK_POLL_MS', 500, 20, 3_600_000),
    metricsToken: metricsToken(env.ROSTER_METRICS_TOKEN, problems),
    provisioningLogRetentionDays: integer('ROSTER_PROVISIONING_LOG_RETENTION_DAYS', 30, 1, 3650),
    provisioningLogRedact: Object.freeze(
      (env.ROSTER_PROVISIONING_LOG_REDACT ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
    bulkMaxOperations: integer('ROSTER_BULK_MAX_OPERATIONS', 1000, 1, 100_000),
    bulkMaxPayloadBytes: integer('ROSTER_BULK_MAX_PAYLOAD_BYTES', 4 * 1_048_576, 1024, 256 * 1_048_576),
    signIn: Object.freeze({
      clockSkewSeconds: integer('ROSTER_JWT_CLOCK_SKEW_SECONDS', 60, 0, 600),
      jwksCacheSeconds: integer('ROSTER_JWKS_CACHE_SECONDS', 600, 1, 86_400),
      jwksMinRefreshSeconds: integer('ROSTER_JWKS_MIN_REFRESH_SECONDS', 30, 1, 3600),
      jwksTimeoutMs: integer('ROSTER_JWKS_TIMEOUT_MS', 5000, 100, 60_000),
      jwksMaxBytes: integer('ROSTER_JWKS_MAX_BYTES', 262_144, 1024, 10 * 1_048_576),
      allowPrivateJwksUrls: boolean('ROSTER_ALLOW_PRIVATE_JWKS_URLS', false),
    }),
    rateLimits: Object.freeze({
      scimPerSecond: integer('ROSTER_RATE_LIMIT_SCIM_PER_SECOND', 2000, 0, 10_000_000),
      adminPerSecond: integer('ROSTER_RATE_LIMIT_ADMIN_PER_SECOND', 100, 0, 10_000_000),
    }),
    secretKeys: parseSecretKeySource(env, database, problems),
  };
  if (config.defaultPageSize > config.maxPageSize) {
    problems.push('ROSTER_DEFAULT_PAGE_SIZE must not exceed ROSTER_MAX_PAGE_SIZE.');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function metricsToken(raw: string | undefined, problems: string[]): string | undefined {
  const token = raw?.trim();
  if (!token) return undefined;
  if (token.length < 16 || /\s/.test(token)) {
    problems.push('ROSTER_METRICS_TOKEN must be at least 16 characters without spaces.');
    return undefined;
  }
  return token;
}

function parsePublicUrl(raw: string | undefined, fallback: string, problems: string[]): string {
  if (raw === undefined || raw.trim() === '') return fallback;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    if (url.search || url.hash) throw new Error('query');
    return url.toString().replace(/\/+$/, '');
  } catch {
    problems.push(
      `ROSTER_PUBLIC_URL must be an http(s) URL without query or fragment; got ${JSON.stringify(raw)}.`,
    );
    return fallback;
  }
}

function parseDatabaseUrl(raw: string, schema: string | undefined, problems: string[]): DatabaseLocation {
  const text = raw.trim();
  if (schema !== undefined && schema !== '' && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    problems.push(
      `ROSTER_DATABASE_SCHEMA must be a plain lower-case PostgreSQL identifier; got ${JSON.stringify(schema)}.`,
    );
  }
  if (/^postgres(ql)?:\/\//i.test(text))
    return { engine: 'postgres', url: text, schema: schema || undefined };
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/i.exec(text);
  if (sqlite?.[1]) return { engine: 'sqlite', file: sqlite[1] };
  problems.push(`ROSTER_DATABASE_URL must be sqlite:PATH or postgres://...; got ${JSON.stringify(raw)}.`);
  return { engine: 'sqlite', file: './data/roster.db' };
}

/**
 * Where Roster writes files of its own (a generated secret key file, the bootstrap admin key): beside
 * the SQLite database, or ./data on PostgreSQL.
 */
export function dataDirectory(database: DatabaseLocation): string {
  return database.engine === 'sqlite' && database.file !== ':memory:' ? dirname(database.file) : './data';
}

/** A base64 text of exactly 32 bytes, or undefined (the caller reports it). */
export function decodeSecretKey(text: string): Uint8Array | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

function parseSecretKeySource(
  env: Environment,
  database: DatabaseLocation,
  problems: string[],
): SecretKeySource {
  const key = env.ROSTER_SECRET_KEY?.trim();
  const file = env.ROSTER_SECRET_KEY_FILE?.trim();
  const previous = (env.ROSTER_SECRET_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (key && file) problems.push('Set ROSTER_SECRET_KEY or ROSTER_SECRET_KEY_FILE, not both.');
  if (key) {
    const keys: Uint8Array[] = [];
    for (const [name, text] of [
      ['ROSTER_SECRET_KEY', key] as const,
      ...previous.map((k) => ['ROSTER_SECRET_KEY_PREVIOUS', k] as const),
    ]) {
      const decoded = decodeSecretKey(text);
      // Never echo the value: it is a key.
      if (decoded) keys.push(decoded);
      else problems.push(`${name} must hold base64 keys of exactly 32 bytes (openssl rand -base64 32).`);
    }
    return { kind: 'environment', keys };
  }
  if (previous.length > 0) {
    problems.push(
      'ROSTER_SECRET_KEY_PREVIOUS is read only with ROSTER_SECRET_KEY (a key file lists old keys itself).',
    );
  }
  if (file) return { kind: 'file', path: file, generated: false };
  return { kind: 'file', path: join(dataDirectory(database), 'roster-secret.key'), generated: true };
}
