import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CHECKPOINT_INTERVAL, parseCheckpointInterval } from '@jejak/audit';
import type { EventStoreOptions } from '@jejak/event-store';
import { parseRemindersConfig, type RemindersConfig } from '@jejak/reminders';
import { EnvReader, type Env } from './config/env-reader.js';
import {
  jwksUrlProblem,
  readSecurity,
  SECURITY_CONFIG_KEYS,
  type SecurityConfig,
} from './security/security.config.js';

export { ConfigValidationError, type ConfigProblem, type Env } from './config/env-reader.js';

/**
 * Every variable the API (and the worker) reads. `test/infra/infra.e2e-spec.ts` checks that each
 * appears in `.env.example`, the compose files and the Kubernetes ConfigMap/Secret references: keep
 * this list equal to what `loadApiConfig` reads. An empty value means "unset" (the ConfigMap
 * cannot leave a key out, so optional variables appear there as '').
 */
export const CONFIG_KEYS = [
  'PORT',
  'HOST',
  'EVENT_STORE',
  'EVENT_STORE_PATH',
  'DATA_DIR',
  'DATABASE_URL',
  'EVENTSTORE_CONNECTION_STRING',
  'JWT_SECRET',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'REDIS_URL',
  'WORKERS',
  'BODY_LIMIT',
  'MEMBERSHIP_CHECK',
  'PUBLIC_BASE_URL',
  'LOG_LEVEL',
  'METRICS_TOKEN',
  'METRICS_PORT',
  // Reminders (libs/reminders parseRemindersConfig, REMINDER_CONFIG_KEYS): offsets, channels,
  // recipients, language, the BullMQ key prefix and how many jobs a worker fires at once.
  'REMINDER_OFFSETS',
  'REMINDER_RECIPIENTS',
  'NOTIFY_LANG',
  'WEBHOOK_URL',
  'WEBHOOK_SECRET',
  'SMTP_URL',
  'SMTP_FROM',
  'REMINDER_QUEUE_PREFIX',
  'REMINDER_CONCURRENCY',
  // Audit (libs/audit): Ed25519 signing key (PEM; generated into DATA_DIR when unset), and how
  // often every moved stream gets a signed checkpoint.
  'AUDIT_SIGNING_KEY',
  'AUDIT_TRUSTED_PUBLIC_KEYS',
  'AUDIT_CHECKPOINT_INTERVAL',
  // Security (apps/api/src/security): NODE_ENV, demo sign-in opt-in, rate limits, timeouts.
  ...SECURITY_CONFIG_KEYS,
  // Evidence files (libs/documents): the largest file POST /documents accepts.
  'DOCUMENT_MAX_BYTES',
] as const;

export type ConfigKey = (typeof CONFIG_KEYS)[number];

