import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EVENT_STORE, type EventStore } from '@jejak/event-store';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { registerHttpObservability } from './http/http-observability.hooks.js';
import { instrumentEventStore } from './metrics/instrument-event-store.js';
import { startMetricsServer, type MetricsServer } from './metrics/metrics-server.js';
import { registerMetricsRoute } from './metrics/metrics.route.js';
import { Metrics } from './metrics/metrics.service.js';
import { OBSERVABILITY_OPTIONS, PINO, type ObservabilityOptions } from './observability.options.js';

/**
 * Wires observability into whatever app imports the module: hooks and `/metrics` on the HTTP
 * server when there is one (before Fastify is ready), the event store's timings, and the separate
 * metrics port when configured.
 */
@Injectable()
export class ObservabilityLifecycle
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private server: MetricsServer | undefined;

  constructor(
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
    @Inject(PINO) private readonly logger: Logger,
    private readonly metrics: Metrics,
    private readonly adapterHost: HttpAdapterHost,
    @Optional() @Inject(EVENT_STORE) private readonly eventStore?: EventStore,
  ) {}

  onModuleInit(): void {
    if (this.eventStore !== undefined) instrumentEventStore(this.eventStore, this.metrics);
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined) return;
    registerHttpObservability(fastify, { logger: this.logger, metrics: this.metrics });
    if (this.options.metricsPort === undefined) {
      registerMetricsRoute(fastify, this.metrics, this.options.metricsToken);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.metricsPort === undefined) return;
    this.server = await startMetricsServer({
      metrics: this.metrics,
      port: this.options.metricsPort,
      host: this.options.metricsHost ?? '127.0.0.1',
      token: this.options.metricsToken,
    });
    this.logger.info({ port: this.server.port }, `metrics served on port ${this.server.port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }
}
