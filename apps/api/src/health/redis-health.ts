import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { RemindersService } from '@jejak/reminders';
import { Redis } from 'ioredis';
import { ApiConfig } from '../api.config.js';

/** How long `/health` waits for Redis before calling it down. */
export const REDIS_PING_TIMEOUT_MS = 1000;

const CONNECTING = new Set(['wait', 'connecting', 'connect']);

/**
 * A Redis connection of its own for the health check: no offline queue (a command while
 * disconnected fails at once instead of waiting), reconnects in the background, and one log line
 * per outage rather than one per retry. It checks the Redis in use: REDIS_URL, or, when the API
 * hosts reminders and started its private redis-server because nothing answered there, that one.
 */
@Injectable()
export class RedisHealth implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RedisHealth.name);
  private client: Redis;
  private url: string;
  private down = false;

  constructor(
    private readonly config: ApiConfig,
    private readonly moduleRef: ModuleRef,
  ) {
    this.url = config.redisUrl;
    this.client = this.connection(this.url);
  }

  private connection(url: string): Redis {
    const client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      connectionName: 'jejak-health',
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    });
    client.on('error', (error: Error) => {
      if (!this.down) this.logger.warn(`Redis unreachable: ${error.message}`);
      this.down = true;
    });
    client.on('ready', () => {
      if (this.down) this.logger.log('Redis reachable again');
      this.down = false;
    });
    return client;
  }

  onModuleInit(): void {
    this.client.connect().catch(() => undefined);
  }

  /** The reminders' Redis when they run in this process, else REDIS_URL. */
  private inUse(): { url: string; embedded: boolean } {
    try {
      return this.moduleRef.get(RemindersService, { strict: false }).redisInUse();
    } catch {
      return { url: this.config.redisUrl, embedded: false };
    }
  }

  /**
   * Resolves when Redis answers PING (with `embedded: true` for the private redis-server). While
   * the connection is being made (just after boot) it waits for it; while Redis is known to be
   * down it rejects at once. The caller bounds the wait.
   */
  async ping(signal?: AbortSignal): Promise<{ embedded: true } | undefined> {
    const { url, embedded } = this.inUse();
    if (url !== this.url) {
      this.client.disconnect();
      this.url = url;
      this.down = false;
      this.client = this.connection(url);
      this.client.connect().catch(() => undefined);
    }
    if (CONNECTING.has(this.client.status)) await this.ready(signal);
    const answer: string = await this.client.ping();
    if (answer !== 'PONG') throw new Error(`unexpected answer to PING: ${answer}`);
    return embedded ? { embedded: true } : undefined;
  }

  private ready(signal?: AbortSignal): Promise<void> {
    const client = this.client;
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        client.off('ready', onReady);
        client.off('error', onError);
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onReady = () => settle();
      const onError = (error: Error) => settle(error);
      const onAbort = () => settle(new Error('timed out waiting for the connection'));
      client.on('ready', onReady);
      client.on('error', onError);
      signal?.addEventListener('abort', onAbort);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
    await Promise.resolve();
  }
}
