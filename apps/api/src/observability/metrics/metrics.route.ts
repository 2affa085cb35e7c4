import type { FastifyInstance } from 'fastify';
import { checkMetricsAccess } from './metrics-access.js';
import type { Metrics } from './metrics.service.js';

export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics` on the app's own port, as a plain Fastify route: outside Nest's JWT guard on
 * purpose (Prometheus has no user token), protected by `METRICS_TOKEN` or, without one, served
 * to loopback clients only.
 */
export function registerMetricsRoute(
  fastify: FastifyInstance,
  metrics: Metrics,
  token: string | undefined,
): void {
  fastify.get(METRICS_PATH, async (request, reply) => {
    const access = checkMetricsAccess(
      { remoteAddress: request.socket.remoteAddress, authorization: request.headers.authorization },
      token,
    );
    if (!access.allowed) {
      return reply
        .code(access.status)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          title: access.status === 401 ? 'Unauthorized' : 'Forbidden',
          status: access.status,
          detail: access.reason,
        });
    }
    return reply.type(metrics.contentType).send(await metrics.scrape());
  });
}
