import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseRemindersConfig, type RemindersConfig } from '@jejak/reminders';
import { loadApiConfig, type ApiConfig } from '../../api/src/api.config.js';

/**
 * The worker reads the same variables as the API (CONFIG_KEYS, one typed loader) plus the
 * reminders' own; the only reader of `process.env` in the worker.
 */
export type WorkerConfig = {
  api: ApiConfig;
  reminders: RemindersConfig;
  /** Embedded mode: a private redis-server under `<DATA_DIR>/redis` when none answers. */
  embeddedRedisDir: string | null;
};

export function loadWorkerConfig(env: Partial<Record<string, string | undefined>>): WorkerConfig {
  const api = loadApiConfig(env);
  return {
    api,
    reminders: parseRemindersConfig({
      ...env,
      REDIS_URL: api.redisUrl,
      PUBLIC_BASE_URL: api.publicBaseUrl,
    }),
    embeddedRedisDir: api.eventStore.kind === 'embedded' ? join(api.dataDir, 'redis') : null,
  };
}

export function readWorkerConfig(envFile = '.env'): WorkerConfig {
  if (existsSync(envFile) && typeof process.loadEnvFile === 'function')
    process.loadEnvFile(envFile);
  return loadWorkerConfig(process.env);
}
