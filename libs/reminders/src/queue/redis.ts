import { Redis, type RedisOptions } from 'ioredis';

/** Shows a Redis URL without its password (for logs and /health). */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparseable URL)';
  }
}

/**
 * The producer connection: fails commands at once while Redis is away (no offline queue), so the
 * scheduler's subscription backs off and resumes from its checkpoint instead of hanging.
 */
export function producerConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(200 * times, 2_000),
    lazyConnect: true,
    ...extra,
  });
}

/** The worker's (blocking) connection: waits for Redis and reconnects on its own. */
export function workerConnection(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * times, 2_000),
  });
}

/** Does something answer PING at `url` within `timeoutMs`? One try, no reconnects. */
export async function probeRedis(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    // A server that accepts the connection but never answers PING must not hang the probe.
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export type RedisPolicy = { maxmemoryPolicy: string | null; ok: boolean; message?: string };

/**
 * Queued reminders must never be evicted: Redis must run with `maxmemory-policy noeviction`
 * (read from INFO, which managed Redis services allow where CONFIG GET is disabled).
 */
export async function checkRedisPolicy(client: Redis): Promise<RedisPolicy> {
  const info = await client.info('memory');
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? null;
  if (policy === 'noeviction') return { maxmemoryPolicy: policy, ok: true };
  return {
    maxmemoryPolicy: policy,
    ok: false,
    message: `Redis maxmemory-policy is ${policy ?? 'unknown'}: set noeviction, or queued reminders may be evicted`,
  };
}
