import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkMetricsAccess } from './metrics-access.js';
import type { Metrics } from './metrics.service.js';

export type MetricsServer = { port: number; close(): Promise<void> };

/**
 * `/metrics` (and `/health`, for probes) on a port of its own: how a process without HTTP (the
 * worker) is scraped. The port is the boundary (keep it off Services and Ingresses); with
 * `METRICS_TOKEN` set the token is required here too.
 */
export async function startMetricsServer(options: {
  metrics: Metrics;
  port: number;
  host: string;
  token: string | undefined;
}): Promise<MetricsServer> {
  const { metrics, token } = options;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    const access = token
      ? checkMetricsAccess(
          { remoteAddress: undefined, authorization: request.headers.authorization },
          token,
        )
      : { allowed: true as const };
    if (!access.allowed) {
      response.writeHead(access.status, { 'content-type': 'text/plain' }).end(access.reason);
      return;
    }
    metrics.scrape().then(
      (body) => response.writeHead(200, { 'content-type': metrics.contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
