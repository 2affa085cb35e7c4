import fastifyStatic from '@fastify/static';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DASHBOARD_HEADERS, findDashboardDir } from './dashboard-assets.js';

/** The dashboard's path on the API's port; `/` redirects there. */
export const DASHBOARD_PREFIX = '/ui/';

const NOT_BUILT = `<!doctype html><html lang="id"><meta charset="utf-8"><title>jejak</title>
<p>Dasbor belum dibangun: jalankan <code>npm run build</code>.<br>
The dashboard is not built: run <code>npm run build</code>.</p></html>`;

/**
 * Serves the built dashboard (apps/dashboard/dist) under /ui/ from the API's own Fastify
 * instance: same port, no second server. Static files are public (they hold no data); every API
 * call the page makes carries the user's bearer token. Registered at module init, after Swagger
 * registered its own @fastify/static (hence `decorateReply: false`); Fastify loads it at ready().
 */
@Injectable()
export class DashboardStatic implements OnModuleInit {
  private readonly logger = new Logger('Dashboard');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const root = findDashboardDir();
    if (root === undefined) {
      this.logger.warn('The dashboard is not built (npm run build): /ui/ says so');
      fastify.get(`${DASHBOARD_PREFIX}*`, (_request, reply) =>
        reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT),
      );
      return;
    }
    // Queued, not awaited: awaiting would load every plugin and route now, before Nest sets its
    // error handler (registerRouterHooks), and parser errors (413, 415) would skip it.
    void fastify.register(fastifyStatic, {
      root,
      prefix: DASHBOARD_PREFIX,
      decorateReply: false,
      redirect: true,
      index: ['index.html'],
      setHeaders: (response) => {
        for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) {
          void response.header(name, value);
        }
      },
    });
  }
}