export const EVENT_STORE_KINDS = ['embedded', 'postgres', 'eventstoredb'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const DEFAULT_PORT = 3000;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
const MIN_SECRET_BYTES = 32;

/**
 * How bearer tokens are trusted. `secret` undefined with `generatedSecretDir` set: embedded mode
 * without JWT_SECRET, the secret is generated once into that directory (`jwt-secret`, 0600).
 */
export type AuthConfig = {
  secret?: string;
  generatedSecretDir?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
};

export type ApiConfigValues = {
  port: number;
  host: string;
  /** Absolute. Local state: the embedded store, the generated JWT secret. */
  dataDir: string;
  eventStore: EventStoreOptions;
  auth: AuthConfig;
  redisUrl: string;
  /** `inline`: this process also runs projections and reminders; `off`: a worker does. */
  workers: 'inline' | 'off';
  /** Largest accepted JSON body in bytes. */
  bodyLimit: number;
  membershipCheck: 'strict' | 'off';
  publicBaseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  metricsToken?: string;
  metricsPort?: number;
  audit: AuditConfig;
  /** Reminders (`parseRemindersConfig`), hosted here with WORKERS=inline. */
  reminders?: RemindersConfig;
  security: SecurityConfig;
  /** Largest evidence file POST /documents accepts, in bytes (413 above). */
  documentMaxBytes: number;
};

/**
 * `signingKeyPem` unset: a key is generated once into DATA_DIR/audit-signing-key.pem (0600).
 * `trustedPublicKeys`: earlier keys' public PEMs (or a file of them), checked by libs/audit.
 */
export type AuditConfig = {
  signingKeyPem?: string;
  trustedPublicKeys?: string;
  checkpointIntervalMs: number | null;
};

function readAudit(read: EnvReader): AuditConfig {
  const signingKeyPem = read.string('AUDIT_SIGNING_KEY');
  const trustedPublicKeys = read.string('AUDIT_TRUSTED_PUBLIC_KEYS');
  const text = read.string('AUDIT_CHECKPOINT_INTERVAL') ?? DEFAULT_CHECKPOINT_INTERVAL;
  const checkpointIntervalMs = parseCheckpointInterval(text);
  if (checkpointIntervalMs === undefined) {
    read.problem(
      'AUDIT_CHECKPOINT_INTERVAL',
      `must be <n>s, m, h or d (at least 10s) or off (got ${JSON.stringify(text)})`,
    );
  }
  return {
    ...(signingKeyPem === undefined ? {} : { signingKeyPem }),
    ...(trustedPublicKeys === undefined ? {} : { trustedPublicKeys }),
    checkpointIntervalMs: checkpointIntervalMs ?? null,
  };
}

/**
 * The API's typed, validated configuration (inject it by class: `constructor(config: ApiConfig)`).
 * Built by `loadApiConfig(env)`; tests build one from an object.
 */
export class ApiConfig implements ApiConfigValues {
  readonly port!: number;
  readonly host!: string;
  readonly dataDir!: string;
  readonly eventStore!: EventStoreOptions;
  readonly auth!: AuthConfig;
  readonly redisUrl!: string;
  readonly workers!: 'inline' | 'off';
  readonly bodyLimit!: number;
  readonly membershipCheck!: 'strict' | 'off';
  readonly publicBaseUrl!: string;
  readonly logLevel!: (typeof LOG_LEVELS)[number];
  readonly metricsToken?: string;
  readonly metricsPort?: number;
  readonly audit!: AuditConfig;
  readonly reminders?: RemindersConfig;
  readonly security!: SecurityConfig;
  readonly documentMaxBytes!: number;

  constructor(values: ApiConfigValues) {
    Object.assign(this, values);
    Object.freeze(this);
  }
}

function readEventStore(read: EnvReader, dataDir: string): EventStoreOptions {
  const kind = read.oneOf('EVENT_STORE', EVENT_STORE_KINDS, 'embedded');
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  switch (kind) {
    case 'embedded':
      return { kind, path: resolve(read.string('EVENT_STORE_PATH') ?? join(dataDir, 'jejak.db')) };
    case 'postgres':
      if (databaseUrl === undefined && read.string('DATABASE_URL') === undefined) {
        read.problem('DATABASE_URL', 'is required when EVENT_STORE=postgres');
      }
      return { kind, databaseUrl };
    case 'eventstoredb': {
      // esdb: uses @eventstore/db-client; kurrentdb: its successor @kurrent/kurrentdb-client.
      const connectionString = read.url('EVENTSTORE_CONNECTION_STRING', [
        'esdb:',
        'esdb+discover:',
        'kurrentdb:',
        'kurrentdb+discover:',
      ]);
      if (
        connectionString === undefined &&
        read.string('EVENTSTORE_CONNECTION_STRING') === undefined
      ) {
        read.problem('EVENTSTORE_CONNECTION_STRING', 'is required when EVENT_STORE=eventstoredb');
      }
      const readModels = databaseUrl
        ? { kind: 'postgres' as const, databaseUrl }
        : { kind: 'embedded' as const, path: join(dataDir, 'jejak-read-models.db') };
      return { kind, connectionString, readModels };
    }
    default: {
      const unknownKind: never = kind;
      return unknownKind;
    }
  }
}

function readAuth(read: EnvReader, dataDir: string, embedded: boolean): AuthConfig {
  const secret = read.string('JWT_SECRET');
  if (secret !== undefined && Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    read.problem(
      'JWT_SECRET',
      `must be at least ${MIN_SECRET_BYTES} bytes (openssl rand -base64 48)`,
    );
  }
  const jwksUrl = read.url('JWT_JWKS_URL', ['https:', 'http:']);
  // Keys fetched over plain HTTP can be swapped on the way: https only, except on this machine.
  if (jwksUrl !== undefined && jwksUrlProblem(jwksUrl)) {
    read.problem('JWT_JWKS_URL', jwksUrlProblem(jwksUrl) as string);
  }
  const issuer = read.string('JWT_ISSUER');
  const audience = read.string('JWT_AUDIENCE');
  if (read.string('JWT_JWKS_URL') !== undefined) {
    if (issuer === undefined) read.problem('JWT_ISSUER', 'is required with JWT_JWKS_URL');
    if (audience === undefined) read.problem('JWT_AUDIENCE', 'is required with JWT_JWKS_URL');
  }
  if (secret === undefined && read.string('JWT_JWKS_URL') === undefined && !embedded) {
    read.problem(
      'JWT_SECRET',
      'is required (or JWT_JWKS_URL) unless EVENT_STORE=embedded: instances must share one secret',
    );
  }
  const generate = secret === undefined && jwksUrl === undefined && embedded;
  return {
    ...(secret === undefined ? {} : { secret }),
    ...(generate ? { generatedSecretDir: dataDir } : {}),
    ...(jwksUrl === undefined ? {} : { jwksUrl }),
    ...(issuer === undefined ? {} : { issuer }),
    ...(audience === undefined ? {} : { audience }),
  };
}

/** What unset variables mean beyond the built-in defaults (`npm start`: demo sign-in on). */
export type LoadDefaults = { demoSignIn?: 'on' | 'off' };

/**
 * The configuration from an environment (pure: pass `process.env` or a test's object). Defaults
 * run the embedded store under ./data on port 3000. Throws `ConfigValidationError` naming every
 * variable at fault.
 */
export function loadApiConfig(env: Env, defaults: LoadDefaults = {}): ApiConfig {
  const read = new EnvReader(env);
  const port = read.integer('PORT', { min: 0, max: 65535 }) ?? DEFAULT_PORT;
  const host = read.string('HOST') ?? '127.0.0.1';
  const dataDir = resolve(read.string('DATA_DIR') ?? './data');
  const eventStore = readEventStore(read, dataDir);
  const auth = readAuth(read, dataDir, eventStore.kind === 'embedded');
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const metricsToken = read.string('METRICS_TOKEN');
  const metricsPort = read.integer('METRICS_PORT', { min: 1, max: 65535 });
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']) ?? 'redis://127.0.0.1:6379';
  const publicBaseUrl =
    read.url('PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://${shownHost}:${port}`;
  const config = new ApiConfig({
    port,
    host,
    dataDir,
    eventStore,
    auth,
    redisUrl,
    workers: read.oneOf('WORKERS', ['inline', 'off'], 'inline'),
    bodyLimit:
      read.integer('BODY_LIMIT', { min: 1024, max: 64 * 1024 * 1024 }) ?? DEFAULT_BODY_LIMIT,
    membershipCheck: read.oneOf('MEMBERSHIP_CHECK', ['strict', 'off'], 'off'),
    publicBaseUrl,
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    ...(metricsToken === undefined ? {} : { metricsToken }),
    ...(metricsPort === undefined ? {} : { metricsPort }),
    audit: readAudit(read),
    documentMaxBytes:
      read.integer('DOCUMENT_MAX_BYTES', { min: 1024, max: 64 * 1024 * 1024 }) ??
      DEFAULT_DOCUMENT_MAX_BYTES,
    reminders: parseRemindersConfig({
      ...env,
      REDIS_URL: redisUrl,
      PUBLIC_BASE_URL: publicBaseUrl,
    }),
    security: readSecurity(read, {
      host,
      embedded: eventStore.kind === 'embedded',
      configuredTrust: auth.secret !== undefined || read.string('JWT_JWKS_URL') !== undefined,
      demoSignInDefault: defaults.demoSignIn ?? 'off',
    }),
  });
  read.finish();
  return config;
}

/**
 * The configuration of this process: `process.env`, plus a `.env` file in the working directory
 * if there is one (variables already set win). The only reader of `process.env` in the API.
 */
export function readApiConfig(envFile = '.env', defaults: LoadDefaults = {}): ApiConfig {
  if (existsSync(envFile) && typeof process.loadEnvFile === 'function')
    process.loadEnvFile(envFile);
  return loadApiConfig(process.env, defaults);
}
