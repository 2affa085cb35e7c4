import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Once the app starts shutting down, every response says `Connection: close`. Without it, a
 * request that was in flight when the shutdown began leaves its keep-alive connection open after
 * the answer, and closing the server waits for the keep-alive timeout (72 s) before the store can
 * close. Idle connections are closed by the server itself; new requests get 503 (Nest's
 * `return503OnClosing`).
 */
@Injectable()
export class CloseConnectionsOnShutdown implements OnModuleInit, OnModuleDestroy {
  private shuttingDown = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onSend', (request, reply, payload, done) => {
      if (this.shuttingDown && request.raw.httpVersionMajor < 2)
        void reply.header('connection', 'close');
      done(null, payload);
    });
  }

  onModuleDestroy(): void {
    this.shuttingDown = true;
  }
}
