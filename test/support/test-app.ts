import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectionToken, ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { JWT_SECRET_FILE, signToken } from '@jejak/auth';
import { EVENT_STORE, type EventStore, type EventStoreOptions } from '@jejak/event-store';
import type { Role } from '@jejak/workflows';
import { Redis } from 'ioredis';
import request from 'supertest';
import { ApiConfig, loadApiConfig, type Env } from '../../apps/api/src/api.config.js';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { APP_OPTIONS, configureApp, createFastifyAdapter } from '../../apps/api/src/create-app.js';
import { LOG_DESTINATION } from '../../apps/api/src/observability/index.js';
import { captureLogs, type LogLine } from '../observability/capture-logs.js';

/** The HS256 secret every test app trusts (tests sign their tokens with it). */
export const TEST_JWT_SECRET = 'jejak-e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type TestAppOptions = {
  /** Variables on top of the test defaults (temp DATA_DIR, TEST_REDIS_URL, TEST_JWT_SECRET). */
  env?: Env;
  /** Event-store options on top of the config's (e.g. a PostgreSQL `schema` per test file). */
  eventStore?: Partial<EventStoreOptions>;
  /** More modules in the app (a probe controller). */
  imports?: ModuleMetadata['imports'];
  /** Providers to replace, e.g. `{ provide: CLOCK, useValue: fixedClock }`. */
  overrides?: { provide: InjectionToken; useValue: unknown }[];
  /** Reuse this data directory (it is then not removed by `close()`). */
  dataDir?: string;
};

export type Identity = { sub?: string; name?: string; nip?: string; ttl?: string };

export type TestApp = {
  app: NestFastifyApplication;
  config: ApiConfig;
  /** The embedded store's files, the generated secret... removed by `close()` unless given. */
  dataDir: string;
  /** The app's event store, to assert what was (not) written. */
  store: EventStore;
  /** Every log line the app wrote, parsed (nothing goes to the console). */
  logs: LogLine[];
  /** supertest on the app: `t.http().get('/health').expect(200)`. */
  http: () => ReturnType<typeof request>;
  /**
   * A valid token for the role(s), the first being the default acting role; signed with the
   * app's secret (JWT_SECRET, or the one it generated when the test unset it with `''`).
   */
  tokenFor: (roles: Role | readonly Role[], identity?: Identity) => Promise<string>;
  /** Closes this app and starts another on the same data directory and options (a restart). */
  restart: () => Promise<TestApp>;
  /** Closes the app and removes the temporary data directory. */
  close: () => Promise<void>;
};

function testConfig(dataDir: string, options: TestAppOptions): ApiConfig {
  const config = loadApiConfig({
    DATA_DIR: dataDir,
    REDIS_URL: TEST_REDIS_URL,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'debug',
    // Reminder jobs of one app only (apps run in parallel on one Redis); kept across restarts.
    REMINDER_QUEUE_PREFIX: `jejak-e2e-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`,
    ...options.env,
  });
  if (options.eventStore === undefined) return config;
  return new ApiConfig({ ...config, eventStore: { ...config.eventStore, ...options.eventStore } });
}

/** Removes the app's reminder jobs (best effort: the test may have pointed at no Redis). */
async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.unlink(...keys);
  } catch {
    // nothing listens there
  } finally {
    redis.disconnect();
  }
}

/**
 * The real API (ApiModule, the same setup as `createApp`) on a temporary embedded store and the
 * real Redis at TEST_REDIS_URL, built through Nest's testing module so providers can be replaced.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  if (options.dataDir !== undefined) return startIn(options.dataDir, false, options);
  return startIn(mkdtempSync(join(tmpdir(), 'jejak-e2e-')), true, options);
}

async function startIn(
  dataDir: string,
  ownDir: boolean,
  options: TestAppOptions,
): Promise<TestApp> {
  const config = testConfig(dataDir, options);
  const logs = captureLogs();
  let builder = Test.createTestingModule({
    imports: [ApiModule.forRoot(config, { imports: options.imports })],
  })
    .overrideProvider(LOG_DESTINATION)
    .useValue(logs.destination);
  for (const { provide, useValue } of options.overrides ?? []) {
    builder = builder.overrideProvider(provide).useValue(useValue);
  }
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createFastifyAdapter(config),
    APP_OPTIONS,
  );
  await configureApp(app, config);
  const generated = config.auth.generatedSecretDir;
  const secret =
    config.auth.secret ??
    (generated === undefined
      ? TEST_JWT_SECRET
      : readFileSync(join(generated, JWT_SECRET_FILE), 'utf8').trim());
  const close = async () => {
    await app.close();
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    if (config.reminders)
      await dropRedisKeys(config.reminders.redisUrl, config.reminders.queuePrefix);
  };
  return {
    app,
    config,
    dataDir,
    store: app.get<EventStore>(EVENT_STORE),
    logs: logs.lines,
    http: () => request(app.getHttpServer()),
    tokenFor: (roles, identity = {}) => {
      const list: Role[] = typeof roles === 'string' ? [roles] : [...roles];
      const first = list[0] ?? 'AUDITOR';
      return signToken({
        secret,
        sub: identity.sub ?? first.toLowerCase(),
        name: identity.name ?? `Test ${first}`,
        roles: list,
        ttl: identity.ttl ?? '1h',
        ...(identity.nip === undefined ? {} : { nip: identity.nip }),
        ...(config.auth.issuer ? { issuer: config.auth.issuer } : {}),
        ...(config.auth.audience ? { audience: config.auth.audience } : {}),
      });
    },
    restart: async () => {
      await app.close();
      return startIn(dataDir, ownDir, options);
    },
    close,
  };
}
