import { Redis } from 'ioredis';
import { isAlive } from './databases.js';

/**
 * The run's own Redis key prefix (`jejak-bench-<pid>`): runs side by side never touch each
 * other's keys, and a killed run's keys can be told apart by its process id.
 */
export const benchKeyPrefix = (pid = process.pid): string => `jejak-bench-${pid}`;

const RUN_KEY = /^jejak-bench-(\d+):/;

/** Deletes every key under `prefix` (`<prefix>:*`). */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** Removes the keys of bench processes that no longer run; returns their prefixes. */
export async function dropLeftoverKeys(redisUrl: string): Promise<string[]> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  try {
    await redis.connect();
    const dead = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'jejak-bench-*', 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const pid = RUN_KEY.exec(key)?.[1];
        if (pid !== undefined && !isAlive(Number(pid))) dead.add(benchKeyPrefix(Number(pid)));
      }
    } while (cursor !== '0');
    for (const prefix of dead) await dropPrefix(redis, prefix);
    return [...dead];
  } finally {
    redis.disconnect();
  }
}
