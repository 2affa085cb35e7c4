import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ApiConfig } from '../api.config.js';

/** How long `/health` waits for Redis before calling it down. */
export const REDIS_PING_TIMEOUT_MS = 1000;

const CONNECTING = new Set(['wait', 'connecting', 'connect']);

/**
 * A Redis connection of its own for the health check: no offline queue (a command while
 * disconnected fails at once instead of waiting), reconnects in the background, and one log line
 * per outage rather than one per retry.
 */
@Injectable()
export class RedisHealth implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RedisHealth.name);
  private readonly client: Redis;
  private down = false;

  constructor(config: ApiConfig) {
    this.client = new Redis(config.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      connectionName: 'jejak-health',
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    });
    this.client.on('error', (error: Error) => {
      if (!this.down) this.logger.warn(`Redis unreachable: ${error.message}`);
      this.down = true;
    });
    this.client.on('ready', () => {
      if (this.down) this.logger.log('Redis reachable again');
      this.down = false;
    });
  }

  onModuleInit(): void {
    this.client.connect().catch(() => undefined);
  }

  /**
   * Resolves when Redis answers PING. While the connection is being made (just after boot) it
   * waits for it; while Redis is known to be down it rejects at once. The caller bounds the wait.
   */
  async ping(signal?: AbortSignal): Promise<void> {
    if (CONNECTING.has(this.client.status)) await this.ready(signal);
    const answer: string = await this.client.ping();
    if (answer !== 'PONG') throw new Error(`unexpected answer to PING: ${answer}`);
  }

  private ready(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        this.client.off('ready', onReady);
        this.client.off('error', onError);
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onReady = () => settle();
      const onError = (error: Error) => settle(error);
      const onAbort = () => settle(new Error('timed out waiting for the connection'));
      this.client.on('ready', onReady);
      this.client.on('error', onError);
      signal?.addEventListener('abort', onAbort);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
    await Promise.resolve();
  }
}
